// The project's own check of layout fidelity (as the desk's layout_fidelity.py): how many of an
// original's lines a PDF puts on the same page and in the same column. IF11415's by default; a dev
// set brief's with its layout file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pdfLines } from './pdf-text.js';

const REF_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '../reference/IF11415.layout.json');

type Side = 'left' | 'right' | 'full' | 'spanning';

interface Layout {
  pages: Partial<Record<Side, string[]>>[];
  final_footer: string;
}

const BULLETS = '\uf0b7•▪●◦■·–';

export function norm(s: string): string {
  let t = s.replace(/\u00a0/g, ' ').replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
  while (t && BULLETS.includes(t[0]!)) t = t.slice(1);
  return t.trim();
}

export interface Fidelity {
  pages: number;
  lines: number;
  inPlace: number;
  misses: string[];
  footerOnLastPage: boolean;
}

/** `left`/`right` lines must be in that column of that page; `full` and `spanning` lines anywhere on it. */
export function layoutFidelity(pdfPath: string, refPath = REF_PATH): Fidelity {
  const ref = JSON.parse(fs.readFileSync(refPath, 'utf8')) as Layout;
  const pdf = pdfLines(pdfPath).pages.map((p) => {
    const sides = { left: [] as string[], right: [] as string[], all: [] as string[] };
    for (const line of p.lines) {
      const t = norm(line.text);
      (line.x < p.width / 2 ? sides.left : sides.right).push(t);
      sides.all.push(t);
    }
    return sides;
  });
  let lines = 0;
  let inPlace = 0;
  const misses: string[] = [];
  ref.pages.forEach((refPage, i) => {
    for (const side of Object.keys(refPage) as Side[]) {
      const ours = new Set(i >= pdf.length ? [] : side === 'full' || side === 'spanning' ? pdf[i]!.all : pdf[i]![side]);
      for (const raw of refPage[side] ?? []) {
        const line = norm(raw);
        lines++;
        if (ours.has(line)) inPlace++;
        else misses.push(`p${i + 1} ${side}: ${line}`);
      }
    }
  });
  const last = pdf[pdf.length - 1];
  return { pages: pdf.length, lines, inPlace, misses, footerOnLastPage: !!last && last.all.includes(norm(ref.final_footer)) };
}
