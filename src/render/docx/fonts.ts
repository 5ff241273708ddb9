// The font table, with the project's own fonts embedded as fallbacks.
//
// Runs name the fonts the house style names (the edition's Word names: Times New Roman, Arial, Gill
// Sans MT, Palatino Linotype), so Word on a machine that has them uses them. For readers that lack
// them, each font table entry embeds its open look-alike, the first family of the edition's CSS
// stack for that font (Tinos, Arimo: same advance widths, same line breaks; the edition's Gill
// Sans stand-in; Crimson Pro for Palatino) and names it in w:altName. Tried with
// LibreOffice 7.4: it ignores w:altName, but uses a font embedded under an entry for the name a
// run asks for, so the embedding is what makes the fallback work there; w:altName is what the
// standard asks other readers to try. The files are the Latin subsets from `ttfFonts()` (a
// repository font whole), obfuscated as the standard requires, with keys derived from the font
// data so that every build writes the same bytes (docx's own embedding draws random keys).
import { createHash } from 'node:crypto';
import { ttfFonts, type TtfFont } from '../shared/font-files.js';
import type { Edition } from '../../style/edition.js';

interface FaceRef {
  family: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

interface FontEntry {
  name: string;
  altName: string;
  panose: string;
  family: 'roman' | 'swiss';
  faces: Partial<Record<'embedRegular' | 'embedBold' | 'embedItalic' | 'embedBoldItalic', FaceRef>>;
}

const faces = (family: string, has: { regular?: boolean; bold?: boolean; italic?: boolean; boldItalic?: boolean }): FontEntry['faces'] => ({
  ...(has.regular ? { embedRegular: { family, weight: 400, style: 'normal' } } : {}),
  ...(has.bold ? { embedBold: { family, weight: 700, style: 'normal' } } : {}),
  ...(has.italic ? { embedItalic: { family, weight: 400, style: 'italic' } } : {}),
  ...(has.boldItalic ? { embedBoldItalic: { family, weight: 700, style: 'italic' } } : {}),
});

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

/** The faces the document's runs use in each of the edition's fonts, in font table order. */
const ROLES = [
  { role: 'serif', has: { regular: true, bold: true, italic: true, boldItalic: true } },
  { role: 'ui', has: { regular: true, bold: true, boldItalic: true } },
  { role: 'sans', has: { regular: true, bold: true, italic: true } },
  { role: 'display', has: { bold: true } },
] as const satisfies readonly { role: keyof Edition['fonts']; has: Parameters<typeof faces>[1] }[];

/** "'Crimson Pro', serif" → the shipped family "Crimson Pro", and Word's font family "roman". */
function stack(css: string): { family: string; generic: FontEntry['family'] } {
  const names = css.split(',').map((n) => n.trim().replace(/^(['"])(.*)\1$/, '$2'));
  const generic = names[names.length - 1];
  if (names.length < 2 || (generic !== 'serif' && generic !== 'sans-serif')) throw new Error(`DOCX fonts: CSS font stack "${css}" should be a shipped family, then serif or sans-serif`);
  return { family: names[0]!, generic: generic === 'serif' ? 'roman' : 'swiss' };
}

/** The edition's fonts as font table entries, one per Word name (faces merged if two fonts share one). */
function entries(edition: Edition): FontEntry[] {
  const out = new Map<string, FontEntry>();
  for (const { role, has } of ROLES) {
    const font = edition.fonts[role];
    const panose = PANOSE[font.word];
    if (!panose) throw new Error(`DOCX fonts: no PANOSE number for "${font.word}" (edition ${edition.id}, fonts.${role}); add it to PANOSE in src/render/docx/fonts.ts`);
    const { family, generic } = stack(font.css);
    const seen = out.get(font.word);
    out.set(font.word, seen ? { ...seen, faces: { ...faces(family, has), ...seen.faces } } : { name: font.word, altName: family, panose, family: generic, faces: faces(family, has) });
  }
  return [...out.values()];
}

const ORDER = ['embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic'] as const;

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

function find(fonts: TtfFont[], ref: FaceRef): TtfFont {
  const font = fonts.find((f) => f.family === ref.family && f.weight === ref.weight && f.style === ref.style && (f.subset === 'latin' || f.subset === 'all'));
  if (!font) throw new Error(`DOCX fonts: no ${ref.family} ${ref.weight} ${ref.style} (latin) among the shipped fonts; expected it in src/render/shared/fonts.ts FACES`);
  return font;
}

/** word/fontTable.xml, its relationships and the embedded font parts, to replace docx's own. */
export async function fontTableParts(edition: Edition): Promise<Map<string, string | Uint8Array>> {
  const fonts = await ttfFonts();
  const parts = new Map<string, string | Uint8Array>();
  const rels: string[] = [];
  const table = entries(edition).map((entry) => {
    const embeds = ORDER.flatMap((element) => {
      const ref = entry.faces[element];
      if (!ref) return [];
      const data = find(fonts, ref).data;
      const n = rels.length + 1;
      const key = fontKey(data);
      rels.push(`<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="fonts/font${n}.odttf"/>`);
      parts.set(`word/fonts/font${n}.odttf`, obfuscateFont(data, key));
      return [`<w:${element} r:id="rId${n}" w:fontKey="${key}"/>`];
    });
    return (
      `<w:font w:name="${xmlEscape(entry.name)}"><w:altName w:val="${xmlEscape(entry.altName)}"/><w:panose1 w:val="${entry.panose}"/>` +
      `<w:charset w:val="00"/><w:family w:val="${entry.family}"/><w:pitch w:val="variable"/>${embeds.join('')}</w:font>`
    );
  });
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
