// The one place fonts are cut down to some characters (harfbuzz's subsetter, via subset-font): the
// HTML file's inlined faces (WOFF2, no hinting) and the DOCX's embedded faces (TrueType). harfbuzz
// keeps the glyphs the characters need and what the layout tables reach from them (ligatures,
// kerning pairs among them), renumbers the glyphs, and writes the same bytes for the same input.
import { createHash } from 'node:crypto';
import subsetFont from 'subset-font';

export interface SubsetOptions {
  /** WOFF2 for a browser, TrueType for a Word file. */
  format: 'woff2' | 'truetype';
  /** Keep the TrueType instructions (grid-fitting on screens at small sizes); they move no advance width. */
  hinting: boolean;
}

const cache = new Map<string, Promise<Uint8Array>>();

/** A font file cut down to the glyphs of some characters (those it lacks are left out). */
export function subsetFace(data: Uint8Array, characters: Iterable<number>, options: SubsetOptions): Promise<Uint8Array> {
  const text = String.fromCodePoint(...[...new Set(characters)].sort((a, b) => a - b));
  const key = `${createHash('sha1').update(data).digest('hex')}|${options.format}|${options.hinting}|${text}`;
  let subset = cache.get(key);
  if (subset === undefined) {
    subset = subsetFont(Buffer.from(data), text, { targetFormat: options.format, noHinting: !options.hinting }).then((font) => new Uint8Array(font));
    cache.set(key, subset);
    subset.catch(() => cache.delete(key));
  }
  return subset;
}
