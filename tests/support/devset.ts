// The development set: six real 2026 In Focus briefs in ../shared/reference/devset (sources,
// pictures, and the originals' lines), and the check that an output of ours holds every word of
// the original's pages 1–2, tables and figure notes included.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './run-cli.js';

export const DEVSET = path.resolve(ROOT, '../shared/reference/devset');

export function devsetProducts(): string[] {
  return fs.existsSync(DEVSET) ? fs.readdirSync(DEVSET).filter((n) => /^IF\d+$/.test(n)).sort() : [];
}

/** Copies the dev set's briefs (sources and figures, not the originals' pictures) into `dir`. */
export function copyDevset(dir: string): void {
  for (const p of devsetProducts()) {
    fs.cpSync(path.join(DEVSET, p), path.join(dir, p), { recursive: true, filter: (src) => !/original-page-\d+\.png$/.test(src) });
  }
}

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
      const absent = line.split(/\s+/).filter((w) => w && !ours.includes(w));
      if (absent.length > 0) missing.push(`${line}  [missing: ${absent.join(' ')}]`);
    }
  }
  return missing;
}
