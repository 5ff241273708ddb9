// Document model → one self-contained HTML file: fonts and styles inlined, no scripts, a CSP
// that forbids loading anything else. The PDF renderer prints the same HTML in `paged` mode.
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { BriefDocument } from '../../model/types.js';
import { fontFaceCss } from '../shared/fonts.js';
import { editionCustomProperties } from '../../style/css-properties.js';
import { SEALED_CSP } from '../shared/sealed-html.js';
import { houseTemplates } from './templates.js';
import { applyTableWidths } from './table-widths.js';
import { wordBreaks } from './word-breaks.js';

export const SITE = 'https://crsreports.congress.gov';
export const GENERATOR = 'crs-briefs';

const stringify = unified().use(rehypeStringify);

/**
 * The body as HTML. `sourceLines` marks blocks with their source line; `wordBreaks` removes the
 * break opportunities Word does not take (word-breaks.ts). Both are for the printed page only.
 */
export function bodyHtml(doc: BriefDocument, options: { sourceLines?: boolean; wordBreaks?: boolean } = {}): string {
  // The model stays as it is: every change here is to a copy.
  let body = applyTableWidths(options.sourceLines ? withSourceLines(doc.body) : structuredClone(doc.body));
  if (options.wordBreaks) body = wordBreaks(body);
  return stringify.stringify(body);
}

const BLOCKS = new Set(['p', 'li', 'h2', 'h3', 'h4', 'figure', 'table', 'blockquote', 'pre']);

/** Blocks marked with their source line, so the PDF's overflow report can point into the brief. */
function withSourceLines(body: Root): Root {
  const copy = structuredClone(body);
  visit(copy, 'element', (node) => {
    if (node.position && BLOCKS.has(node.tagName)) node.properties.dataLine = node.position.start.line;
  });
  return copy;
}

/**
 * `fonts: false` leaves the @font-face rules out: for the live preview, whose warm page holds them
 * once and adds them back to what it serves (src/preview/warm-page.ts).
 */
export function renderHtml(doc: BriefDocument, options: { paged?: boolean; fonts?: boolean } = {}): string {
  const t = houseTemplates();
  const paged = options.paged === true;
  return t.layout({
    meta: { summary: '', ...doc.meta },
    displayDate: doc.displayDate,
    updated: doc.meta.status === 'updated',
    authorNames: doc.meta.authors.map((a) => a.name).join(', '),
    body: bodyHtml(doc, { sourceLines: paged, wordBreaks: paged }),
    fontCss: options.fonts === false ? '' : fontFaceCss(),
    // The edition's numbers first, as custom properties the stylesheets read.
    css: [editionCustomProperties(doc.edition), t.css, ...(paged ? [t.pagedCss] : [])].join('\n'),
    paged,
    site: SITE,
    csp: SEALED_CSP,
    generator: GENERATOR,
  });
}
