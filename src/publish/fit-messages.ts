// What the paged layout's report means for a brief, as vfile messages: an overflow (an error, or a
// warning for a draft built with --allow-overflow) and content the layout lost (always an error).
// The PDF build and the fit check (fit-check.ts) both report through here.
import type { VFileMessage } from 'vfile-message';
import type { BriefDocument } from '../model/types.js';
import { fatalMessage } from '../report.js';
import type { LostContent, Overflow, PaginationReport } from '../render/pdf/render-pdf.js';

export function lostMessage(doc: BriefDocument, l: LostContent, cwd: string): VFileMessage {
  const what = l.text ? `text “${l.text}” is ${l.where}` : l.where;
  return fatalMessage(doc.sourcePath, cwd, `${doc.product}: content lost in the PDF: ${what}; expected every word on a page inside its columns (a renderer or stylesheet fault; please report it)`, l.line ?? 1, 'content-lost');
}

export function overflowMessage(doc: BriefDocument, o: Overflow, cwd: string): VFileMessage {
  const amount = o.lines > 0 ? `${o.lines} line${o.lines === 1 ? '' : 's'} (${o.points} pt) overflow page 2` : 'it overflows page 2';
  return fatalMessage(
    doc.sourcePath,
    cwd,
    `${doc.product} does not fit its two pages: ${amount}, starting “${o.startsWith}…”; expected the brief to end on page 2 (shorten the text or a figure)`,
    o.line ?? 1,
    'overflow',
  );
}

/** The errors of one brief's layout, and the warning for an overflow that is allowed. */
export function layoutMessages(doc: BriefDocument, report: PaginationReport, cwd: string, allowOverflow: boolean): { errors: VFileMessage[]; warning?: VFileMessage } {
  const errors = report.lost.map((l) => lostMessage(doc, l, cwd));
  if (!report.overflow) return { errors };
  const message = overflowMessage(doc, report.overflow, cwd);
  if (!allowOverflow) return { errors: [...errors, message] };
  message.fatal = false;
  return { errors, warning: message };
}
