// SVG → PNG with resvg, in the project's own fonts only (no system fonts), at print resolution,
// encoded losslessly as small as it goes (png-encode.ts).
import { Resvg } from '@resvg/resvg-js';
import { cachedBytes } from '../shared/content-cache.js';
import { ttfFingerprint, ttfFontFiles } from '../shared/font-files.js';
import { encodePng } from './png-encode.js';

/**
 * Rasterise at `dpi` (300 for print), the SVG's width being in points. Kept by content hash
 * (content-cache.ts): every DOCX of a batch has the same masthead.
 */
export async function rasterize(svg: string, widthPt: number, dpi = 300): Promise<Uint8Array> {
  return cachedBytes('raster', [svg, String(widthPt), String(dpi), await ttfFingerprint(), 'encodePng'], () => rasterizeNow(svg, widthPt, dpi));
}

async function rasterizeNow(svg: string, widthPt: number, dpi: number): Promise<Uint8Array> {
  const fontFiles = await ttfFontFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round((widthPt / 72) * dpi) },
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: 'Tinos',
      serifFamily: 'Tinos',
      sansSerifFamily: 'Arimo',
    },
    background: 'white',
  });
  const image = resvg.render();
  return encodePng(new Uint8Array(image.pixels), image.width, image.height);
}
