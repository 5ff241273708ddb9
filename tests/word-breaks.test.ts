// Word-like line breaking (issue 10, item 5): the typesetting pass that removes the break
// opportunities Word does not take, on the printed page only, and quotes whose spaces shrink as
// Word's do. Unit tests on hast, then real Chromium and the PDF read back with pdftotext.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Root } from 'hast';
import type { Browser } from 'puppeteer';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../src/model/build-document.js';
import { bodyHtml, renderHtml } from '../src/render/html/render-html.js';
import { wordBreaks } from '../src/render/html/word-breaks.js';
import { wordKeepsTogether } from '../src/render/shared/word-break-rules.js';
import { withBrowser } from '../src/render/pdf/browser.js';
import { renderPdfPages } from '../src/render/pdf/render-pdf.js';
import { pdfLines } from './support/pdf-text.js';

/** The pass applied to a tree of `children`, as HTML. */
function typeset(...children: Parameters<typeof h>[2][]): string {
  const tree: Root = { type: 'root', children: children.map((c) => c as never) };
  return toHtml(wordBreaks(tree));
}

describe('the pass on hast', () => {
  it('keeps `)(` together', () => {
    expect(typeset(h('p', '(45 C.F.R §46.116(b)(9)) and'))).toBe('<p>(45 C.F.R §46.116(b<span class="nobr">)(</span>9)) and</p>');
    expect(typeset(h('p', 'x],[y'))).toBe('<p>x]<span class="nobr">,[</span>y</p>');
  });

  it('keeps a hyphen between a digit and a letter with the letter (`30-mm`, `FY2018-FY2026`)', () => {
    expect(typeset(h('p', 'a 30-mm gun'))).toBe('<p>a 30<span class="nobr">-m</span>m gun</p>');
    expect(typeset(h('p', 'FY2018-FY2026'))).toBe('<p>FY2018<span class="nobr">-F</span>Y2026</p>');
  });

  it('leaves the hyphens Word breaks after: `uranium-235`, `110-343`, `high-quality`, `ACV-30s`', () => {
    for (const s of ['uranium-235', 'P.L. 110-343', 'high-quality', 'ACV-30s', 'U.S.-Mexico-Canada'])
      expect(typeset(h('p', s))).toBe(`<p>${s}</p>`);
  });

  it('an em dash breaks after, not before', () => {
    const out = typeset(h('p', 'a new mission area—Geology'));
    expect(out).toBe('<p>a new mission are<span class="nobr">a—</span>Geology</p>');
    // The dash ends its span: the opportunity after it stays.
    expect(out).not.toMatch(/—[^<]/);
    expect(typeset(h('p', 'area — Geology'))).toBe('<p>area — Geology</p>');
    expect(wordKeepsTogether('area—Geology', 5)).toBe(false);
    expect(wordKeepsTogether('area—Geology', 4)).toBe(true);
  });

  it('across inline elements: a link ending in `)` before `(` is kept with it when it has no break of its own', () => {
    const link = (text: string) => h('a', { href: 'https://example.gov/' }, text);
    expect(typeset(h('p', ['see ', link('§46.116(b)'), '(9)).']))).toBe(
      '<p>see <span class="nobr"><a href="https://example.gov/">§46.116(b)</a>(</span>9)).</p>',
    );
    expect(typeset(h('p', ['a 30-', h('em', 'mm'), ' gun']))).toBe('<p>a 30<span class="nobr">-<em>mm</em></span> gun</p>');
    // A link with spaces in it is not made unbreakable as a whole: that opportunity stays.
    expect(typeset(h('p', [link('section 116(b)'), '(9)']))).toBe('<p><a href="https://example.gov/">section 116(b)</a>(9)</p>');
  });

  it('does not join the text of separate blocks, and leaves graphics and preformatted text alone', () => {
    expect(typeset(h('div', [h('p', '(a)'), h('p', '(b)')]))).toBe('<div><p>(a)</p><p>(b)</p></div>');
    expect(typeset(h('pre', '(a)(b) 30-mm'))).toBe('<pre>(a)(b) 30-mm</pre>');
    expect(typeset(h('p', ['x ', h('svg', [h('text', '30-mm')])]))).toBe('<p>x <svg><text>30-mm</text></svg></p>');
  });

  it('is idempotent', () => {
    const tree: Root = { type: 'root', children: [h('p', ['see ', h('a', { href: '#x' }, '(b)'), '(9) and 30-mm, (c)(d)'])] };
    const once = toHtml(wordBreaks(tree));
    expect(toHtml(wordBreaks(tree))).toBe(once);
  });
});

/** A brief in a temp folder (front matter as the constructs tests write it). */
function brief(body: string): { file: string; root: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-word-breaks-'));
  fs.mkdirSync(path.join(root, 'IF10011'));
  const file = path.join(root, 'IF10011/brief.md');
  fs.writeFileSync(
    file,
    `---\nproduct: IF10011\ntitle: "Line Breaks"\ndate: 2026-04-20\nversion: 1\nstatus: new\nauthors:\n  - name: Ada Analyst\n    title: Specialist\n---\n\n${body}`,
  );
  return { file, root };
}

const BODY = [
  // IF11755 p1 left: "30-" would fit after "Lethality" (232.5 pt); Word moved "30-mm" whole.
  'FY2022. Plans call for delivery of Improved Lethality 30-mm Gun Variant ACVs in FY2025 and Recovery Variants in FY2026.',
  // IF13205 p1 left: the first line needs 207.2 pt at natural spacing in a 205.2 pt measure.
  '> [The Director of the USGS] shall have the direction of the United States Geological Survey, and the classification of the public lands and examination of the geological structure, mineral resources, and products of the national domain.',
  '',
].join('\n\n');

describe('in the printed PDF (real Chromium)', () => {
  it('only the paged HTML gets the spans; the model, the HTML file and the DOCX input are unchanged', async () => {
    const { file, root } = brief(BODY);
    const doc = await buildDocument(file, root);
    const before = toHtml(doc.body);
    expect(renderHtml(doc, { paged: true })).toContain('<span class="nobr">-m</span>');
    expect(renderHtml(doc)).not.toContain('nobr');
    expect(bodyHtml(doc)).not.toContain('nobr');
    expect(toHtml(doc.body)).toBe(before);
  });

  it('`30-mm` stays together on a line where Chromium alone breaks after the hyphen; the quote breaks as Word’s', async () => {
    const { file, root } = brief(BODY);
    const doc = await buildDocument(file, root);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-word-breaks-out-'));
    const lines = async (b: Browser, extraCss?: string): Promise<string[]> => {
      const { pdf, report } = await renderPdfPages(b, doc, extraCss ? { extraCss } : {});
      expect(report.lost).toEqual([]);
      const p = path.join(out, `${extraCss ? 'without' : 'with'}.pdf`);
      fs.writeFileSync(p, pdf);
      return pdfLines(p).pages.flatMap((pg) => pg.lines.map((l) => l.text));
    };
    // The control: with the spans neutralised and the spaces at their natural width, Chromium breaks otherwise.
    const [ours, chromium] = await withBrowser(async (b) => [
      await lines(b),
      await lines(b, '.paged .nobr { white-space: normal; } .paged blockquote { word-spacing: normal; }'),
    ]);
    expect(ours).toContain('FY2022. Plans call for delivery of Improved Lethality');
    expect(ours).toContain('30-mm Gun Variant ACVs in FY2025 and Recovery');
    expect(ours.some((l) => l.endsWith('30-'))).toBe(false);
    // Word's quote lines (IF13205), spaces shrunk on the first.
    for (const line of [
      '[The Director of the USGS] shall have the direction',
      'of the United States Geological Survey, and the',
      'classification of the public lands and examination of',
      'the geological structure, mineral resources, and',
      'products of the national domain.',
    ])
      expect(ours).toContain(line);
    // Chromium on its own:
    expect(chromium).toContain('FY2022. Plans call for delivery of Improved Lethality 30-');
    expect(chromium).not.toContain('[The Director of the USGS] shall have the direction');
  });
});
