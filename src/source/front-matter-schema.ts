// The front matter of a brief: what each field must be, and how to say so when it is not.
import { z } from 'zod';
import { EDITION_IDS, NEWEST_EDITION } from '../style/edition.js';

export const PRODUCT_CODE = /^(IF|IN|RL|RS|R|LSB)\d{4,6}$/;

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** What a person should write, per field; used in every message about that field. */
export const EXPECTED: Record<string, string> = {
  product: 'a CRS product code: IF, IN, R, RL, RS or LSB followed by digits, e.g. IF11415',
  title: 'the title as text',
  date: 'the date of this version as an ISO date, YYYY-MM-DD (e.g. 2020-01-22)',
  version: 'a whole number of 1 or more',
  status: '`new` or `updated`',
  authors: 'a list of authors, each with `name` and `title`',
  name: "the author's name as text",
  lang: 'a language tag such as en-US',
  keywords: 'a list of keywords (text)',
  summary: 'a short summary as text',
  style: `the house style's edition: ${EDITION_IDS.map((e) => '`' + e + '`').join(' or ')} (default ${NEWEST_EDITION}, today's)`,
  layout: 'spacing as the brief has it in Word: `paragraphSpacing`, `itemSpacing`, `headingBefore` (points, 0–24), `headingAfter` (points, 0–12), `linePitch` and `listLinePitch` (points, 9–14)',
  paragraphSpacing: 'the space between paragraphs in points, 0 to 24 (6 is Word\'s 6 pt after; 11 a blank line)',
  itemSpacing: 'the space between list items in points, 0 to 24',
  linePitch: 'the distance between lines in points, 9 to 14 (11 is single spacing for 10 pt Times)',
  headingBefore: 'the space above a heading in points, 0 to 24 (at least the paragraph spacing is kept)',
  headingAfter: 'the space below a heading in points, 0 to 12',
  listLinePitch: 'the distance between lines inside list items in points, 9 to 14 (default: linePitch)',
};

/** The per-brief spacing knobs (front matter `layout:`), with their ranges. */
export const layoutSchema = z.strictObject({
  paragraphSpacing: z.number().min(0).max(24).optional(),
  itemSpacing: z.number().min(0).max(24).optional(),
  linePitch: z.number().min(9).max(14).optional(),
  headingBefore: z.number().min(0).max(24).optional(),
  headingAfter: z.number().min(0).max(12).optional(),
  listLinePitch: z.number().min(9).max(14).optional(),
});
export const LAYOUT_FIELDS = Object.keys(layoutSchema.shape);

const text = z.string().trim().min(1);

export const authorSchema = z.strictObject({ name: text, title: text });

export const frontMatterSchema = z.strictObject({
  product: z.string().regex(PRODUCT_CODE),
  title: text,
  date: z.string().refine(isRealDate),
  version: z.number().int().min(1),
  status: z.enum(['new', 'updated']),
  authors: z.array(authorSchema).min(1),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/).default('en-US'),
  keywords: z.array(text).default([]),
  summary: text.optional(),
  style: z.enum(EDITION_IDS).optional(),
  layout: layoutSchema.optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type Author = z.infer<typeof authorSchema>;

export const KNOWN_FIELDS = Object.keys(frontMatterSchema.shape);
