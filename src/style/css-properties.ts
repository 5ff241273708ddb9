// An edition as CSS custom properties, so the stylesheets (templates/in-focus/*.css) set the page
// from the edition's numbers instead of their own: `band.dateBefore` → `--band-date-before: 22pt`,
// `colors.heading` → `--colors-heading: #336A91`, `fonts.sans` → `--fonts-sans: 'Gillius ADF No2', sans-serif`,
// `lists.bulletGlyph` → `--lists-bullet-glyph: "•"` (a CSS string for `content:`).
import type { Edition } from './edition.js';

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** Lengths in points, without floating-point noise (12.48 not 12.479999…). */
const pt = (n: number) => `${Number(n.toFixed(4))}pt`;

function* properties(value: unknown, name: string[]): Generator<[string, string]> {
  if (typeof value === 'number') yield [name.join('-'), pt(value)];
  else if (typeof value === 'string') yield [name.join('-'), name[name.length - 1]!.endsWith('glyph') ? JSON.stringify(value) : value];
  else if (value && typeof value === 'object') {
    // A font is its CSS stack here; the Word name is the DOCX's business.
    if ('css' in value && 'word' in value) yield [name.join('-'), String((value as { css: string }).css)];
    else for (const [k, v] of Object.entries(value)) yield* properties(v, [...name, kebab(k)]);
  }
}

export function editionCustomProperties(edition: Edition): string {
  const { id: _id, description: _description, ...measures } = edition;
  const lines = [...properties(measures, [])].map(([k, v]) => `  --${k}: ${v};`);
  return `:root {\n${lines.join('\n')}\n}`;
}
