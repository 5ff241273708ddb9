// Document model → one self-contained HTML file: fonts and styles inlined, no scripts, a CSP
// that forbids loading anything else. The PDF renderer prints the same HTML in `paged` mode.
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { BriefDocument } from '../../model/types.js';
import { fontFaceCss } from '../shared/fonts.js';
import { houseTemplates } from './templates.js';

export const SITE = 'https://crsreports.congress.gov';
export const GENERATOR = 'crs-briefs';

const stringify = unified().use(rehypeStringify);

export function bodyHtml(doc: BriefDocument): string {
  return stringify.stringify(doc.body);
}

export function renderHtml(doc: BriefDocument, options: { paged?: boolean } = {}): string {
  const t = houseTemplates();
  const paged = options.paged === true;
  return t.layout({
    meta: { summary: '', ...doc.meta },
    displayDate: doc.displayDate,
    updated: doc.meta.status === 'updated',
    authorNames: doc.meta.authors.map((a) => a.name).join(', '),
    body: bodyHtml(doc),
    fontCss: fontFaceCss(),
    css: paged ? `${t.css}\n${t.pagedCss}` : t.css,
    paged,
    site: SITE,
    generator: GENERATOR,
  });
}
