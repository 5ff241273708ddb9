// The font table, with the project's own fonts embedded as fallbacks.
//
// Runs name the fonts the house style names (Times New Roman, Arial, Gill Sans MT, Palatino
// Linotype), so Word on a machine that has them uses them. For readers that lack them, each font
// table entry embeds its open look-alike (Tinos, Arimo: same advance widths, same line breaks;
// Cabin for Gill Sans; Crimson Pro for Palatino) and names it in w:altName. Tried with
// LibreOffice 7.4: it ignores w:altName, but uses a font embedded under an entry for the name a
// run asks for, so the embedding is what makes the fallback work there; w:altName is what the
// standard asks other readers to try. The files are the Latin subsets from `ttfFonts()`,
// obfuscated as the standard requires, with keys derived from the font data so that every build
// writes the same bytes (docx's own embedding draws random keys).
import { createHash } from 'node:crypto';
import { ttfFonts, type TtfFont } from '../shared/font-files.js';
import { FONT } from './styles.js';

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

// PANOSE numbers of the named fonts, which Word uses to pick a substitute when all else fails.
const ENTRIES: FontEntry[] = [
  { name: FONT.serif, altName: 'Tinos', panose: '02020603050405020304', family: 'roman', faces: faces('Tinos', { regular: true, bold: true, italic: true, boldItalic: true }) },
  { name: FONT.ui, altName: 'Arimo', panose: '020B0604020202020204', family: 'swiss', faces: faces('Arimo', { regular: true, bold: true, boldItalic: true }) },
  { name: FONT.sans, altName: 'Cabin', panose: '020B0502020104020203', family: 'swiss', faces: faces('Cabin', { regular: true, bold: true, italic: true }) },
  { name: FONT.display, altName: 'Crimson Pro', panose: '02040502050505030304', family: 'roman', faces: faces('Crimson Pro', { bold: true }) },
];

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
  const font = fonts.find((f) => f.family === ref.family && f.weight === ref.weight && f.style === ref.style && f.subset === 'latin');
  if (!font) throw new Error(`DOCX fonts: no ${ref.family} ${ref.weight} ${ref.style} (latin) among the shipped fonts; expected it in src/render/shared/fonts.ts FACES`);
  return font;
}

/** word/fontTable.xml, its relationships and the embedded font parts, to replace docx's own. */
export async function fontTableParts(): Promise<Map<string, string | Uint8Array>> {
  const fonts = await ttfFonts();
  const parts = new Map<string, string | Uint8Array>();
  const rels: string[] = [];
  const entries = ENTRIES.map((entry) => {
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
      entries.join('') +
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
