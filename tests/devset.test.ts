// The six real 2026 briefs of the dev set, built as a new user would (HTML, DOCX, and the PDF
// with --allow-overflow until the 2026 edition fits them to two pages): every line of each
// original's pages 1–2 (body, headings, figure captions, Source and Notes, table cells and notes,
// authors) is in each of our formats.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyDevset, devsetProducts, missingLines } from './support/devset.js';
import { runCli } from './support/run-cli.js';
import { pdfLines } from './support/pdf-text.js';
import { docxWords } from './support/words.js';

const products = devsetProducts();
let content: string;
let out: string;
const versionOf = (p: string) => Number(/^version: (\d+)$/m.exec(fs.readFileSync(path.join(content, p, 'brief.md'), 'utf8'))![1]);
const file = (p: string, ext: string) => path.join(out, p, String(versionOf(p)), `${p}.${ext}`);

beforeAll(() => {
  content = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-devset-'));
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-devset-out-'));
  copyDevset(content);
  const r = runCli(['build', '--content', content, '--out', out, '--allow-overflow']);
  expect(r.status, r.stderr).toBe(0);
  // Until the 2026 edition, each overflows our 2020 pages; that is reported, and nothing else is.
  expect(r.stderr.split('\n').filter(Boolean).every((l) => /: warning: IF\d+ does not fit its two pages: .*written anyway with --allow-overflow/.test(l)), r.stderr).toBe(true);
});

describe.runIf(products.length > 0)('the dev set (six real 2026 briefs)', () => {
  it('has six briefs', () => expect(products).toHaveLength(6));

  it('the check notices a lost table note, caption word or cell', () => {
    const text = toText(fromHtml(fs.readFileSync(file('IF12255', 'html'), 'utf8')));
    expect(missingLines('IF12255', text)).toEqual([]);
    expect(missingLines('IF12255', text.replace('bonus foods', 'foods'))).toHaveLength(1);
    expect(missingLines('IF12255', text.replace('Major Nutrition Programs', ''))[0]).toMatch(/^Table 1\. Major Nutrition Programs.*\[missing: Major\]$/);
    expect(missingLines('IF12255', text.replaceAll('Gus Schumacher', '')).length).toBeGreaterThan(1);
  });

  for (const p of products) {
    it(`${p}: the HTML holds every line of the original`, () => {
      const text = toText(fromHtml(fs.readFileSync(file(p, 'html'), 'utf8')));
      expect(missingLines(p, text)).toEqual([]);
    });

    it(`${p}: the PDF holds every line of the original, on DRAFT pages`, () => {
      const title = /^title: "(.*)"$/m.exec(fs.readFileSync(path.join(content, p, 'brief.md'), 'utf8'))![1]!;
      // Lines as laid out (plain pdftotext would join a line ending in a hyphen to the next one,
      // dropping the hyphen); page furniture between two columns or pages is not text of the brief.
      const { pages } = pdfLines(file(p, 'pdf'));
      const furniture = (l: string) => l.startsWith('DRAFT — overflows') || l === 'https://crsreports.congress.gov' || l === title;
      expect(pages.every((page) => page.lines.some((l) => l.text.startsWith('DRAFT — overflows two pages by')))).toBe(true);
      const text = pages.flatMap((page) => page.lines.map((l) => l.text).filter((l) => !furniture(l)));
      expect(missingLines(p, text.join('\n'))).toEqual([]);
    });

    it(`${p}: the DOCX holds every line of the original`, async () => {
      const text = (await docxWords(fs.readFileSync(file(p, 'docx')))).join(' ');
      expect(missingLines(p, text)).toEqual([]);
    });
  }
});
