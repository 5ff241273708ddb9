// The one place fonts are cut down to some characters (harfbuzz's subsetter, via subset-font): the
// HTML file's inlined faces (WOFF2, no hinting) and the DOCX's embedded faces (TrueType). harfbuzz
// keeps the glyphs the characters need and what the layout tables reach from them (ligatures,
// kerning pairs among them), renumbers the glyphs, and writes the same bytes for the same input.
import subsetFont from 'subset-font';
import { cachedBytes } from './content-cache.js';

export interface SubsetOptions {
  /** WOFF2 for a browser, TrueType for a Word file. */
  format: 'woff2' | 'truetype';
  /** Keep the TrueType instructions (grid-fitting on screens at small sizes); they move no advance width. */
  hinting: boolean;
  /**
   * 'default': only the OpenType features a browser applies unless a stylesheet asks for others
   * (kerning, standard and contextual ligatures, mark positioning, composition): the glyphs reached
   * only through the rest (small capitals, old-style figures, alternates…) are left out, about
   * half of a small subset. 'all': every feature and what it reaches.
   */
  features?: 'default' | 'all';
}

/** The features shapers turn on by default for Latin text (harfbuzz's own subsetting default). */
const DEFAULT_FEATURES = ['ccmp', 'locl', 'mark', 'mkmk', 'kern', 'liga', 'clig', 'calt', 'rlig', 'rvrn', 'curs', 'dist', 'abvm', 'blwm'];

/**
 * A font file cut down to the glyphs of some characters (those it lacks are left out). Kept by
 * content hash (content-cache.ts): WOFF2's compression takes a good part of a second per document.
 */
export function subsetFace(data: Uint8Array, characters: Iterable<number>, options: SubsetOptions): Promise<Uint8Array> {
  const text = String.fromCodePoint(...[...new Set(characters)].sort((a, b) => a - b));
  const features = options.features ?? 'all';
  return cachedBytes('font-subset', [data, options.format, String(options.hinting), features, text], async () =>
    new Uint8Array(
      await subsetFont(Buffer.from(data), text, { targetFormat: options.format, noHinting: !options.hinting, ...(features === 'default' ? { keepFeatures: DEFAULT_FEATURES } : {}) }),
    ),
  );
}
