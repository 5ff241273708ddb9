// The HTML file a Member's office receives carries its fonts inside it (no network), but only the
// glyphs it shows: every inlined face is cut down (harfbuzz, via subset-font) to the characters of
// the document's text and of its stylesheet's strings (bullets, counters), without hinting, as
// WOFF2; a face none of whose characters occur (a latin-ext file for an English brief) is dropped.
// A family the stylesheets never name, only a figure's SVG `font-family` attribute (the timeline's
// Cabin), keeps just the characters of those elements' text.
// IF11415.html goes from 738 kB to about a fifth of that. The printed PDF lays out from the full
// files (Chromium subsets what it embeds itself), so its line breaks cannot depend on this step.
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Root, RootContent } from 'hast';
import { subsetFace } from '../shared/font-subset.js';

const FACE = /@font-face\{[^{}]*?src:url\(data:font\/(?:woff2|ttf);base64,([A-Za-z0-9+/=]+)\) format\('(?:woff2|truetype)'\);(?:unicode-range:([^;}]*);)?\}/g;
/** Quoted strings in the stylesheet: `content:` values and the glyph custom properties. */
const CSS_STRING = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;
/** What CSS can print that the text does not hold: list counters and the separators around them. */
const ALWAYS = '0123456789.,:;()-–— \u00a0';

/** The characters the document can show: its text, its attributes' text (titles, alt), CSS strings. */
export function shownCharacters(html: string, tree: Root = fromHtml(html)): Set<number> {
  const chars = new Set<number>();
  const add = (s: string) => {
    for (const ch of s) chars.add(ch.codePointAt(0)!);
  };
  add(toText(tree));
  add(ALWAYS);
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  if (title) add(toText(fromHtml(title, { fragment: true })));
  for (const style of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    const css = style[1]!.replace(FACE, '');
    for (const m of css.matchAll(CSS_STRING)) add(unescapeCss(m[1] ?? m[2] ?? ''));
  }
  return chars;
}

function unescapeCss(s: string): string {
  return s.replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/\\(.)/g, '$1');
}

/** Whether a code point is inside a CSS unicode-range list (`U+0000-00FF, U+0131, …`). */
function inRanges(cp: number, ranges: string): boolean {
  return ranges.split(',').some((part) => {
    const m = /U\+([0-9A-Fa-f?]+)(?:-([0-9A-Fa-f]+))?/.exec(part.trim());
    if (!m) return false;
    const lo = parseInt(m[1]!.replace(/\?/g, '0'), 16);
    const hi = m[2] ? parseInt(m[2], 16) : m[1]!.includes('?') ? parseInt(m[1]!.replace(/\?/g, 'F'), 16) : lo;
    return cp >= lo && cp <= hi;
  });
}

const FAMILY = /font-family:'([^']+)'/;
const lower = (s: string) => s.toLowerCase();

/**
 * For each family that only SVG `font-family` attributes name (no stylesheet, no style
 * attribute), the characters of the text those elements hold; families the CSS names are absent.
 */
export function svgOnlyFamilyCharacters(html: string, tree: Root = fromHtml(html)): Map<string, Set<number>> {
  const css = lower(
    [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!.replace(FACE, '')).join('\n') +
      [...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1]).join('\n'),
  );
  const out = new Map<string, Set<number>>();
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element') {
      const families = node.properties?.['fontFamily'];
      if (typeof families === 'string') {
        for (const name of families.split(',').map((f) => f.trim().replace(/^['"]|['"]$/g, ''))) {
          if (!name || css.includes(lower(name))) continue;
          const chars = out.get(lower(name)) ?? new Set<number>();
          for (const ch of toText(node)) chars.add(ch.codePointAt(0)!);
          out.set(lower(name), chars);
        }
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}

/** The HTML with each inlined font face cut down to the characters it can show. */
export async function subsetInlinedFonts(html: string): Promise<string> {
  // Parsed without the fonts' data, which is most of the file and shows nothing.
  const withoutFonts = html.replace(FACE, '');
  const tree = fromHtml(withoutFonts);
  const shown = shownCharacters(withoutFonts, tree);
  const svgOnly = svgOnlyFamilyCharacters(withoutFonts, tree);
  const faces = [...html.matchAll(FACE)];
  const replacements = await Promise.all(
    faces.map(async (m) => {
      const [rule, data, ranges] = m as unknown as [string, string, string | undefined];
      const family = lower(FAMILY.exec(rule)?.[1] ?? '');
      const candidates = svgOnly.get(family) ?? shown;
      const chars = [...candidates].filter((cp) => ranges === undefined || inRanges(cp, ranges));
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
