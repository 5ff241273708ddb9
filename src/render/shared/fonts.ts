// The fonts a brief is set in, shipped through npm (@fontsource) or in the repository (fonts/),
// and inlined as data URIs, so that neither the HTML reader nor Chromium ever reaches for a font
// installed on the machine. Tinos and Arimo share Times New Roman's and Arial's advance widths
// (same line breaks as the original); Gillius ADF No2 (a Gill Sans design, fonts/gillius-adf-no2/,
// its bold widened 5% to Gill Sans MT Bold's measured widths) stands in for Gill Sans MT, and
// Crimson Pro for Palatino Linotype. Cabin, the earlier Gill Sans stand-in, still sets the timeline
// figure's labels and the site's pages.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PROJECT_ROOT } from './paths.js';

const requireHere = createRequire(import.meta.url);

interface Face {
  family: string;
  /** An @fontsource package (WOFF2 per subset), or… */
  pkg?: string;
  /** …a TrueType file in the repository, relative to its root: one file, every character it has. */
  file?: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** The @fontsource subsets; `all` for a repository file. */
  subsets: string[];
}

const LATIN = 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';
const LATIN_EXT = 'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF';
const RANGES: Record<string, string> = { latin: LATIN, 'latin-ext': LATIN_EXT };

const both = ['latin', 'latin-ext'];
export const FACES: Face[] = [
  { family: 'Tinos', pkg: 'tinos', weight: 400, style: 'normal', subsets: both },
  { family: 'Tinos', pkg: 'tinos', weight: 400, style: 'italic', subsets: both },
  { family: 'Tinos', pkg: 'tinos', weight: 700, style: 'normal', subsets: both },
  { family: 'Tinos', pkg: 'tinos', weight: 700, style: 'italic', subsets: both },
  { family: 'Arimo', pkg: 'arimo', weight: 400, style: 'normal', subsets: ['latin'] },
  { family: 'Arimo', pkg: 'arimo', weight: 700, style: 'normal', subsets: ['latin'] },
  { family: 'Arimo', pkg: 'arimo', weight: 700, style: 'italic', subsets: ['latin'] },
  { family: 'Cabin', pkg: 'cabin', weight: 400, style: 'normal', subsets: both },
  { family: 'Cabin', pkg: 'cabin', weight: 700, style: 'normal', subsets: both },
  { family: 'Gillius ADF No2', file: 'fonts/gillius-adf-no2/GilliusADFNo2-Regular.ttf', weight: 400, style: 'normal', subsets: ['all'] },
  { family: 'Gillius ADF No2', file: 'fonts/gillius-adf-no2/GilliusADFNo2-Italic.ttf', weight: 400, style: 'italic', subsets: ['all'] },
  { family: 'Gillius ADF No2', file: 'fonts/gillius-adf-no2/GilliusADFNo2-Bold.ttf', weight: 700, style: 'normal', subsets: ['all'] },
  { family: 'Crimson Pro', pkg: 'crimson-pro', weight: 700, style: 'normal', subsets: ['latin'] },
];

/** Absolute path of one shipped font file: a repository TrueType file, or a packaged WOFF2/WOFF. */
export function fontFile(face: Face, subset: string, ext: 'woff2' | 'woff' = 'woff2'): string {
  if (face.file) return path.join(PROJECT_ROOT, face.file);
  return requireHere.resolve(`@fontsource/${face.pkg}/files/${face.pkg}-${subset}-${face.weight}-${face.style}.${ext}`);
}

/** Whether the face's file is TrueType already (repository fonts) rather than WOFF2. */
export const isTrueType = (face: Face): boolean => face.file !== undefined;

export interface FaceSelection {
  families?: string[];
  styles?: Face['style'][];
  subsets?: string[];
}

const cssCache = new Map<string, string>();

/** @font-face rules, fonts inlined: every face, or a selection (the site's pages need fewer). */
export function fontFaceCss(select: FaceSelection = {}): string {
  const key = JSON.stringify(select);
  let css = cssCache.get(key);
  if (css === undefined) {
    css = FACES.filter((face) => (!select.families || select.families.includes(face.family)) && (!select.styles || select.styles.includes(face.style)))
      .flatMap((face) =>
        face.subsets
          .filter((subset) => !select.subsets || select.subsets.includes(subset))
          .map((subset) => {
            const data = fs.readFileSync(fontFile(face, subset)).toString('base64');
            const src = isTrueType(face) ? `url(data:font/ttf;base64,${data}) format('truetype')` : `url(data:font/woff2;base64,${data}) format('woff2')`;
            const range = RANGES[subset] ? `unicode-range:${RANGES[subset]};` : '';
            return `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};font-display:block;src:${src};${range}}`;
          }),
      )
      .join('\n');
    cssCache.set(key, css);
  }
  return css;
}
