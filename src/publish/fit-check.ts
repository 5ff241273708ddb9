// The two-page fit, checked wherever a brief is accepted and not only when its PDF is printed:
// `brief check`, and HTML or DOCX builds (a brief that does not fit is not publishable in any
// format). The brief is laid out exactly as the PDF lays it out, in one browser for the batch,
// and no PDF is printed.
import fs from 'node:fs';
import type { Browser } from 'puppeteer';
import type { VFileMessage } from 'vfile-message';
import type { BriefDocument } from '../model/types.js';
import { fatalMessage, formatMessage } from '../report.js';
import { withBrowser, type LaunchOptions } from '../render/pdf/browser.js';
import { eachInPages } from '../render/pdf/page-pool.js';
import { renderPdfPages, type PaginationReport } from '../render/pdf/render-pdf.js';
import { layoutMessages } from './fit-messages.js';

export interface FitOptions {
  /** Drafts whose overflow is a warning (build --allow-overflow). */
  allowOverflow?: ReadonlySet<BriefDocument>;
  warn?: (line: string) => void;
  browser?: LaunchOptions;
  /** The batch's browser, already launching (build.ts); else one is launched for this check. */
  chromium?: () => Promise<Browser>;
  /** Also warn of a brief that leaves page 2 mostly empty (`brief check`; a build does not). */
  short?: boolean;
}

export interface FitResult {
  /** Every brief's fit problems (errors); warnings went to `warn`. */
  problems: VFileMessage[];
  /** For each brief that fits, the body lines it has to spare on its last page. */
  spare: Map<BriefDocument, number>;
  /** The briefs with fit problems. */
  failed: Set<BriefDocument>;
}

/** Lay each brief out; report what does not fit, and warn of a page 2 left mostly empty. */
export async function checkFit(docs: BriefDocument[], cwd: string, options: FitOptions = {}): Promise<FitResult> {
  const result: FitResult = { problems: [], spare: new Map(), failed: new Set() };
  if (docs.length === 0) return result;
  const check = async (browser: Browser) => {
    // Laid out a few at a time (page-pool.ts), reported in the briefs' order.
    const reports = await eachInPages(docs, async (doc) => (await renderPdfPages(browser, doc, { allowOverflow: options.allowOverflow?.has(doc) === true, layoutOnly: true })).report);
    for (const [i, doc] of docs.entries()) {
      const allowed = options.allowOverflow?.has(doc) === true;
      const report = reports[i]!;
      const { errors, warning } = layoutMessages(doc, report, cwd, allowed);
      result.problems.push(...errors);
      if (errors.length > 0) result.failed.add(doc);
      if (warning) options.warn?.(formatMessage(warning, cwd));
      if (report.spare) {
        result.spare.set(doc, report.spare.lines);
        const short = options.short === true ? shortWarning(doc, report, cwd) : undefined;
        if (short) options.warn?.(formatMessage(short, cwd));
      }
    }
  };
  if (options.chromium) await check(await options.chromium());
  else await withBrowser(check, options.browser);
  return result;
}

/**
 * An In Focus brief fills its two pages: one that leaves more than half of page 2's columns
 * empty is probably unfinished. A warning at the source's last line, where text would go.
 */
function shortWarning(doc: BriefDocument, report: PaginationReport, cwd: string): VFileMessage | undefined {
  const spare = report.spare!;
  const column = Math.max(...report.pages.map((p) => p.regionHeight));
  if (spare.points <= column) return undefined;
  const lastLine = fs.readFileSync(doc.sourcePath, 'utf8').trimEnd().split('\n').length;
  const message = fatalMessage(doc.sourcePath, cwd, `${doc.product} leaves page 2 mostly empty: ${spare.lines} lines to spare; expected an In Focus brief to fill its two pages`, lastLine, 'short');
  message.fatal = false;
  return message;
}
