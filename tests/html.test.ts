// The HTML brief: the original's words, in order; semantic structure; self-contained and sealed;
// raw HTML sanitised; the same bytes every build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll, select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftContent, runCli } from './support/run-cli.js';
import { firstDifference, htmlWords, referenceWords } from './support/words.js';

let out: string;
let html: string;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-html-'));
  const r = runCli(['build', 'IF11415', '--content', draftContent(), '--format', 'html', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  html = fs.readFileSync(path.join(out, 'IF11415/1/IF11415.html'), 'utf8');
});

describe('IF11415 HTML', () => {
  it('has the original text word for word, in reading order', () => {
    const ours = htmlWords(html, { sourceNotes: false });
    const original = referenceWords();
    expect(firstDifference(ours, original)).toBeNull();
    expect(ours.length).toBe(original.length);
  });

  it('is semantic: lang, header, main, one h1, sections with h2/h3, figure with caption', () => {
    const tree = fromHtml(html);
    expect(select('html', tree)?.properties.lang).toBe('en-US');
    expect(selectAll('h1', tree)).toHaveLength(1);
    expect(select('header h1', tree)).toBeTruthy();
    expect(select('main', tree)).toBeTruthy();
    const h2 = selectAll('main section > h2', tree).map((h) => (h.children[0] as { value: string }).value);
    expect(h2).toEqual(['Overview', 'Status of U.S.-DPRK Negotiations', 'Key Developments Since March 2018']);
    expect(selectAll('main section section > h3', tree)).toHaveLength(4);
    const figure = select('main figure#timeline', tree);
    expect(figure).toBeTruthy();
    expect(select('figcaption', figure!)).toBeTruthy();
    expect(select('time[datetime="2020-01-22"]', tree)).toBeTruthy();
    expect(select('meta[name="viewport"]', tree)).toBeTruthy();
    expect(selectAll('.author-block .author', tree)).toHaveLength(4);
  });

  it('is self-contained and sealed: fonts inlined, no external loads, no scripts', () => {
    expect(html).toMatch(/@font-face\{font-family:'Tinos'[^}]*src:url\(data:font\/woff2;base64,/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
  });

  it('is the same bytes when built twice', () => {
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-html2-'));
    expect(runCli(['build', 'IF11415', '--content', draftContent(), '--format', 'html', '--out', again]).status).toBe(0);
    expect(fs.readFileSync(path.join(again, 'IF11415/1/IF11415.html'))).toEqual(Buffer.from(html));
  });
});

describe('raw HTML in Markdown', () => {
  it('is sanitised: scripts, handlers, remote loads and javascript: links removed; harmless markup kept', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-raw-'));
    const r = runCli(['build', '--content', path.join(import.meta.dirname, 'fixtures/good/raw-html'), '--out', dir, '--format', 'html']);
    expect(r.status).toBe(0);
    const page = fs.readFileSync(path.join(dir, 'IF10002/1/IF10002.html'), 'utf8');
    const body = page.slice(page.indexOf('<main'));
    expect(body).not.toMatch(/<script|onclick|<img|<iframe|example\.com|javascript:|style="color/i);
    expect(body).toContain('CO<sub>2</sub>');
    expect(body).toContain('mc<sup>2</sup>');
    expect(body).toContain('A paragraph with a handler.');
    expect(body).toContain('href="https://crsreports.congress.gov"');
    // An updated version says so above the title.
    expect(page).toMatch(/<time datetime="2021-05-06">Updated May 6, 2021<\/time>/);
  });
});

describe('every construct in the HTML file (tests/fixtures/constructs/IF10009)', () => {
  let page: string;
  let tree: ReturnType<typeof fromHtml>;
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-constructs-html-'));
    const r = runCli(['build', '--content', path.join(import.meta.dirname, 'fixtures/constructs'), '--out', dir, '--format', 'html']);
    expect(r.status, r.stderr).toBe(0);
    page = fs.readFileSync(path.join(dir, 'IF10009/1/IF10009.html'), 'utf8');
    tree = fromHtml(page);
  });

  it('pictures are inlined (the page stays sealed and self-contained), with alt text and natural size', () => {
    const imgs = selectAll('figure img.figure-image', tree);
    expect(imgs.map((i) => String(i.properties.src).slice(0, 26))).toEqual(['data:image/png;base64,iVBO', 'data:image/svg+xml;base64,']);
    expect(imgs.map((i) => i.properties.alt)).toEqual(['Figure 1. Amphibious Combat Vehicle at Sea', 'Figure 2. Annual Appropriations, FY2024-FY2026']);
    expect(page).toContain("img-src data:");
    expect(page).not.toMatch(/src="(?!data:)/);
    expect(select('#fig-2', tree)!.properties.dataPlace).toBe('span');
  });

  it('the table: numbered caption, header, alignments, superscript, Source and notes', () => {
    const table = select('figure#tab-1.table-figure', tree)!;
    expect(toText(select('figcaption', table)!)).toBe('Table 1. Programs and Funding');
    expect(selectAll('thead th', table).map((th) => toText(th))).toEqual(['Program', 'Statute', 'Funding']);
    expect(selectAll('tbody tr:first-child td', table).map((td) => td.properties.align ?? 'left')).toEqual(['left', 'center', 'right']);
    expect(select('tbody sup', table) && toText(select('tbody sup', table)!)).toBe('a');
    expect(toText(select('.figure-source', table)!)).toBe('Source: CRS, from agency budget data (budget).');
    expect(toText(select('.table-note .note-label', table)!)).toBe('a.');
  });

  it('quotes, numbered and nested lists, superscripts, links and colons', () => {
    const main = select('main', tree)!;
    expect(toText(select('blockquote', main)!)).toMatch(/^\s*\[The Director\] shall have the direction/);
    expect(selectAll('ol > li', main)).toHaveLength(3);
    expect(selectAll('ol > li ul > li', main)).toHaveLength(2);
    expect(toText(select('p sup', main)!)).toBe('th');
    expect(selectAll('a', main).map((a) => a.properties.href)).toEqual(['https://www.congress.gov/', '#fig-1', '#tab-1', 'https://www.congress.gov/', 'https://www.marines.mil/', 'https://www.whitehouse.gov/omb/', 'mailto:desk@example.gov']);
    expect(toText(main)).toContain('The meeting began at 10:30 a.m. and the vote was 3:1. Note: colons in text are text');
  });
});
