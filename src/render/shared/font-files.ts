// The shipped fonts as TrueType, for the tools that cannot read WOFF2 (resvg when it rasterises
// an SVG; Word files that embed fonts). Decompressed from the @fontsource files with wawoff2.
import fs from 'node:fs';
import path from 'node:path';
import wawoff2 from 'wawoff2';
import { writeFileAtomic } from '../../write-atomic.js';
import { PROJECT_ROOT } from './paths.js';
import { FACES, fontFile } from './fonts.js';

export interface TtfFont {
  family: string;
  weight: number;
  style: string;
  subset: string;
  data: Buffer;
}

let cache: Promise<TtfFont[]> | undefined;

export function ttfFonts(): Promise<TtfFont[]> {
  cache ??= Promise.all(
    FACES.flatMap((face) =>
      face.subsets.map(async (subset) => ({
        family: face.family,
        weight: face.weight,
        style: face.style,
        subset,
        data: Buffer.from(await wawoff2.decompress(fs.readFileSync(fontFile(face, subset)))),
      })),
    ),
  );
  return cache;
}

let files: Promise<string[]> | undefined;

/** The TrueType fonts as files (resvg-js reads fonts only from disk), cached under node_modules/.cache. */
export function ttfFontFiles(): Promise<string[]> {
  files ??= ttfFonts().then((fonts) => {
    const dir = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'crs-briefs-fonts');
    fs.mkdirSync(dir, { recursive: true });
    return fonts.map((f) => {
      const file = path.join(dir, `${f.family.replace(/\s+/g, '')}-${f.subset}-${f.weight}-${f.style}.ttf`);
      if (!fs.existsSync(file) || fs.statSync(file).size !== f.data.length) writeFileAtomic(file, f.data);
      return file;
    });
  });
  return files;
}
