// PNG files as small as a lossless encoding makes them: a rasterised chart or masthead has a few
// dozen flat colours and their anti-aliasing, which an indexed PNG (a palette of up to 256
// colours, one byte a pixel) holds exactly in a fraction of resvg's RGBA file; with more colours,
// RGB without the alpha channel. Deflate at level 9: the same pixels give the same bytes.
import { encode } from 'fast-png';

/** RGBA pixels (`width` × `height`) as a PNG, indexed when they have at most 256 colours. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const n = width * height;
  if (rgba.length !== n * 4) throw new Error(`encodePng: ${rgba.length} bytes for ${width}×${height} RGBA pixels`);
  const opaque = rgba.every((v, i) => i % 4 !== 3 || v === 255);
  if (!opaque) return encode({ width, height, data: rgba, channels: 4, depth: 8 }, { zlib: { level: 9 } });
  const colours = new Map<number, number>();
  const index = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = (rgba[i * 4]! << 16) | (rgba[i * 4 + 1]! << 8) | rgba[i * 4 + 2]!;
    let k = colours.get(c);
    if (k === undefined) {
      if (colours.size === 256) return rgbPng(rgba, width, height);
      colours.set(c, (k = colours.size));
    }
    index[i] = k;
  }
  const palette = [...colours.keys()].map((c): [number, number, number] => [c >> 16, (c >> 8) & 255, c & 255]);
  return encode({ width, height, data: index, channels: 1, depth: 8, palette }, { zlib: { level: 9 } });
}

function rgbPng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  return encode({ width, height, data: rgb, channels: 3, depth: 8 }, { zlib: { level: 9 } });
}
