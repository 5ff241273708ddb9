// Document model → the In Focus PDF: the paged HTML, laid out by Chromium in a sealed page
// (nothing but the build's own HTML and data: URIs loads), paginated by paginate.js, printed
// tagged with an outline, then given its metadata and fixed dates.
import fs from 'node:fs';
import type { Browser, Page } from 'puppeteer';
import type { BriefDocument } from '../../model/types.js';
import { srcFile } from '../shared/paths.js';
import { renderHtml } from '../html/render-html.js';
import { dropUnusedFaces } from '../html/subset-fonts.js';
import { stampPdf } from './pdf-metadata.js';

const PAGINATE = fs.readFileSync(srcFile('render/pdf/paginate.js'), 'utf8');

export interface Overflow {
  points: number;
  lines: number;
  startsWith: string;
  /** Source line of the first block that overflows, if known. */
  line?: number | null;
  /** true when the overflow was laid on further pages (allowOverflow). */
  allowed?: boolean;
}

/** Text (or a picture) that did not land inside a page's columns, or characters on no page. */
export interface LostContent {
  line: number | null;
  text: string;
  where: string;
}

export interface PaginationReport {
  pages: { number: number; band: number; regionHeight: number }[];
  overflow: null | Overflow;
  /** Empty when every character of the flow is on a page, inside its columns. */
  lost: LostContent[];
  contentPages: number;
  /** When the brief fits: the room left on its last page (and any page it does not reach). */
  spare?: { points: number; lines: number };
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
  /**
   * Lay a brief that does not fit `maxContentPages` on further pages anyway, every page stamped
   * DRAFT (`brief build --allow-overflow`); the overflow is still reported. Never for a release.
   */
  allowOverflow?: boolean;
  /** Lay the brief out and report its fit, without printing a PDF (`brief check`, HTML/DOCX builds). */
  layoutOnly?: boolean;
  /** Extra CSS after the house style; for measuring the layout (scripts/tune), not for briefs. */
  extraCss?: string;
}

export interface PdfResult {
  pdf: Uint8Array;
  report: PaginationReport;
  /** Requests the page tried to make and the sealed renderer refused. */
  blocked: string[];
}

/** The page a brief is laid out in: sealed, print media, a US Letter viewport. */
export async function preparePage(page: Page, blocked: string[]): Promise<void> {
  await sealPage(page, blocked);
  await page.emulateMediaType('print');
  await page.setViewport({ width: 816, height: 1056 });
}

/**
 * Every face loaded before anything is measured: `fonts.ready` waits only for faces the first
 * layout asked for, and a face first needed while paginating (a table's cells on page 2) would be
 * measured in a fallback font, breaking its lines elsewhere than it prints them.
 */
export async function loadAllFaces(page: Page): Promise<void> {
  await page.evaluate('Promise.all([...document.fonts].map((f) => f.load())).then(() => true)');
}

export interface PaginateSettings {
  maxContentPages: number;
  allowOverflow: boolean;
}

/** Move the loaded brief into its pages (paginate.js) and report how it fits. */
export async function paginate(page: Page, settings: PaginateSettings): Promise<PaginationReport> {
  return (await page.evaluate(`(${PAGINATE})(${JSON.stringify(settings)})`)) as PaginationReport;
}

export async function renderPdfPages(browser: Browser, doc: BriefDocument, options: PdfOptions = {}): Promise<PdfResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const page = await browser.newPage();
  const blocked: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    const work = (async () => {
      page.setDefaultTimeout(timeoutMs);
      await preparePage(page, blocked);
      const html = dropUnusedFaces(renderHtml(doc, { paged: true }));
      const styled = options.extraCss ? html.replace('</head>', `<style>${options.extraCss}</style></head>`) : html;
      await page.setContent(styled, { waitUntil: 'load' });
      await loadAllFaces(page);
      const settings = { maxContentPages: options.maxContentPages ?? 2, allowOverflow: options.allowOverflow === true };
      const report = await paginate(page, settings);
      if (options.layoutOnly === true || (report.overflow && !settings.allowOverflow) || report.lost.length > 0) return { pdf: new Uint8Array(), report, blocked };
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
