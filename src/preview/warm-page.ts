// The preview's one warm page. It is prepared as the PDF renderer's page is (sealed, print media,
// US Letter viewport) and loads the house faces once, for the whole session; each rebuild swaps
// in the brief's paged HTML (without the 900 KB of inlined faces, which is what made a fresh
// `setContent` slow) and lays it out with the PDF renderer's own steps and paginate.js. The
// laid-out DOM is then serialised, faces put back, as a static document: no scripts, its CSP kept,
// shown identically by any browser.
import type { Browser, Page } from 'puppeteer';
import type { BriefDocument } from '../model/types.js';
import { renderHtml } from '../render/html/render-html.js';
import { loadAllFaces, paginate, preparePage, type PaginateSettings, type PaginationReport } from '../render/pdf/render-pdf.js';
import { fontFaceCss } from '../render/shared/fonts.js';
import { SEALED_CSP, esc } from '../render/shared/sealed-html.js';

/** Two content pages, as the PDF; a draft that overflows still shows its further pages, marked DRAFT. */
export const PREVIEW_LAYOUT: PaginateSettings = { maxContentPages: 2, allowOverflow: true };

/** Where one rebuild's layout time went, in ms. */
export interface LayoutPhases {
  html: number;
  load: number;
  fonts: number;
  paginate: number;
  serialise: number;
}

export interface LaidOut {
  report: PaginationReport;
  /** The pages document to serve: static HTML and CSS, faces inlined. */
  document: string;
  /** Requests the sealed page refused (none, for any brief the pipeline accepts). */
  blocked: string[];
  phases: LayoutPhases;
}

const FACES_ID = 'preview-faces';

// The page's own starting document: the sealed CSP and the faces, nothing else.
const baseDocument = (faces: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${esc(SEALED_CSP)}"><style id="${FACES_ID}">${faces}</style></head><body></body></html>`;

// In the page: replace everything but the faces with the new document, as the parser would have
// built it (DOMParser: inert, nothing runs or loads while parsing), then wait for its pictures.
const SWAP = `(async (html) => {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const faces = document.getElementById(${JSON.stringify(FACES_ID)});
  for (const n of [...document.head.childNodes]) if (n !== faces) n.remove();
  const root = document.documentElement;
  for (const a of [...root.attributes]) root.removeAttribute(a.name);
  for (const a of [...next.documentElement.attributes]) root.setAttribute(a.name, a.value);
  document.head.append(...[...next.head.childNodes].map((n) => document.adoptNode(n)));
  document.body.replaceWith(document.adoptNode(next.body));
  await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
  return true;
})`;

// In the page, after paginate.js: mark what lies beyond the last allowed page (the overflow), and
// the first block there, then serialise everything but the faces.
const MARK_AND_SERIALISE = `((maxContentPages) => {
  const pages = [...document.querySelectorAll('.pages > .page')];
  const content = pages.filter((p) => !p.classList.contains('page-disclaimer'));
  for (const page of content.slice(maxContentPages)) page.classList.add('preview-overflow');
  content[maxContentPages]?.querySelector('.page-band > *, .page-columns > *')?.classList.add('preview-overflow-start');
  const faces = document.getElementById(${JSON.stringify(FACES_ID)});
  return {
    attributes: [...document.documentElement.attributes].map((a) => [a.name, a.value]),
    head: [...document.head.children].filter((e) => e !== faces).map((e) => e.outerHTML).join('\\n'),
    body: document.body.outerHTML,
  };
})`;

/** How the preview shows the pages on screen, and the overflow; nothing inside a page moves. */
const SCREEN_CSS = `@media screen {
  html { background: #d9d9d9; }
  html body.paged { background: transparent; }
  .pages { display: flex; flex-direction: column; align-items: center; gap: 24px; padding: 24px 0; }
  .pages > .page { flex: none; background: #fff; box-shadow: 0 1px 5px rgba(0, 0, 0, 0.35); }
}
.preview-overflow .page-columns, .preview-overflow .page-band:not(:empty) { outline: 2px dashed #c0392b; outline-offset: 3px; background: rgba(231, 76, 60, 0.10); }
.preview-overflow-start { background: rgba(241, 196, 15, 0.45); }
.preview-overflow::after { content: "overflow \\2014 beyond page 2"; position: absolute; top: 4px; right: 8px; font: 700 11px/1 sans-serif; color: #c0392b; }`;

interface Serialised {
  attributes: [string, string][];
  head: string;
  body: string;
}

export class WarmPage {
  private constructor(
    private readonly page: Page,
    private readonly faces: string,
    private readonly blocked: string[],
  ) {}

  static async open(browser: Browser): Promise<WarmPage> {
    const page = await browser.newPage();
    const blocked: string[] = [];
    try {
      await preparePage(page, blocked);
      const faces = fontFaceCss();
      await page.setContent(baseDocument(faces), { waitUntil: 'load' });
      await loadAllFaces(page);
      return new WarmPage(page, faces, blocked);
    } catch (err) {
      await page.close().catch(() => undefined);
      throw err;
    }
  }

  /** Lay the brief out as its PDF; rejects (and the page should be replaced) if it takes over `timeoutMs`. */
  async layOut(doc: BriefDocument, timeoutMs = 60_000): Promise<LaidOut> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`laying ${doc.product} out did not finish within ${timeoutMs / 1000} s; stopped`)), timeoutMs);
    });
    const work = this.layOutNow(doc);
    work.catch(() => undefined);
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async layOutNow(doc: BriefDocument): Promise<LaidOut> {
    this.blocked.length = 0;
    let t = performance.now();
    const lap = () => {
      const now = performance.now();
      const ms = Math.round(now - t);
      t = now;
      return ms;
    };
    const html = renderHtml(doc, { paged: true, fonts: false });
    const phases: Partial<LayoutPhases> = { html: lap() };
    await this.page.evaluate(`${SWAP}(${JSON.stringify(html)})`);
    phases.load = lap();
    await loadAllFaces(this.page);
    phases.fonts = lap();
    const report = await paginate(this.page, PREVIEW_LAYOUT);
    phases.paginate = lap();
    const laid = (await this.page.evaluate(`${MARK_AND_SERIALISE}(${PREVIEW_LAYOUT.maxContentPages})`)) as Serialised;
    const document = this.compose(laid);
    phases.serialise = lap();
    return { report, document, blocked: [...this.blocked], phases: phases as LayoutPhases };
  }

  private compose(laid: Serialised): string {
    const attributes = laid.attributes.map(([name, value]) => ` ${name}="${esc(value)}"`).join('');
    return `<!DOCTYPE html>\n<html${attributes}><head>\n${laid.head}\n<style>${this.faces}</style>\n<style>${SCREEN_CSS}</style>\n</head>\n${laid.body}\n</html>\n`;
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}

/** What the preview serves before the brief has ever built. */
export function placeholderDocument(text: string): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${esc(SEALED_CSP)}"><title>No rendering yet</title><style>body{font:16px/1.4 sans-serif;color:#555;margin:48px;text-align:center}</style></head><body><p>${esc(text)}</p></body></html>\n`;
}
