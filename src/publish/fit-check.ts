// The two-page fit, checked wherever a brief is accepted and not only when its PDF is printed:
// `brief check`, and HTML or DOCX builds (a brief that does not fit is not publishable in any
// format). The brief is laid out exactly as the PDF lays it out, in one browser for the batch,
// and no PDF is printed.
import type { VFileMessage } from 'vfile-message';
import type { BriefDocument } from '../model/types.js';
import { formatMessage } from '../report.js';
import { withBrowser, type LaunchOptions } from '../render/pdf/browser.js';
import { renderPdfPages } from '../render/pdf/render-pdf.js';
import { layoutMessages } from './fit-messages.js';

export interface FitOptions {
  /** Drafts whose overflow is a warning (build --allow-overflow). */
  allowOverflow?: ReadonlySet<BriefDocument>;
  warn?: (line: string) => void;
  browser?: LaunchOptions;
}

/** Every brief's fit problems (errors); allowed overflows go to `warn`. */
export async function fitProblems(docs: BriefDocument[], cwd: string, options: FitOptions = {}): Promise<VFileMessage[]> {
  if (docs.length === 0) return [];
  const problems: VFileMessage[] = [];
  await withBrowser(async (browser) => {
    for (const doc of docs) {
      const allowed = options.allowOverflow?.has(doc) === true;
      const { report } = await renderPdfPages(browser, doc, { allowOverflow: allowed, layoutOnly: true });
      const { errors, warning } = layoutMessages(doc, report, cwd, allowed);
      problems.push(...errors);
      if (warning) options.warn?.(formatMessage(warning, cwd));
    }
  }, options.browser);
  return problems;
}
