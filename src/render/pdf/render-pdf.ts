// Document model → the In Focus PDF: the paged HTML, laid out by Chromium in a sealed page
// (nothing but the build's own HTML and data: URIs loads), paginated by paginate.js, printed
// tagged with an outline, then given its metadata and fixed dates.
import fs from 'node:fs';
import type { Browser } from 'puppeteer';
import type { BriefDocument } from '../../model/types.js';
import { renderHtml } from '../html/render-html.js';
import { stampPdf } from './pdf-metadata.js';

const PAGINATE = fs.readFileSync(new URL('./paginate.js', import.meta.url), 'utf8');

export interface PaginationReport {
  pages: { number: number; band: number; regionHeight: number }[];
  overflow: null | { points: number; lines: number; startsWith: string };
  contentPages: number;
}

export class OverflowError extends Error {}

export interface PdfOptions {
  timeoutMs?: number;
  maxContentPages?: number;
  /** Extra CSS after the house style; for measuring the layout (scripts/tune), not for briefs. */
  extraCss?: string;
}

export async function renderPdfPages(browser: Browser, doc: BriefDocument, options: PdfOptions = {}): Promise<{ pdf: Uint8Array; report: PaginationReport }> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const page = await browser.newPage();
  const blocked: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    const work = (async () => {
      page.setDefaultTimeout(timeoutMs);
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url === 'about:blank') void req.continue();
        else {
          blocked.push(url);
          void req.abort('blockedbyclient');
        }
      });
      await page.emulateMediaType('print');
      await page.setViewport({ width: 816, height: 1056 });
      const html = renderHtml(doc, { paged: true });
      const styled = options.extraCss ? html.replace('</head>', `<style>${options.extraCss}</style></head>`) : html;
      await page.setContent(styled, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      const report = (await page.evaluate(`(${PAGINATE})(${JSON.stringify({ maxContentPages: options.maxContentPages ?? 2 })})`)) as PaginationReport;
      if (report.overflow) return { pdf: new Uint8Array(), report };
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: timeoutMs });
      return { pdf: await stampPdf(pdf, doc), report };
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`rendering ${doc.product} did not finish within ${timeoutMs / 1000} s; stopped`)), timeoutMs);
    });
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => undefined);
  }
}
