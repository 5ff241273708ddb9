// `brief new`: start a brief from a skeleton that checks and builds as it is, so an analyst
// begins from a valid source instead of copying (and half-editing) another brief.
import fs from 'node:fs';
import path from 'node:path';
import { Document } from 'yaml';
import { BriefError, fatalMessage } from '../report.js';
import { NEWEST_EDITION } from '../style/edition.js';
import { writeFileAtomic } from '../write-atomic.js';
import { badCharacter } from './decode-text.js';
import { BRIEF_FILE, UsageError } from './find-briefs.js';
import { frontMatterSchema, PRODUCT_CODE } from './front-matter-schema.js';

export const DEFAULT_TITLE = 'Untitled Brief';

/** The skeleton's stand-ins for what only the analyst can write; a release refuses a brief still holding one. */
export const PLACEHOLDERS = {
  authorName: 'Author Name',
  authorTitle: 'Author Title',
  paragraph: "Replace this paragraph with the brief's first section",
} as const;

export interface NewBriefOptions {
  contentDir: string;
  product: string;
  title?: string;
  /** Today, for the front matter's date (local time: the analyst's calendar day). */
  today?: Date;
  cwd?: string;
}

/** The local calendar date as ISO YYYY-MM-DD (toISOString would give UTC's, a day off at night). */
export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Refuse a title the checker would refuse, here, as a usage error, rather than write a broken brief. */
function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === '') throw new UsageError('--title is empty: expected the title as text, e.g. --title "Water Rights in the West" (or leave --title out for "Untitled Brief")');
  if (/[\r\n]/.test(trimmed)) throw new UsageError('--title has a line break: expected the title on one line');
  for (const ch of trimmed) {
    const bad = badCharacter(ch.codePointAt(0)!);
    if (bad) throw new UsageError(`--title contains ${bad}: expected text only`);
  }
  return trimmed;
}

function checkProduct(product: string): void {
  if (PRODUCT_CODE.test(product)) return;
  const upper = product.toUpperCase();
  const hint = upper !== product && PRODUCT_CODE.test(upper) ? ` (did you mean ${upper}?)` : '';
  throw new UsageError(`\`${product}\` is not a product code${hint}: expected a CRS product code, IF, IN, R, RL, RS or LSB followed by 4 to 6 digits, e.g. IF99002`);
}

/** The skeleton's text: front matter through the yaml library (quoting is its job), then one section. */
export function skeletonBrief(product: string, title: string, date: string): string {
  const meta = { product, title, date, version: 1, status: 'new' as const, style: NEWEST_EDITION, authors: [{ name: PLACEHOLDERS.authorName, title: PLACEHOLDERS.authorTitle }] };
  // The skeleton must be a valid brief: check it against the same schema the checker uses.
  frontMatterSchema.parse(meta);
  const doc = new Document(meta);
  const authors = doc.get('authors', true) as { commentBefore?: string } | undefined;
  if (authors) authors.commentBefore = " replace with each author's name and CRS title, e.g. Specialist in Asian Affairs";
  const body = [
    '## Background',
    '',
    `${PLACEHOLDERS.paragraph}: what the issue is and why it is before Congress now. ` +
      'Start further sections with ## headings (### for a subsection); figures and tables are described in the README under Source format. ' +
      `An In Focus brief fills two pages: until this one does, brief check ${product} warns that page 2 is mostly empty, and it says how many lines are left to spare. ` +
      `brief preview ${product} shows the pages and the fit as you save.`,
  ];
  return `---\n${doc.toString()}---\n\n${body.join('\n')}\n`;
}

/** Write <content>/<product>/brief.md; returns its path. Never writes into an existing folder. */
export function newBrief(o: NewBriefOptions): string {
  const cwd = o.cwd ?? process.cwd();
  checkProduct(o.product);
  const title = checkTitle(o.title ?? DEFAULT_TITLE);
  if (!fs.existsSync(o.contentDir) || !fs.statSync(o.contentDir).isDirectory()) {
    throw new UsageError(`no content folder at ${o.contentDir}: create it, or point --content at the folder of briefs`);
  }
  const folder = path.join(o.contentDir, o.product);
  const target = path.join(folder, BRIEF_FILE);
  const text = skeletonBrief(o.product, title, localIsoDate(o.today ?? new Date()));
  try {
    // Not recursive: making the folder is the claim on the product code, so two runs cannot both win.
    fs.mkdirSync(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const exists = fs.existsSync(target);
    const reason = exists
      ? `${o.product} already has a brief: brief new never overwrites one (edit this file, or start the new brief under another product code)`
      : `the folder ${path.relative(cwd, folder) || folder} already exists without a ${BRIEF_FILE}: brief new starts a brief only in a new folder (move what is there aside, or pick another product code)`;
    throw new BriefError([fatalMessage(exists ? target : folder, cwd, reason, 1, 'brief-exists')]);
  }
  try {
    writeFileAtomic(target, text);
  } catch (err) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw err;
  }
  return target;
}
