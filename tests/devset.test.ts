// The six real 2026 briefs of the dev set (tests/fixtures/devset), built as a new user would, in the
// 2026 edition: how many of each original's lines our PDF puts on the same page and in the same
// column (never fewer than the figures below, the README's), which of them fit their two pages, and
// that every line of each original's pages 1–2 (body, headings, figure captions, Source and Notes,
// table cells and notes, authors) is in each of our formats.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyDevset, devsetProducts, layoutFile, missingLines } from './support/devset.js';
import { layoutFidelity } from './support/fidelity.js';
import { docxToPdf } from './support/libreoffice.js';
import { buildDocument } from '../src/model/build-document.js';
import { withBrowser } from '../src/render/pdf/browser.js';
import { renderPdfPages } from '../src/render/pdf/render-pdf.js';
import { runCli } from './support/run-cli.js';
import { pdfLines, pdfWords } from './support/pdf-text.js';
import { docxWords } from './support/words.js';

const products = devsetProducts();

/**
 * Where each brief stands (PDF, lines in place of the original's, and whether it fits two pages):
 * a floor, raised as the layout improves. The misses left are listed in the README.
 */
const EXPECTED: Record<string, { inPlace: number; of: number; fits: boolean; docx: number }> = {
  IF11755: { inPlace: 189, of: 192, fits: true, docx: 187 },
  IF12106: { inPlace: 229, of: 229, fits: true, docx: 229 },
  IF12255: { inPlace: 213, of: 221, fits: true, docx: 201 },
  IF12888: { inPlace: 220, of: 220, fits: true, docx: 220 },
  IF13200: { inPlace: 206, of: 212, fits: true, docx: 206 },
  IF13205: { inPlace: 207, of: 212, fits: true, docx: 199 },
};
let content: string;
const docxPdfs = new Map<string, string>();
let out: string;
const versionOf = (p: string) => Number(/^version: (\d+)$/m.exec(fs.readFileSync(path.join(content, p, 'brief.md'), 'utf8'))![1]);
const file = (p: string, ext: string) => path.join(out, p, String(versionOf(p)), `${p}.${ext}`);

beforeAll(() => {
  content = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-devset-'));
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-devset-out-'));
  copyDevset(content);
  // All six laid out at once, each in a page of its own (page-pool.ts), as on a machine of six cores.
  const r = runCli(['build', '--content', content, '--out', out, '--allow-overflow'], { env: { BRIEF_PAGES: '6' } });
  expect(r.status, r.stderr).toBe(0);
  // Only the briefs that do not fit yet are reported (as warnings), and nothing else.
  const overflowing = r.stderr.split('\n').filter(Boolean).map((l) => /: warning: (IF\d+) does not fit its two pages: .*written anyway with --allow-overflow/.exec(l)?.[1] ?? l);
  expect(overflowing).toEqual(products.filter((p) => !EXPECTED[p]!.fits));
  const pdfs = docxToPdf(products.map((p) => file(p, 'docx')), path.join(out, 'libreoffice'));
  products.forEach((p, i) => docxPdfs.set(p, pdfs[i]!));
});

describe.runIf(products.length > 0)('the dev set (six real 2026 briefs)', () => {
  it('has six briefs', () => expect(products).toHaveLength(6));

  it('gives the same PDFs laid out one at a time as six at once', () => {
    const one = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-devset-one-page-'));
    const r = runCli(['build', '--content', content, '--out', one, '--allow-overflow', '--format', 'pdf'], { env: { BRIEF_PAGES: '1' } });
    expect(r.status, r.stderr).toBe(0);
    for (const p of products) expect(fs.readFileSync(path.join(one, p, String(versionOf(p)), `${p}.pdf`)).equals(fs.readFileSync(file(p, 'pdf'))), p).toBe(true);
    expect(runCli(['build', '--content', content, '--out', one], { env: { BRIEF_PAGES: 'two' } }).stderr).toMatch(/BRIEF_PAGES=two: expected a whole number of pages from 1/);
  });

  it('the fit check is line-exact: a brief that fits, lengthened line by line, is refused at the first line too many', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-devset-longer-'));
    fs.cpSync(path.join(content, 'IF13200'), path.join(dir, 'IF13200'), { recursive: true });
    const source = path.join(dir, 'IF13200/brief.md');
    const original = fs.readFileSync(source, 'utf8');
    const reports = await withBrowser(async (browser) => {
      const out = [];
      // One more one-line paragraph at a time (a line and a paragraph's gap), until it overflows.
      for (let extra = 0; extra <= 8; extra++) {
        fs.writeFileSync(source, original + '\nOne line more.\n'.repeat(extra));
        const { report } = await renderPdfPages(browser, await buildDocument(source, dir));
        out.push(report.overflow);
        if (report.overflow) break;
      }
      return out;
    });
    expect(reports[0]).toBeNull();
    const first = reports[reports.length - 1]!;
    expect(first, 'it never overflowed').not.toBeNull();
    expect(first.lines).toBeGreaterThanOrEqual(1);
    // What overflows is the end of the author block (an author's lines stay together).
    expect(first.lines).toBeLessThanOrEqual(6);
    expect(first.startsWith).toMatch(/^(Marc Labonte|Rebecca M\. Nelson)/);
  });

  it('the check notices a lost table note, caption word or cell', () => {
    const text = toText(fromHtml(fs.readFileSync(file('IF12255', 'html'), 'utf8')));
    expect(missingLines('IF12255', text)).toEqual([]);
    expect(missingLines('IF12255', text.replace('bonus foods', 'foods'))).toHaveLength(1);
    expect(missingLines('IF12255', text.replace('Major Nutrition Programs', ''))[0]).toMatch(/^Table 1\. Major Nutrition Programs.*\[missing: Major\]$/);
    expect(missingLines('IF12255', text.replaceAll('Gus Schumacher', '')).length).toBeGreaterThan(1);
  });

  it('IF12255: Table 1 is set as its author set it (widths=): 560.7 pt, centred on the page, past the margins', () => {
    const tree = fromHtml(fs.readFileSync(file('IF12255', 'html'), 'utf8'));
    const cols = selectAll('#tab-1 colgroup col', tree).map((c) => String(c.properties.style));
    expect(cols).toHaveLength(5);
    expect(String(select('#tab-1', tree)!.properties.style)).toBe('--table-width:560.7pt');
    // In the PDF the columns start where the original's do (x 28.2, 115.8, 203.8: cells 2.8 pt in).
    const page2 = pdfWords(file('IF12255', 'pdf')).filter((w) => w.page === 2);
    const caption = page2.find((w) => w.text === 'Table')!;
    const words = page2.filter((w) => w.yMin > caption.yMin);
    const startOf = (text: string) => words.find((w) => w.text === text)!.xMin;
    expect(startOf('Supplemental')).toBeCloseTo(28.2, 0);
    expect(startOf('Authorizing')).toBeGreaterThan(115.8);
    expect(words.find((w) => w.text === 'Provides')!.xMin).toBeCloseTo(203.8, 0);
    // The last column's text runs past the right margin (554.4), inside the page.
    const right = Math.max(...words.filter((w) => w.text === 'Participation' || w.text === 'average').map((w) => w.xMax));
    expect(right).toBeGreaterThan(560);
    expect(right).toBeLessThan(586.1);
  });

  for (const p of products) {
    it(`${p}: the HTML holds every line of the original`, () => {
      const text = toText(fromHtml(fs.readFileSync(file(p, 'html'), 'utf8')));
      expect(missingLines(p, text)).toEqual([]);
    });

    it(`${p}: the PDF puts at least ${EXPECTED[p]?.inPlace} of the original's ${EXPECTED[p]?.of} lines in place${EXPECTED[p]?.fits ? ', on three pages' : ''}`, () => {
      const f = layoutFidelity(file(p, 'pdf'), layoutFile(p));
      expect(f.lines).toBe(EXPECTED[p]!.of);
      expect(f.inPlace, f.misses.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(EXPECTED[p]!.inPlace);
      if (EXPECTED[p]!.fits) {
        expect(f.pages).toBe(3);
        expect(f.footerOnLastPage).toBe(true);
      }
    });

    it(`${p}: the PDF holds every line of the original${EXPECTED[p]?.fits ? '' : ', on DRAFT pages'}`, () => {
      const title = /^title: "(.*)"$/m.exec(fs.readFileSync(path.join(content, p, 'brief.md'), 'utf8'))![1]!;
      // Lines as laid out (plain pdftotext would join a line ending in a hyphen to the next one,
      // dropping the hyphen); page furniture between two columns or pages is not text of the brief.
      const { pages } = pdfLines(file(p, 'pdf'));
      const furniture = (l: string) => l.startsWith('DRAFT — overflows') || l === 'https://crsreports.congress.gov' || l === title;
      expect(pages.every((page) => page.lines.some((l) => l.text.startsWith('DRAFT — overflows two pages by')))).toBe(!EXPECTED[p]!.fits);
      // In reading order: each page's left column, then its right column.
      const column = (page: (typeof pages)[number], left: boolean) => page.lines.filter((l) => l.x < page.width / 2 === left).sort((a, b) => a.y - b.y);
      const text = pages.flatMap((page) => [...column(page, true), ...column(page, false)].map((l) => l.text).filter((l) => !furniture(l)));
      expect(missingLines(p, text.join('\n'))).toEqual([]);
    });

    it(`${p}: the DOCX, printed by LibreOffice, puts at least ${EXPECTED[p]?.docx} of the original's lines in place`, () => {
      const f = layoutFidelity(docxPdfs.get(p)!, layoutFile(p));
      expect(f.inPlace, f.misses.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(EXPECTED[p]!.docx);
    });

    it(`${p}: the DOCX holds every line of the original`, async () => {
      const text = (await docxWords(fs.readFileSync(file(p, 'docx')))).join(' ');
      expect(missingLines(p, text)).toEqual([]);
    });
  }
});
