// A figure's graphic as files, for formats that embed images rather than inline SVG (DOCX), with
// its printed size in points:
//   - a data figure: the SVG drawn from its data, and a PNG rasterised from it at print resolution;
//   - a picture figure: a PNG or JPEG as it is; an SVG as it is, with a PNG rasterised from it
//     (Word shows the SVG, older readers the PNG).
import { toHtml } from 'hast-util-to-html';
import { figureArt } from '../../model/figures/figure-art.js';
import type { FigureModel } from '../../model/types.js';
import { rasterize } from './rasterize.js';

export interface FigureImage {
  /** What is embedded: the SVG (with `png` as its fallback), the PNG, or the JPEG. */
  format: 'svg' | 'png' | 'jpeg';
  /** The SVG text; empty for a PNG or JPEG picture. */
  svg: string;
  /** The graphic as PNG: the SVG rasterised at 300 dpi, or the PNG picture itself; empty for a JPEG. */
  png: Uint8Array;
  /** The JPEG picture; empty otherwise. */
  jpeg: Uint8Array;
  widthPt: number;
  heightPt: number;
}

const NONE = new Uint8Array(0);

export async function figureImage(figure: FigureModel): Promise<FigureImage> {
  if (figure.kind === 'image') {
    const { image } = figure;
    const size = { widthPt: image.widthPt, heightPt: image.heightPt };
    if (image.format === 'svg') {
      const svg = Buffer.from(image.bytes).toString('utf8');
      return { format: 'svg', svg, png: await rasterize(svg, image.widthPt), jpeg: NONE, ...size };
    }
    if (image.format === 'png') return { format: 'png', svg: '', png: image.bytes, jpeg: NONE, ...size };
    return { format: 'jpeg', svg: '', png: NONE, jpeg: image.bytes, ...size };
  }
  const art = figureArt(figure);
  const points = (v: unknown) => Number.parseFloat(String(v));
  const widthPt = points(art.properties.width);
  const heightPt = points(art.properties.height);
  const svg = toHtml(art, { space: 'svg' });
  return { format: 'svg', svg, png: await rasterize(svg, widthPt), jpeg: NONE, widthPt, heightPt };
}
