// A figure's graphic as files, for formats that embed images rather than inline SVG (DOCX):
// the SVG text and a PNG rasterised from it at print resolution, with the printed size.
import { toHtml } from 'hast-util-to-html';
import type { FigureModel } from '../../model/types.js';
import { figureArt } from '../../model/figure-art.js';
import { rasterize } from './rasterize.js';

export interface FigureImage {
  svg: string;
  png: Uint8Array;
  widthPt: number;
  heightPt: number;
}

export async function figureImage(figure: FigureModel): Promise<FigureImage> {
  const art = figureArt(figure);
  const widthPt = 496.8;
  const heightPt = 120;
  // Placeholder art (a div) becomes an empty framed box until the figure kind draws itself.
  const svg =
    art.tagName === 'svg'
      ? toHtml(art, { space: 'svg' })
      : `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPt}pt" height="${heightPt}pt" viewBox="0 0 ${widthPt} ${heightPt}"><rect x="0.5" y="0.5" width="${widthPt - 1}" height="${heightPt - 1}" fill="none" stroke="#999"/></svg>`;
  return { svg, png: await rasterize(svg, widthPt), widthPt, heightPt };
}
