// Picture files of image figures: what they are, how big they print, and whether they are whole.
// A figure's picture must be a PNG, JPEG or SVG inside the brief's folder, of a sane size, and
// decode completely; its natural size comes from the resolution the file records (pHYs for PNG,
// JFIF density for JPEG; 96 ppi when none is recorded, as Word and browsers assume) or, for SVG,
// its own width and height.
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export type ImageFormat = 'png' | 'jpeg' | 'svg';

export interface ImageInfo {
  format: ImageFormat;
  mime: string;
  widthPx: number;
  heightPx: number;
  /** The size the file asks to be printed at, in points. */
  widthPt: number;
  heightPt: number;
  bytes: Uint8Array;
}

export const IMAGE_EXTENSIONS: Record<string, ImageFormat> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.svg': 'svg' };
const MIME: Record<ImageFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' };
/** Limits far above any In Focus picture (the dev set's largest is 737 × 533 px, 200 kB). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 25_000_000;
const DEFAULT_PPI = 96;

export class ImageProblem extends Error {}

function sniff(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'svg';
  return undefined;
}

/** Pixels per inch from a PNG's pHYs chunk (unit 1 = metre), if it has one. */
function pngPpi(bytes: Buffer): number | undefined {
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'pHYs' && length >= 9) {
      const x = bytes.readUInt32BE(at + 8);
      const unit = bytes[at + 16];
      return unit === 1 && x > 0 ? x * 0.0254 : undefined;
    }
    if (type === 'IDAT' || type === 'IEND') return undefined;
    at += 12 + length;
  }
  return undefined;
}

/** Pixels per inch from a JPEG's JFIF APP0 segment (units 1 = inch, 2 = cm), if it has one. */
function jpegPpi(bytes: Buffer): number | undefined {
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    const length = bytes.readUInt16BE(at + 2);
    if (marker === 0xe0 && bytes.toString('latin1', at + 4, at + 9) === 'JFIF\0') {
      const units = bytes[at + 11];
      const x = bytes.readUInt16BE(at + 12);
      if (x > 0 && units === 1) return x;
      if (x > 0 && units === 2) return x * 2.54;
      return undefined;
    }
    if (marker === 0xda) return undefined;
    at += 2 + length;
  }
  return undefined;
}

function checkPixels(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new ImageProblem('has no size');
  if (width * height > MAX_IMAGE_PIXELS) throw new ImageProblem(`is ${width} × ${height} pixels; expected at most ${MAX_IMAGE_PIXELS / 1e6} megapixels`);
}

/** Reads, identifies, fully decodes and measures an image; throws ImageProblem saying what is wrong. */
export function readImage(file: string): ImageInfo {
  const ext = path.extname(file).toLowerCase();
  const expected = IMAGE_EXTENSIONS[ext];
  if (!expected) throw new ImageProblem(`is a \`${ext || 'file without extension'}\`; expected a PNG (.png), JPEG (.jpg, .jpeg) or SVG (.svg) picture`);
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new ImageProblem('is not a file');
  if (stat.size > MAX_IMAGE_BYTES) throw new ImageProblem(`is ${(stat.size / 1e6).toFixed(1)} MB; expected at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
  const bytes = fs.readFileSync(file);
  const format = sniff(bytes);
  if (!format) throw new ImageProblem(`is not a PNG, JPEG or SVG picture (its content is not one, whatever its name says)`);
  if (format !== expected) throw new ImageProblem(`is named \`${ext}\` but its content is ${format.toUpperCase()}; expected the two to agree`);
  let widthPx: number;
  let heightPx: number;
  let ppi: number | undefined;
  try {
    if (format === 'png') {
      const head = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
      checkPixels(head.width, head.height);
      // Decoding checks every chunk's CRC and the compressed data: a truncated or damaged file fails here.
      const png = PNG.sync.read(bytes);
      widthPx = png.width;
      heightPx = png.height;
      ppi = pngPpi(bytes);
    } else if (format === 'jpeg') {
      const img = jpeg.decode(bytes, { useTArray: true, maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6, maxMemoryUsageInMB: 512 });
      widthPx = img.width;
      heightPx = img.height;
      ppi = jpegPpi(bytes);
    } else {
      const svg = new Resvg(bytes, { font: { loadSystemFonts: false } });
      // resvg measures in CSS pixels (96 to the inch).
      widthPx = svg.width;
      heightPx = svg.height;
      ppi = DEFAULT_PPI;
    }
  } catch (err) {
    if (err instanceof ImageProblem) throw err;
    throw new ImageProblem(`cannot be read as ${format.toUpperCase()} (${String((err as Error).message ?? err).split('\n')[0]}); expected a complete, undamaged picture`);
  }
  checkPixels(widthPx, heightPx);
  const scale = 72 / (ppi && ppi > 1 ? ppi : DEFAULT_PPI);
  return { format, mime: MIME[format], widthPx, heightPx, widthPt: widthPx * scale, heightPt: heightPx * scale, bytes: new Uint8Array(bytes) };
}
