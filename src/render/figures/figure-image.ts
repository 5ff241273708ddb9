// A figure's graphic as files, for formats that embed images rather than inline SVG (DOCX):
// the SVG text and a PNG rasterised from it at print resolution, with the printed size.
import { toHtml } from 'hast-util-to-html';
import { figureArt } from '../../model/figures/figure-art.js';
import type { FigureModel } from '../../model/types.js';
import { rasterize } from './rasterize.js';

export interface FigureImage {
  svg: string;
  png: Uint8Array;
  widthPt: number;
  heightPt: number;
}

export async function figureImage(figure: FigureModel): Promise<FigureImage> {
  const art = figureArt(figure);
  const points = (v: unknown) => Number.parseFloat(String(v));
  const widthPt = points(art.properties.width);
  const heightPt = points(art.properties.height);
  const svg = toHtml(art, { space: 'svg' });
  return { svg, png: await rasterize(svg, widthPt), widthPt, heightPt };
}
