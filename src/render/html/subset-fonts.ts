// The HTML file a Member's office receives carries its fonts inside it (no network), but only the
// glyphs it shows: every inlined face is cut down (harfbuzz, via subset-font) to the characters set
// in that face (face-characters.ts reads the stylesheets' cascade: the title's face keeps the
// title's characters, a figure's SVG-only family its text's), without hinting, as WOFF2; a face
// nothing is set in (an unused italic, a latin-ext file for an English brief) is dropped.
// IF11415.html goes from 738 kB to about a sixth of that. The printed PDF lays out from the full
// files (Chromium subsets what it embeds itself), so its line breaks cannot depend on this step.
import { fromHtml } from 'hast-util-from-html';
import { subsetFace } from '../shared/font-subset.js';
import { faceCharacters, inRanges, type FaceRule } from './face-characters.js';

const FACE = /@font-face\{[^{}]*?src:url\(data:font\/(?:woff2|ttf);base64,([A-Za-z0-9+/=]+)\) format\('(?:woff2|truetype)'\);(?:unicode-range:([^;}]*);)?\}/g;
const FAMILY = /font-family:'([^']+)'/;

/** An inlined @font-face rule's family, weight, style and unicode-range. */
function faceRule(rule: string, ranges: string | undefined): FaceRule {
  const weight = Number(/font-weight:\s*(\d+)/.exec(rule)?.[1] ?? 400);
  const style = /font-style:\s*(italic|oblique)/.test(rule) ? 'italic' : 'normal';
  return { family: FAMILY.exec(rule)?.[1] ?? '', weight, style, ...(ranges !== undefined ? { ranges } : {}) };
}

/**
 * The HTML with each inlined font face cut down to the characters set in it (face-characters.ts:
 * the title's face to the title's characters); a face nothing is set in is dropped.
 */
export async function subsetInlinedFonts(html: string): Promise<string> {
  // Parsed without the fonts' data, which is most of the file and shows nothing.
  const withoutFonts = html.replace(FACE, '');
  const tree = fromHtml(withoutFonts);
  const faces = [...html.matchAll(FACE)];
  const used = faceCharacters(
    tree,
    faces.map((m) => faceRule(m[0], m[2])),
  );
  const replacements = await Promise.all(
    faces.map(async (m, i) => {
      const [rule, data] = m as unknown as [string, string];
      // Only characters inside the face's unicode-range were given to it (face-characters.ts).
      const chars = [...used[i]!];
      if (chars.length === 0) return '';
      const font = await subsetFace(Buffer.from(data, 'base64'), chars, { format: 'woff2', hinting: false, features: 'default' });
      const subset = Buffer.from(font).toString('base64');
      return rule.replace(/src:url\([^)]*\) format\('[^']*'\);/, `src:url(data:font/woff2;base64,${subset}) format('woff2');`);
    }),
  );
  let i = 0;
  return html.replace(FACE, () => replacements[i++]!);
}

/**
 * The HTML without the inlined faces whose unicode-range holds none of the characters it shows
 * (a latin-ext file for an English brief): fonts a browser would never use for it, so the layout
 * is the same without them, and Chromium need not decode them (the PDF's page, render-pdf.ts).
 */
export function dropUnusedFaces(html: string): string {
  // Every character of the file but the fonts', references decoded: more than it shows (tag and
  // attribute names too), so no face it shows is dropped, without parsing the HTML.
  const shown = new Set<number>();
  const rest = html.replace(FACE, '').replace(/&#(?:x([0-9a-fA-F]+)|(\d+));/g, (_, hex: string | undefined, dec: string | undefined) => String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec)));
  for (const ch of rest) shown.add(ch.codePointAt(0)!);
  return html.replace(FACE, (rule, _data: string, ranges: string | undefined) => (ranges === undefined || [...shown].some((cp) => inRanges(cp, ranges)) ? rule : ''));
}
