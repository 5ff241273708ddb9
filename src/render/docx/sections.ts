// Page setup, headers and footers, and the sections the brief is laid out in:
//   1. the title band, one column, on page 1 under the masthead (first-page header);
//   2. the body in two columns (continuous break), until a page-top figure;
//   3. each page-top figure: a next-page break, one column across the page; then the columns
//      continue below it (continuous break);
//   3a. each span figure or table: a continuous break (Word balances the columns above it), one
//      column across the page, then the columns continue below it (continuous break);
//   4. the disclaimer, one column, on its own last page (next-page break), with its own footer.
// Sections without headers or footers of their own take the previous section's, as Word's "Link
// to Previous" does, so the running header is written once and edited once.
import { Footer, Header, SectionType, type FileChild, type ISectionOptions, type ISectionPropertiesOptions, type Paragraph } from 'docx';
import type { BriefDocument } from '../../model/types.js';
import { SITE } from '../html/render-html.js';
import type { Chunk } from './blocks.js';
import { styledParagraph, type DocxContext } from './context.js';
import { mastheadImage, type Masthead } from './furniture.js';
import { inlineRuns } from './inline.js';
import { pageGeometry, runningHeaderBefore, STYLE, wordColor, type PageGeometry } from './styles.js';
import { eighths, twips } from './units.js';

/**
 * The disclaimer page's body starts this far above its sand rule (furniture.disclaimer.sandRuleTop):
 * Word sets the heading's top border, which is the rule, below the top margin.
 */
const SAND_RULE_BELOW_MARGIN = 1;

function page(geometry: PageGeometry, top: number = geometry.top): NonNullable<ISectionPropertiesOptions['page']> {
  return {
    size: { width: twips(geometry.width), height: twips(geometry.height) },
    margin: { top: twips(top), bottom: twips(geometry.bottom), left: twips(geometry.side), right: twips(geometry.side), header: twips(geometry.header), footer: twips(geometry.footer), gutter: 0 },
  };
}

const oneColumn = { count: 1 };

/** The footer line on every page but the last; the last adds product, version and status. */
export function footerText(doc: BriefDocument, last: boolean): string {
  return last ? `${SITE} | ${doc.product} · VERSION ${doc.meta.version} · ${doc.meta.status.toUpperCase()}` : SITE;
}

function textParagraph(ctx: DocxContext, style: string, text: string, where: string): Paragraph {
  return styledParagraph(ctx, style, { children: inlineRuns(ctx, [{ type: 'text', value: text }], where) }, where);
}

export interface SectionContent {
  titleBand: FileChild[];
  chunks: { kind: Chunk['kind']; children: FileChild[] }[];
  disclaimer: FileChild[];
}

export function briefSections(ctx: DocxContext, doc: BriefDocument, mast: Masthead, content: SectionContent): ISectionOptions[] {
  const { edition } = ctx;
  const geometry = pageGeometry(edition);
  const { furniture } = edition;
  const twoColumns = { count: 2, space: twips(geometry.gap), equalWidth: true };
  const footer = () => new Footer({ children: [textParagraph(ctx, STYLE.footer, footerText(doc, false), 'footer')] });
  const running = () => textParagraph(ctx, STYLE.header, doc.meta.title, 'running header');
  const sections: ISectionOptions[] = [
    {
      properties: { page: page(geometry), column: oneColumn, titlePage: true },
      headers: {
        first: new Header({ children: [styledParagraph(ctx, STYLE.masthead, { children: [mastheadImage(ctx, mast)] }, 'masthead')] }),
        default: new Header({ children: [running()] }),
      },
      footers: { first: footer(), default: footer() },
      children: content.titleBand,
    },
  ];
  content.chunks.forEach((chunk, i) => {
    const band = chunk.kind === 'band';
    const across = band || chunk.kind === 'span';
    sections.push({
      properties: {
        page: page(geometry),
        type: band ? SectionType.NEXT_PAGE : SectionType.CONTINUOUS,
        column: across ? oneColumn : twoColumns,
        // The columns that start on page 1 keep its masthead (Word may take page 1's header from
        // either section on it); later sections do not have a first page of their own.
        ...(i === 0 && !across ? { titlePage: true } : {}),
      },
      children: chunk.children,
    });
  });
  // The disclaimer page: the running header over a blue rule, the sand rule as the heading's top
  // border (styles.ts), the body starting at the sand rule.
  const ruleParagraph = styledParagraph(
    ctx,
    STYLE.header,
    {
      // An empty header line whose bottom border is the blue rule (at disclaimer.blueRuleTop):
      // below the header distance, the title line (its space before and its line), this line, and
      // the space before it.
      spacing: { before: twips(Math.max(0, furniture.disclaimer.blueRuleTop - geometry.header - (runningHeaderBefore(edition) + furniture.runningHeaderLine) - furniture.runningHeaderLine)) },
      border: { bottom: { style: 'single', size: eighths(furniture.disclaimer.blueRule), color: wordColor(edition.colors.rule), space: 0 } },
    },
    'disclaimer page rule',
  );
  sections.push({
    properties: { page: page(geometry, furniture.disclaimer.sandRuleTop - SAND_RULE_BELOW_MARGIN), type: SectionType.NEXT_PAGE, column: oneColumn },
    headers: { default: new Header({ children: [running(), ruleParagraph] }) },
    footers: { default: new Footer({ children: [textParagraph(ctx, STYLE.footer, footerText(doc, true), 'last-page footer')] }) },
    children: content.disclaimer,
  });
  return sections;
}
