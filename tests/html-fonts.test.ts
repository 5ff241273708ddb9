// The HTML file carries only the glyphs it shows: its inlined fonts are cut down to the document's
// characters. Read back in real Chromium, every block of text sets at exactly the width it has
// with the whole font files (a missing glyph would fall back to another font and change it), the
// file is a fraction of the size, and it is the same bytes on every build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer';
import { buildDocument } from '../src/model/build-document.js';
import { renderHtml } from '../src/render/html/render-html.js';
import { subsetInlinedFonts } from '../src/render/html/subset-fonts.js';
import { launchBrowser } from '../src/render/pdf/browser.js';
import { ROOT } from './support/run-cli.js';

let browser: Browser;
let whole: string;
let subset: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const doc = await buildDocument(path.join(ROOT, 'content/IF11415/brief.md'), ROOT);
  whole = renderHtml(doc);
  subset = await subsetInlinedFonts(whole);
});
afterAll(async () => browser?.close());

/** The width of every text block as Chromium sets it, in document order. */
async function widths(html: string): Promise<{ text: string; width: number; family: string }[]> {
  const page = await browser.newPage();
  try {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'brief-subset-')), 'page.html');
    fs.writeFileSync(file, html);
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    await page.evaluate('Promise.all([...document.fonts].map((f) => f.load())).then(() => true)');
    return (await page.evaluate(`[...document.querySelectorAll('h1, h2, h3, h4, p, li, figcaption, td, th, address, text, .disclaimer-heading')].map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return { text: (el.textContent || '').trim().slice(0, 40), width: range.getBoundingClientRect().width, family: getComputedStyle(el).fontFamily };
    })`)) as { text: string; width: number; family: string }[];
  } finally {
    await page.close();
  }
}

describe('the HTML file\'s fonts', () => {
  it('are a fraction of the whole files: IF11415.html under 200 kB (738 kB with whole fonts)', () => {
    expect(Buffer.byteLength(whole)).toBeGreaterThan(600_000);
    expect(Buffer.byteLength(subset)).toBeLessThan(200_000);
    expect(subset).not.toMatch(/data:font\/ttf/);
  });

  it('set every block of text exactly as the whole fonts do (no glyph missing, in every face used)', async () => {
    const [a, b] = [await widths(whole), await widths(subset)];
    expect(b.length).toBeGreaterThan(40);
    expect(new Set(b.map((x) => x.family)).size).toBeGreaterThan(2);
    expect(b).toEqual(a);
  });

  it('are the same bytes every time', async () => {
    expect(await subsetInlinedFonts(whole)).toBe(subset);
  });
});
