// What the preview tells its page and any script (`GET /status.json`, and each server-sent
// event): the rebuild count, the fit of the rendering shown, the brief's problems, timings.
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import type { BriefDocument } from '../model/types.js';
import type { PaginationReport } from '../render/pdf/render-pdf.js';

export interface Fit {
  fits: boolean;
  /** Body lines left on the last page (and any page not reached) when it fits; else 0. */
  spareLines: number;
  /** Lines beyond page 2 when it does not fit; else 0. */
  overflowLines: number;
  /** Content pages laid out (more than 2 when it overflows). */
  pages: number;
  /** Where the overflow starts: its first words and source line. */
  overflow?: { startsWith: string; file: string; line: number | null };
  /** The meter's words: "fits — 4 lines to spare on page 2" or "overflows by 7 lines, from ‘…’ (brief.md:82)". */
  text: string;
}

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface PreviewStatus {
  product: string;
  /** Increments on each rebuild, good or not. */
  version: number;
  /** The rebuild whose rendering is served at /pages.html (the last good one; 0: none yet). */
  pagesVersion: number;
  /** The fit of the rendering served (the last good one); null before the first. */
  fit: Fit | null;
  /** Why the last rebuild failed; empty when it succeeded. */
  errors: Problem[];
  /** The source's warnings (a near-empty body), from the last rebuild that parsed it. */
  warnings: Problem[];
  /** The last rebuild's time, ms, and where it went. */
  ms: number;
  phases: Record<string, number>;
}

export function fitOf(doc: BriefDocument, report: PaginationReport, maxContentPages: number): Fit {
  const base = { pages: report.contentPages };
  const o = report.overflow;
  if (!o) {
    const spare = report.spare?.lines ?? 0;
    const page = Math.min(report.contentPages, maxContentPages);
    return { ...base, fits: true, spareLines: spare, overflowLines: 0, text: `fits \u2014 ${spare} line${spare === 1 ? '' : 's'} to spare on page ${page}` };
  }
  const file = path.relative(path.dirname(doc.sourcePath), doc.sourcePath);
  const where = o.line != null ? ` (${file}:${o.line})` : '';
  const amount = o.lines > 0 ? `by ${o.lines} line${o.lines === 1 ? '' : 's'}` : `past page ${maxContentPages}`;
  const words = o.startsWith.length >= 60 ? `${o.startsWith.slice(0, 60).trimEnd()}\u2026` : o.startsWith;
  // A page-top figure pushed past the last page is named as such by the layout, not quoted.
  const from = /^the figure placed at the top of page/.test(o.startsWith) ? `: ${o.startsWith}` : `, from \u2018${words}\u2019`;
  return {
    ...base,
    fits: false,
    spareLines: 0,
    overflowLines: o.lines,
    overflow: { startsWith: o.startsWith, file, line: o.line ?? null },
    text: `overflows ${amount}${from}${where}`,
  };
}

export function problemOf(m: VFileMessage, fallbackFile: string): Problem {
  const place = m.place ? ('start' in m.place ? m.place.start : m.place) : undefined;
  return { file: m.file || fallbackFile, line: place?.line ?? 1, column: place?.column ?? 1, message: m.reason };
}
