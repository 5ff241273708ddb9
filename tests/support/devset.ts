// The development set: six real 2026 In Focus briefs (public-domain CRS works) kept as fixtures in
// tests/fixtures/devset: their sources (with each original's `layout:` as measured), pictures, and
// the originals' lines (P.layout.json); and the checks of an output of ours against them.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './run-cli.js';

export const DEVSET = path.join(ROOT, 'tests/fixtures/devset');

export function devsetProducts(): string[] {
  return fs.existsSync(DEVSET) ? fs.readdirSync(DEVSET).filter((n) => /^IF\d+$/.test(n)).sort() : [];
}

/** Copies the dev set's briefs (sources and figures) into `dir`. */
export function copyDevset(dir: string): void {
  for (const p of devsetProducts()) fs.cpSync(path.join(DEVSET, p), path.join(dir, p), { recursive: true });
}

export const layoutFile = (product: string) => path.join(DEVSET, `${product}.layout.json`);

interface Layout {
  pages: Record<string, string[]>[];
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * The original's lines our output does not contain. Column lines are compared without white
 * space (line breaks, and the space pdftotext puts before a superscript, differ by renderer) as
 * substrings of our whole text; a table's lines (`spanning`), which pdftotext joins across cells,
 * word by word.
 */
export function missingLines(product: string, ourText: string): string[] {
  const layout = JSON.parse(fs.readFileSync(path.join(DEVSET, `${product}.layout.json`), 'utf8')) as Layout;
  const ours = squeeze(ourText);
  const missing: string[] = [];
  for (const page of layout.pages.slice(0, 2)) {
    for (const line of [...(page.left ?? []), ...(page.right ?? [])]) if (!ours.includes(squeeze(line))) missing.push(line);
    for (const line of page.spanning ?? []) {
      // A cell may wrap a word after its hyphen where the original did not: its parts, then.
      const absent = line.split(/\s+/).filter((w) => w && !ours.includes(w) && !w.split(/(?<=-)/).every((part) => ours.includes(part)));
      if (absent.length > 0) missing.push(`${line}  [missing: ${absent.join(' ')}]`);
    }
  }
  return missing;
}
