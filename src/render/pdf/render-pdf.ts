// Document model → the In Focus PDF: the paged HTML, laid out by Chromium in a sealed page
// (nothing but the build's own HTML and data: URIs loads), paginated by paginate.js, printed
// tagged with an outline, then given its metadata and fixed dates.
import fs from 'node:fs';
import type { Browser, Page } from 'puppeteer';
import type { BriefDocument } from '../../model/types.js';
import { renderHtml } from '../html/render-html.js';
import { stampPdf } from './pdf-metadata.js';

const PAGINATE = fs.readFileSync(new URL('./paginate.js', import.meta.url), 'utf8');

export interface PaginationReport {
  pages: { number: number; band: number; regionHeight: number }[];
  overflow: null | { points: number; lines: number; startsWith: string };
  contentPages: number;
}

/**
 * Let the page load nothing but the document we give it and data: URIs; every other request is
 * refused and recorded. (The HTML's CSP refuses them too; this holds even if a CSP were lost.)
 */
export async function sealPage(page: Page, blocked: string[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url === 'about:blank') void req.continue();
    else {
      blocked.push(url);
      void req.abort('blockedbyclient');
    }
  });
}

export interface PdfOptions {
  timeoutMs?: number;
  maxContentPages?: number;
  /** Extra CSS after the house style; for measuring the layout (scripts/tune), not for briefs. */
  extraCss?: string;
}

export interface PdfResult {
  pdf: Uint8Array;
  report: PaginationReport;
  /** Requests the page tried to make and the sealed renderer refused. */
  blocked: string[];
}

export async function renderPdfPages(browser: Browser, doc: BriefDocument, options: PdfOptions = {}): Promise<PdfResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const page = await browser.newPage();
  const blocked: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    const work = (async () => {
      page.setDefaultTimeout(timeoutMs);
      await sealPage(page, blocked);
      await page.emulateMediaType('print');
      await page.setViewport({ width: 816, height: 1056 });
      const html = renderHtml(doc, { paged: true });
      const styled = options.extraCss ? html.replace('</head>', `<style>${options.extraCss}</style></head>`) : html;
      await page.setContent(styled, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      const report = (await page.evaluate(`(${PAGINATE})(${JSON.stringify({ maxContentPages: options.maxContentPages ?? 2 })})`)) as PaginationReport;
      if (report.overflow) return { pdf: new Uint8Array(), report, blocked };
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: timeoutMs });
      return { pdf: await stampPdf(pdf, doc), report, blocked };
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`rendering ${doc.product} did not finish within ${timeoutMs / 1000} s; stopped`)), timeoutMs);
    });
    // If the timeout wins, the abandoned work fails when its page closes; that is expected.
    work.catch(() => undefined);
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => undefined);
  }
}
