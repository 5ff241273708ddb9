// The PDF of everything a real brief is made of (issue 9): picture figures, tables, superscripts,
// quotes, numbered and nested lists, links; `--allow-overflow`; and the check that no word is lost.
// Real CLI and real Chromium; the PDF read back with poppler and pdf-lib.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../src/model/build-document.js';
import { withBrowser } from '../src/render/pdf/browser.js';
import { renderPdfPages } from '../src/render/pdf/render-pdf.js';
import { pdfInfo, pdfLines, pdfText, pdfWords } from './support/pdf-text.js';
import { ROOT, runCli } from './support/run-cli.js';

const CONSTRUCTS = path.join(ROOT, 'tests/fixtures/constructs');
const OVERFLOW = path.join(ROOT, 'tests/fixtures/overflow');

/** Reading-order text (no -layout), spaces collapsed: what a reader copying the text gets. */
function readingText(pdf: string, page?: number): string {
  const args = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** pdftotext's lines joined into printed rows (a list number and its text, a table row's cells). */
function pdfRows(pdf: string): { page: number; x: number; y: number; text: string }[][] {
  return pdfLines(pdf).pages.map((p) => {
    const rows: { page: number; x: number; y: number; parts: { x: number; text: string }[] }[] = [];
    for (const l of p.lines) {
      const row = rows.find((r) => Math.abs(r.y - l.y) < 1 && Math.abs((r.x < 306) === (l.x < 306) ? 0 : 1) === 0);
      if (row) {
        row.parts.push({ x: l.x, text: l.text });
        row.x = Math.min(row.x, l.x);
      } else rows.push({ page: l.page, x: l.x, y: l.y, parts: [{ x: l.x, text: l.text }] });
    }
    return rows.map((r) => ({ page: r.page, x: r.x, y: r.y, text: r.parts.sort((a, b) => a.x - b.x).map((q) => q.text).join(' ') }));
  });
}

interface Link {
  page: number;
  uri?: string;
  dest?: string;
}

async function pdfLinks(pdf: string): Promise<{ links: Link[]; dests: Map<string, number> }> {
  const doc = await PDFDocument.load(fs.readFileSync(pdf));
  const pages = doc.getPages();
  const links: Link[] = [];
  pages.forEach((p, i) => {
    const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let k = 0; k < (annots?.size() ?? 0); k++) {
      const a = annots!.lookup(k, PDFDict);
      if (a.get(PDFName.of('Subtype'))?.toString() !== '/Link') continue;
      const action = a.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString)?.decodeText();
      const dest = a.get(PDFName.of('Dest'))?.toString().replace(/^\//, '');
      links.push({ page: i + 1, ...(uri ? { uri } : {}), ...(dest ? { dest } : {}) });
    }
  });
  // Named destinations (Chromium writes them in the catalog's /Dests): name → page number.
  const dests = new Map<string, number>();
  const table = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const key of table?.keys() ?? []) {
    const target = table!.lookup(key, PDFArray);
    const pageRef = target.get(0);
    const index = pages.findIndex((p) => p.ref === pageRef);
    dests.set(key.toString().replace(/^\//, ''), index + 1);
  }
  return { links, dests };
}

let out: string;
let pdf: string;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-constructs-pdf-'));
  const r = runCli(['build', 'IF10009', '--content', CONSTRUCTS, '--out', out, '--format', 'pdf']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  pdf = path.join(out, 'IF10009/1/IF10009.pdf');
});

describe('IF10009: every construct in the PDF', () => {
  it('fits its two pages and the disclaimer page, with no DRAFT mark', () => {
    expect(pdfInfo(pdf).Pages).toBe('2');
    expect(readingText(pdf)).not.toMatch(/DRAFT/);
  });

  it('embeds the photograph as an image at its pixel size, with caption, subtitle, Source and Notes', () => {
    const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const sizes = list.map((l) => l.trim().split(/\s+/).slice(3, 5).join('x'));
    expect(sizes).toContain('523x294'); // figures/photo.png
    const text = readingText(pdf, 1);
    expect(text).toContain('Figure 1. Amphibious Combat Vehicle at Sea');
    expect(text).toContain('A photograph');
    expect(text).toContain('Source: U.S. Marine Corps, photo page.');
    expect(text).toContain('Notes: Shown as printed.');
    expect(text).toContain('Figure 2. Annual Appropriations, FY2024-FY2026');
    expect(text).toContain('Source: CRS.');
  });

  it('spans the place="span" figure across both columns', () => {
    const words = pdfWords(pdf);
    const caption = words.find((w) => w.text === 'Annual')!;
    // Nothing of the other column sits beside the caption: the figure has the whole width.
    const beside = words.filter((w) => w.page === caption.page && Math.abs(w.yMin - caption.yMin) < 2 && w.xMin > 306);
    expect(beside).toEqual([]);
  });

  it('sets the table: centred "Table 1." caption, header, every cell, the Source and the note', () => {
    const text = readingText(pdf, 1);
    expect(text).toContain('Table 1. Programs and Funding');
    for (const cell of ['Program', 'Statute', 'Funding', 'SNAP', 'TEFAP', 'CSFP', 'Food and Nutrition Act', '$460 million']) expect(text).toContain(cell);
    expect(text).toMatch(/Source: CRS, from agency budget data \(budget\)\./);
    expect(text).toMatch(/a\. Entitlement foods and administrative funds only\./);
    const words = pdfWords(pdf);
    // Right-aligned column (---:, the last): the right ends of its cells' lines line up.
    const lineEnd = (first: string) => {
      const w = words.find((x) => x.text === first)!;
      return Math.max(...words.filter((x) => x.page === w.page && Math.abs(x.yMin - w.yMin) < 1 && x.xMin >= w.xMin && (x.xMin < 306) === (w.xMin < 306)).map((x) => x.xMax));
    };
    const ends = ['$103.955', '$460', '$552'].map(lineEnd);
    expect(Math.max(...ends) - Math.min(...ends)).toBeLessThan(1);
    // Centred column (:---:): "Food and Nutrition Act" sits in the middle of its cell, not at its left.
    const food = words.find((w) => w.text === 'Food')!;
    const statute = words.find((w) => w.text === 'Statute')!;
    const foodEnd = words.find((w) => w.text === 'Act' && Math.abs(w.yMin - food.yMin) < 1)!;
    expect(Math.abs((food.xMin + foodEnd.xMax) / 2 - (statute.xMin + statute.xMax) / 2)).toBeLessThan(3);
    // The caption is centred over the table (its column).
    const programs = words.find((w) => w.text === 'Programs')!;
    const caption = words.filter((w) => w.page === programs.page && Math.abs(w.yMin - programs.yMin) < 1 && (w.xMin < 306) === (programs.xMin < 306));
    expect(caption.map((w) => w.text).join(' ')).toBe('Table 1. Programs and Funding');
    const centre = (Math.min(...caption.map((w) => w.xMin)) + Math.max(...caption.map((w) => w.xMax))) / 2;
    const column = programs.xMin < 306 ? (57.6 + 298.8) / 2 : (313.2 + 554.4) / 2;
    expect(Math.abs(centre - column)).toBeLessThan(3);
  });

  it('prints numbered lists with numbers and no bullet, nested bullets (◦) one step in, and the bullet list with bullets', () => {
    const rows = pdfRows(pdf)[0]!;
    const line = (re: RegExp) => rows.find((l) => re.test(l.text))!;
    expect(line(/^1\. First numbered step;$/)).toBeTruthy();
    expect(line(/^2\. Second numbered step/)).toBeTruthy();
    expect(line(/^3\. Third numbered step\.$/)).toBeTruthy();
    expect(readingText(pdf)).not.toMatch(/•\s*\d+\./);
    expect(readingText(pdf)).not.toMatch(/\d+\.\s*•/);
    const one = line(/^1\. First/);
    const nested = line(/^◦ a nested bullet;$/);
    const bullet = line(/^• A bullet item\.$/);
    expect(bullet.x).toBeCloseTo(one.x, 0);
    expect(nested.x).toBeGreaterThan(one.x + 10);
  });

  it('indents the block quote 18 pt on both sides', () => {
    const lines = pdfLines(pdf).pages[0]!.lines;
    const quote = lines.find((l) => l.text.startsWith('[The Director]'))!;
    const columnLeft = quote.x < 306 ? 57.6 : 313.2;
    expect(quote.x - columnLeft).toBeCloseTo(18, 0);
  });

  it('keeps the superscript as text, smaller than the text around it', () => {
    expect(readingText(pdf)).toMatch(/The 119 ?th Congress began in 2025/);
    const words = pdfWords(pdf);
    const th = words.find((w) => /^(119)?th$/.test(w.text) && words.some((v) => v.text === 'Congress' && Math.abs(v.yMin - w.yMin) < 4));
    expect(th).toBeTruthy();
  });

  it('has live links: a URI annotation per web and mailto link, and internal links to the figure and the table', async () => {
    const { links, dests } = await pdfLinks(pdf);
    const uris = new Set(links.map((l) => l.uri).filter(Boolean));
    expect([...uris].sort()).toEqual(['https://www.congress.gov/', 'https://www.marines.mil/', 'https://www.whitehouse.gov/omb/', 'mailto:desk@example.gov']);
    const internal = new Set(links.map((l) => l.dest).filter(Boolean));
    expect([...internal].sort()).toEqual(['fig-1', 'tab-1']);
    expect(dests.get('fig-1')).toBe(1);
    expect(dests.get('tab-1')).toBe(1);
  });
});

describe('--allow-overflow', () => {
  it('without it, an overlong brief fails and writes nothing; with it, the PDF has more pages, DRAFT on every one, the overflow reported', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-allow-overflow-'));
    const refused = runCli(['build', 'IF10003', '--content', OVERFLOW, '--out', dir, '--format', 'pdf']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/IF10003\/brief\.md:49:1: error: IF10003 does not fit its two pages/);
    expect(fs.readdirSync(dir)).toEqual([]);

    const allowed = runCli(['build', 'IF10003', '--content', OVERFLOW, '--out', dir, '--format', 'pdf', '--allow-overflow']);
    expect(allowed.status).toBe(0);
    expect(allowed.stderr).toMatch(/IF10003\/brief\.md:49:1: warning: IF10003 does not fit its two pages: (\d+) lines .*written anyway with --allow-overflow/);
    const file = path.join(dir, 'IF10003/1/IF10003.pdf');
    const pages = Number(pdfInfo(file).Pages);
    expect(pages).toBeGreaterThan(3);
    const lines = /fit its two pages: (\d+) lines/.exec(allowed.stderr)![1];
    for (let p = 1; p <= pages; p++) expect(readingText(file, p)).toContain(`DRAFT — overflows two pages by ${lines} lines`);
    // Every paragraph of the brief is there.
    expect(readingText(file)).toMatch(/Paragraph 1\.1\..*Paragraph 2\.\d/);
    expect(pdfText(file, pages).replace(/\s+/g, ' ')).toContain('Disclaimer');

    // The build record knows the flag: without it the PDF is stale (and fails again), with it up to date.
    const again = runCli(['build', 'IF10003', '--content', OVERFLOW, '--out', dir, '--format', 'pdf', '--allow-overflow']);
    expect(again.stdout).toMatch(/up to date IF10003 1/);
    const without = runCli(['build', 'IF10003', '--content', OVERFLOW, '--out', dir, '--format', 'pdf']);
    expect(without.stdout).toMatch(/build IF10003 1 \(draft\): pdf: .*the build options changed/);
    expect(without.status).toBe(1);
  });

  it('is refused by release (and every command but build)', () => {
    const r = runCli(['release', 'IF10003', '--content', OVERFLOW, '--allow-overflow']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--allow-overflow is for `brief build` only/);
  });

  it('a table continued on the next page repeats its header row; a numbered list continued goes on counting', () => {
    const content = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-long-table-'));
    // More rows than page 1's two columns hold.
    const rows = Array.from({ length: 150 }, (_, i) => `| Program ${i + 1} | Statute ${i + 1} | $${i + 1}.5 million |`).join('\n');
    const items = Array.from({ length: 60 }, (_, i) => `${i + 1}. Step ${i + 1} of a long numbered list that wraps onto a second line here.`).join('\n');
    fs.mkdirSync(path.join(content, 'IF10077'));
    fs.writeFileSync(
      path.join(content, 'IF10077/brief.md'),
      `---\nproduct: IF10077\ntitle: "A Long Table"\ndate: 2026-04-20\nversion: 1\nstatus: new\nauthors:\n  - name: Ada Analyst\n    title: Specialist in Testing\n---\n\n## Overview\n\nText before the table.\n\n:::table[A Long Table]{#tab-1 place="column" source="CRS."}\n| Program | Statute | Funding |\n| --- | :---: | ---: |\n${rows}\n:::\n\n${items}\n`,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-long-table-out-'));
    const r = runCli(['build', 'IF10077', '--content', content, '--out', dir, '--format', 'pdf', '--allow-overflow']);
    expect(r.status, r.stderr).toBe(0);
    const file = path.join(dir, 'IF10077/1/IF10077.pdf');
    const pages = pdfRows(file);
    // Where the rows go on, on page 2, the header row comes first.
    const page2 = pages[1]!.map((l) => l.text);
    const firstRow = page2.findIndex((t) => /^Program \d+ /.test(t));
    expect(firstRow).toBeGreaterThan(-1);
    expect(page2.slice(0, firstRow).some((t) => /^Program Statute Funding$/.test(t))).toBe(true);
    // Every row is printed once.
    const all = pages.flatMap((p) => p.map((l) => l.text));
    for (let i = 1; i <= 150; i++) expect(all.filter((t) => t.startsWith(`Program ${i} `)).length, `row ${i}`).toBe(1);
    // The list's numbers run 1..60 across columns and pages, each once, no bullets.
    const numbers = all.map((t) => /^(\d+)\. Step \1 /.exec(t)?.[1]).filter(Boolean).map(Number);
    // (pdftotext's order of columns on a page is its own; each number is there once.)
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });
});

describe('no content lost', () => {
  it('a build where text lands outside the page’s columns fails with the source line', async () => {
    const doc = await buildDocument(path.join(CONSTRUCTS, 'IF10009/brief.md'), CONSTRUCTS);
    await withBrowser(async (b) => {
      const ok = await renderPdfPages(b, doc);
      expect(ok.report.lost).toEqual([]);
      expect(ok.pdf.byteLength).toBeGreaterThan(0);
      // The quote pushed below the page (relative positioning leaves the layout as it was).
      const pushed = await renderPdfPages(b, doc, { extraCss: '.paged blockquote { position: relative; top: 900pt; }' });
      expect(pushed.pdf.byteLength).toBe(0);
      expect(pushed.report.lost).toEqual(expect.arrayContaining([expect.objectContaining({ line: 18, where: 'below the bottom of the columns' })]));
      // And a paragraph pushed into a column past the page's right edge.
      const aside = await renderPdfPages(b, doc, { extraCss: '.paged main > section > p:last-child { position: relative; left: 520pt; }' });
      expect(aside.pdf.byteLength).toBe(0);
      expect(aside.report.lost.some((l) => /right edge/.test(l.where) && typeof l.line === 'number')).toBe(true);
    });
  });
});
