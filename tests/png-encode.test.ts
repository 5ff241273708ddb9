// The PNG encoder of rasterised figures and the masthead: lossless (the pixels read back are the
// pixels given), indexed when there are at most 256 colours, and smaller than resvg's own file.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../src/render/figures/png-encode.js';
import { ROOT } from './support/run-cli.js';

/** The pixels as pngjs (another decoder) reads them, as RGBA, and the file's colour type. */
function readBack(png: Uint8Array): { rgba: Uint8Array; colorType: number } {
  const image = PNG.sync.read(Buffer.from(png));
  return { rgba: new Uint8Array(image.data), colorType: png[25]! };
}

function render(svg: string, width: number) {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false }, background: 'white' }).render();
  return { rgba: new Uint8Array(image.pixels), width: image.width, height: image.height, resvg: image.asPng() };
}

describe('encodePng', () => {
  it('writes the masthead as an indexed PNG, lossless, at under half resvg\'s size', () => {
    const svg = fs.readFileSync(path.join(ROOT, 'templates/in-focus/partials/masthead.hbs'), 'utf8');
    const { rgba, width, height, resvg } = render(svg, 1200);
    const png = encodePng(rgba, width, height);
    const back = readBack(png);
    expect(back.colorType).toBe(3); // indexed
    expect(back.rgba).toEqual(rgba);
    expect(png.byteLength).toBeLessThan(resvg.byteLength / 2);
    expect(encodePng(rgba, width, height)).toEqual(png);
  });

  it('writes more than 256 colours as RGB, lossless', () => {
    const stops = Array.from({ length: 12 }, (_, i) => `<stop offset="${i / 11}" stop-color="hsl(${i * 30},80%,50%)"/>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><defs><linearGradient id="g">${stops}</linearGradient></defs><rect width="400" height="40" fill="url(#g)"/></svg>`;
    const { rgba, width, height } = render(svg, 400);
    const png = encodePng(rgba, width, height);
    const back = readBack(png);
    expect(back.colorType).toBe(2); // RGB
    expect(back.rgba).toEqual(rgba);
  });

  it('keeps an alpha channel where there is one', () => {
    const rgba = new Uint8Array([255, 0, 0, 128, 0, 0, 255, 255]);
    const back = readBack(encodePng(rgba, 2, 1));
    expect(back.colorType).toBe(6);
    expect(back.rgba).toEqual(rgba);
  });
});
