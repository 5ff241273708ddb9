// SVG → PNG with resvg, in the project's own fonts only (no system fonts), at print resolution.
import { Resvg } from '@resvg/resvg-js';
import { ttfFontFiles } from '../shared/font-files.js';

/** Rasterise at `dpi` (300 for print), the SVG's width being in points. */
export async function rasterize(svg: string, widthPt: number, dpi = 300): Promise<Uint8Array> {
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
  return new Uint8Array(resvg.render().asPng());
}
