// How many briefs one Chromium lays out at once: each in its own page (its own renderer process),
// so while one page runs paginate.js or prints, another loads its fonts and a third waits on Node.
// As many pages as cores, at most MAX_PAGES: each page holds a whole brief with its inlined fonts
// (tens of MB), so memory stays bounded however large the batch. The results do not depend on the
// count: every brief is laid out in a fresh page of its own, whatever runs beside it.
import os from 'node:os';
import { UsageError } from '../../source/find-briefs.js';

const MAX_PAGES = 4;

/** BRIEF_PAGES (a whole number from 1) if set, else the cores, at most MAX_PAGES. */
export function pageCount(env = process.env): number {
  const set = env.BRIEF_PAGES;
  if (set !== undefined && set !== '') {
    if (!/^[1-9]\d*$/.test(set.trim())) throw new UsageError(`BRIEF_PAGES=${set}: expected a whole number of pages from 1, e.g. BRIEF_PAGES=2`);
    return Number(set.trim());
  }
  return Math.max(1, Math.min(MAX_PAGES, os.availableParallelism()));
}

/** `fn` for every item, at most `pages` at a time; the results in the items' order. */
export async function eachInPages<T, R>(items: readonly T[], fn: (item: T) => Promise<R>, pages = pageCount()): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(pages, items.length) }, lane));
  return results;
}
