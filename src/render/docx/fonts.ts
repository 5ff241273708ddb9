// The font table, with the project's own fonts embedded as fallbacks.
//
// Runs name the fonts the house style names (the edition's Word names: Times New Roman, Arial, Gill
// Sans MT, Palatino Linotype), so Word on a machine that has them uses them. For readers that lack
// them, each font table entry embeds its open look-alike, the first family of the edition's CSS
// stack for that font (Tinos, Arimo: same advance widths, same line breaks; the edition's Gill
// Sans stand-in; Crimson Pro for Palatino) and names it in w:altName. Tried with
// LibreOffice 7.4: it ignores w:altName, but uses a font embedded under an entry for the name a
// run asks for, so the embedding is what makes the fallback work there; w:altName is what the
// standard asks other readers to try. Obfuscated as the standard requires, with keys derived from
// the font data so that every build writes the same bytes (docx's own embedding draws random keys).
//
// Each embedded face is cut down (font-subset.ts) to a fixed set of characters, COMMON below, and
// any other character the document shows (shown-characters.ts); every face of the look-alike that
// is shipped is embedded, whichever the document uses; no hinting. Both for LibreOffice, which
// keeps a document's embedded fonts for the session in files named after the font table entry and
// the face ("Gill Sans MTb.ttf", in the profile's temp/embeddedfonts/fromdocs/):
// - a later document whose entry and face have the same name gets the file already there, not its
//   own (7.4's EmbeddedFontsHelper::addEmbeddedFont: "Assume it's already been added correctly").
//   With subsets of each document's own characters (Word's "embed only the characters used"),
//   the second brief opened in a session, or converted in the same soffice run, was set with the
//   first one's glyphs and its other characters in fallback fonts (DejaVu Sans for Gill Sans),
//   and its lines broke elsewhere: five of the six dev-set briefs, converted in one run.
// - a later document that brings a face (entry and face) the earlier ones did not embed leaves
//   the session with that face alone under the entry's name: embedding only the faces each brief
//   uses, the dev set's second brief came out in Tinos Italic throughout (its Times New Roman had
//   only the italic the second brief brought), its Arial and Palatino in Liberation Sans and
//   DejaVu Serif.
// A brief whose characters are all in COMMON embeds the same files, byte for byte, as every other
// such brief, so whichever of them LibreOffice reads first serves them all; one that shows others
// has them in its own files, which serve it when it is the first opened (after another brief, only
// those characters come from fallback fonts: the same faces, so nothing else changes). The layout tables
// (GPOS kerning, which LibreOffice applies) are kept for the glyphs kept; hinting, which moves no
// advance width, is not. LibreOffice sets every word of the dev set and IF11415 where it sets it
// with the whole files.
import { createHash } from 'node:crypto';
import { ttfFonts, type TtfFont } from '../shared/font-files.js';
import { subsetFace } from '../shared/font-subset.js';
import type { Edition } from '../../style/edition.js';

interface FontEntry {
  name: string;
  /** The shipped family embedded for it (and named in w:altName). */
  altName: string;
  panose: string;
  family: 'roman' | 'swiss';
}

/**
 * PANOSE numbers of the Word fonts an edition may name, which Word uses to pick a substitute when
 * all else fails: facts about those fonts, not house-style numbers. An edition naming another
 * Word font adds its number here.
 */
const PANOSE: Record<string, string> = {
  'Times New Roman': '02020603050405020304',
  Arial: '020B0604020202020204',
  'Gill Sans MT': '020B0502020104020203',
  'Palatino Linotype': '02040502050505030304',
};

/** The edition's fonts, in font table order. */
const ROLES = ['serif', 'ui', 'sans', 'display'] as const satisfies readonly (keyof Edition['fonts'])[];

/**
 * The characters every embedded face holds, whatever the document: printable ASCII and what the
 * house style's typography and the renderer put in a brief (no-break space, soft, plain and
 * non-breaking hyphens, dashes, curly quotes, bullet, middle dot of the footer, ellipsis, section
 * and paragraph signs, copyright, registered, trade mark, degree). A document showing others adds
 * them to its own files.
 */
export const COMMON: readonly number[] = [
  ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => 0x20 + i),
  ...[0xa0, 0xa7, 0xa9, 0xad, 0xae, 0xb0, 0xb6, 0xb7],
  ...[0x2010, 0x2011, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x2122],
];

/** "'Crimson Pro', serif" → the shipped family "Crimson Pro", and Word's font family "roman". */
function stack(css: string): { family: string; generic: FontEntry['family'] } {
  const names = css.split(',').map((n) => n.trim().replace(/^(['"])(.*)\1$/, '$2'));
  const generic = names[names.length - 1];
  if (names.length < 2 || (generic !== 'serif' && generic !== 'sans-serif')) throw new Error(`DOCX fonts: CSS font stack "${css}" should be a shipped family, then serif or sans-serif`);
  return { family: names[0]!, generic: generic === 'serif' ? 'roman' : 'swiss' };
}

/** The edition's fonts as font table entries, one per Word name (the first role naming it wins). */
function entries(edition: Edition): FontEntry[] {
  const out = new Map<string, FontEntry>();
  for (const role of ROLES) {
    const font = edition.fonts[role];
    const panose = PANOSE[font.word];
    if (!panose) throw new Error(`DOCX fonts: no PANOSE number for "${font.word}" (edition ${edition.id}, fonts.${role}); add it to PANOSE in src/render/docx/fonts.ts`);
    const { family, generic } = stack(font.css);
    if (!out.has(font.word)) out.set(font.word, { name: font.word, altName: family, panose, family: generic });
  }
  return [...out.values()];
}

/** The font table's embedding elements, in schema order, and the face (weight, style) each embeds. */
const ORDER = [
  ['embedRegular', 400, 'normal'],
  ['embedBold', 700, 'normal'],
  ['embedItalic', 400, 'italic'],
  ['embedBoldItalic', 700, 'italic'],
] as const;

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A GUID from the font's own bytes: stable across builds, distinct per face. */
function fontKey(data: Uint8Array): string {
  const hex = createHash('sha1').update(data).digest('hex').slice(0, 32).toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

/** ECMA-376 Part 1, 17.8.1: XOR the first 32 bytes with the key's 16 bytes, read backwards. */
export function obfuscateFont(data: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/[{}-]/g, '');
  const bytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).reverse();
  const out = Uint8Array.from(data);
  for (let i = 0; i < 32 && i < out.length; i++) out[i]! ^= bytes[i % 16]!;
  return out;
}

/**
 * The shipped TrueType face of a family, or undefined if that face is not shipped (Arimo has no
 * regular italic, Gillius ADF No2 no bold italic, Crimson Pro only its bold): a reader then makes
 * it from another face, as it would without the embedding.
 */
function shipped(fonts: TtfFont[], family: string, weight: number, style: string): TtfFont | undefined {
  if (!fonts.some((f) => f.family === family)) throw new Error(`DOCX fonts: no ${family} among the shipped fonts; expected it in src/render/shared/fonts.ts FACES`);
  return fonts.find((f) => f.family === family && f.weight === weight && f.style === style && (f.subset === 'latin' || f.subset === 'all'));
}

/**
 * word/fontTable.xml, its relationships and the embedded font parts, to replace docx's own: every
 * font of the edition, embedding every shipped face of its look-alike, each cut down to COMMON
 * and whatever other characters the document shows (`shown`).
 */
export async function fontTableParts(edition: Edition, shown: Iterable<number>): Promise<Map<string, string | Uint8Array>> {
  const fonts = await ttfFonts();
  const characters = [...new Set([...COMMON, ...shown])];
  const parts = new Map<string, string | Uint8Array>();
  const rels: string[] = [];
  const table: string[] = [];
  for (const entry of entries(edition)) {
    const embeds: string[] = [];
    for (const [element, weight, style] of ORDER) {
      const font = shipped(fonts, entry.altName, weight, style);
      if (!font) continue;
      const data = await subsetFace(font.data, characters, { format: 'truetype', hinting: false });
      const n = rels.length + 1;
      const key = fontKey(data);
      rels.push(`<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="fonts/font${n}.odttf"/>`);
      parts.set(`word/fonts/font${n}.odttf`, obfuscateFont(data, key));
      embeds.push(`<w:${element} r:id="rId${n}" w:fontKey="${key}"/>`);
    }
    table.push(
      `<w:font w:name="${xmlEscape(entry.name)}"><w:altName w:val="${xmlEscape(entry.altName)}"/><w:panose1 w:val="${entry.panose}"/>` +
        `<w:charset w:val="00"/><w:family w:val="${entry.family}"/><w:pitch w:val="variable"/>${embeds.join('')}</w:font>`,
    );
  }
  parts.set(
    'word/fontTable.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      table.join('') +
      '</w:fonts>',
  );
  parts.set(
    'word/_rels/fontTable.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      rels.join('') +
      '</Relationships>',
  );
  return parts;
}
