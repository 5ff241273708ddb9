// The shipped fonts as TrueType, for the tools that cannot read WOFF2 (resvg when it rasterises
// an SVG; Word files that embed fonts). Decompressed from the @fontsource files with wawoff2; the
// repository's own fonts (fonts/) are TrueType already and are read as they are.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import wawoff2 from 'wawoff2';
import { writeFileAtomic } from '../../write-atomic.js';
import { CACHE_DIR, cachedBytes } from './content-cache.js';
import { FACES, fontFile, isTrueType } from './fonts.js';

export interface TtfFont {
  family: string;
  weight: number;
  style: string;
  subset: string;
  data: Buffer;
}

let cache: Promise<TtfFont[]> | undefined;

export function ttfFonts(): Promise<TtfFont[]> {
  cache ??= (async () => {
    // One at a time: wawoff2 returns a view of its WebAssembly heap, which the next call
    // overwrites, so each result is copied before another decompression starts.
    const fonts: TtfFont[] = [];
    for (const face of FACES) {
      for (const subset of face.subsets) {
        const file = fs.readFileSync(fontFile(face, subset));
        const data = isTrueType(face) ? file : Buffer.from(await cachedBytes('ttf', [file], async () => Uint8Array.from(await wawoff2.decompress(file))));
        fonts.push({ family: face.family, weight: face.weight, style: face.style, subset, data });
      }
    }
    return fonts;
  })();
  return cache;
}

let files: Promise<string[]> | undefined;
let fingerprint: Promise<string> | undefined;

/** One hash of every TrueType font: what a rasterised SVG's text was set in. */
export function ttfFingerprint(): Promise<string> {
  fingerprint ??= ttfFonts().then((fonts) => {
    const hash = createHash('sha256');
    for (const f of fonts) hash.update(`${f.family}|${f.weight}|${f.style}|${f.subset}|${f.data.byteLength}\0`).update(f.data);
    return hash.digest('hex');
  });
  return fingerprint;
}

/** The TrueType fonts as files (resvg-js reads fonts only from disk), in the project's cache folder. */
export function ttfFontFiles(): Promise<string[]> {
  files ??= ttfFonts().then((fonts) => {
    const dir = path.join(CACHE_DIR, 'ttf-files');
    fs.mkdirSync(dir, { recursive: true });
    return fonts.map((f) => {
      const file = path.join(dir, `${f.family.replace(/\s+/g, '')}-${f.subset}-${f.weight}-${f.style}.ttf`);
      if (!fs.existsSync(file) || !fs.readFileSync(file).equals(f.data)) writeFileAtomic(file, f.data);
      return file;
    });
  });
  return files;
}
