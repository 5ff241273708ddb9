// The HTML file carries only the glyphs it shows: each inlined face is cut down to the characters
// set in it. Read back in real Chromium, on screen and in print, every element's text is set with
// the same fonts and the same number of glyphs from each as with the whole font files (a glyph
// missing from a face would come from another font), every block at the same width; the file is a
// fraction of the size, and the same bytes on every build. Checked on IF11415, the dev set and the
// constructs fixture (tables, quotes, superscripts, pictures, charts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer';
import { buildDocument } from '../src/model/build-document.js';
import { renderHtml } from '../src/render/html/render-html.js';
import { subsetInlinedFonts } from '../src/render/html/subset-fonts.js';
import { launchBrowser } from '../src/render/pdf/browser.js';
import { DEVSET, devsetProducts } from './support/devset.js';
import { ROOT } from './support/run-cli.js';

let browser: Browser;
const briefs: [string, string][] = [
  ['IF11415', path.join(ROOT, 'content/IF11415/brief.md')],
  ...devsetProducts().map((p): [string, string] => [p, path.join(DEVSET, p, 'brief.md')]),
  ['IF10009 (constructs)', path.join(ROOT, 'tests/fixtures/constructs/IF10009/brief.md')],
];
const built = new Map<string, { whole: string; subset: string }>();

beforeAll(async () => {
  browser = await launchBrowser();
  for (const [name, file] of briefs) {
    const whole = renderHtml(await buildDocument(file, ROOT));
    built.set(name, { whole, subset: await subsetInlinedFonts(whole) });
  }
}, 120_000);
afterAll(async () => browser?.close());

interface Setting {
  element: string;
  width: number;
  fonts: string;
}

/** Every element's text as Chromium sets it: the fonts its glyphs come from (and how many each), its width. */
async function settings(html: string, media: 'screen' | 'print'): Promise<Setting[]> {
  const page = await browser.newPage();
  try {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'brief-subset-')), 'page.html');
    fs.writeFileSync(file, html);
    await page.emulateMediaType(media);
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    await page.evaluate('Promise.all([...document.fonts].map((f) => f.load())).then(() => true)');
    const cdp = await page.createCDPSession();
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'body, body *' });
    const widths = (await page.evaluate(`[...document.querySelectorAll('body, body *')].map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return range.getBoundingClientRect().width;
    })`)) as number[];
    expect(widths.length).toBe(nodeIds.length);
    const out: Setting[] = [];
    for (const [i, nodeId] of nodeIds.entries()) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const { node } = await cdp.send('DOM.describeNode', { nodeId });
      out.push({
        element: `${i} <${node.localName}>`,
        width: Math.round(widths[i]! * 100) / 100,
        fonts: fonts.map((f) => `${f.familyName}${f.isCustomFont ? '' : ' (system)'} ×${f.glyphCount}`).sort().join(', '),
      });
    }
    return out;
  } finally {
    await page.close();
  }
}

describe('the HTML file\'s fonts', () => {
  it('are a fraction of the whole files: IF11415.html under 150 kB (738 kB with whole fonts), no face unused', () => {
    const { whole, subset } = built.get('IF11415')!;
    expect(Buffer.byteLength(whole)).toBeGreaterThan(600_000);
    expect(Buffer.byteLength(subset)).toBeLessThan(150_000);
    expect(subset).not.toMatch(/data:font\/ttf/);
    // IF11415 has no italic body text: its serif italics are not carried.
    expect(subset).not.toMatch(/font-family:'Tinos';font-style:italic/);
    expect(subset).toMatch(/font-family:'Tinos';font-style:normal;font-weight:700/);
  });

  for (const [name] of briefs) {
    for (const media of ['screen', 'print'] as const) {
      it(`set ${name}'s text (${media}) with the same fonts, glyphs and widths as the whole files`, async () => {
        const { whole, subset } = built.get(name)!;
        const [a, b] = [await settings(whole, media), await settings(subset, media)];
        expect(b.filter((s) => s.fonts).length).toBeGreaterThan(20);
        expect(new Set(b.flatMap((s) => s.fonts.split(', ').map((f) => f.replace(/ ×\d+$/, '')))).size).toBeGreaterThan(2);
        expect(b).toEqual(a);
      }, 60_000);
    }
  }

  it('are the same bytes every time', async () => {
    const { whole, subset } = built.get('IF11415')!;
    expect(await subsetInlinedFonts(whole)).toBe(subset);
  });
});
