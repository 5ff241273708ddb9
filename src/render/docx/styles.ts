// The In Focus house style as named Word styles, built from the brief's edition (src/style/editions;
// docs/house-style.md says where its numbers come from), so that an analyst can restyle the brief
// and navigate it by its headings. Every paragraph and run the renderer writes names one of these;
// nothing in the body carries fonts or sizes of its own.
// The styles are a function of the brief's edition (src/style/edition.ts, with its front matter
// `layout:` applied): every size, pitch, space, indent, colour and font is the edition's, the
// number the PDF's stylesheet reads too. Only the style ids, and the few numbers Word needs that
// CSS has no counterpart for, are written here.
//
// Spacing: Word adds one paragraph's space after to the next one's space before (CSS collapses
// them), so the blank line between blocks (body.paragraphGap) is each block's space *after*, and
// a heading's space before is only what its `before` has beyond that gap. What CSS gets from
// collapsing, the renderer sets on the one paragraph concerned: the last item of a list ends with
// the paragraph gap, a heading straight after a heading starts its full `before` down (blocks.ts).
// A style whose size or pitch is the body's inherits it from Normal rather than repeating it.
import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  LineRuleType,
  type ICharacterStyleOptions,
  type IDocumentDefaultsOptions,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IThemeOptions,
} from 'docx';
import { NEWEST_EDITION, type Edition } from '../../style/edition.js';
import { EDITIONS } from '../../style/editions.js';
import { eighths, halfPoints, twips } from './units.js';

/** Style ids, as the document's XML refers to them: names, the same in every edition. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  date: 'Date',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  listBullet: 'ListBullet',
  listBullet2: 'ListBullet2',
  listBullet3: 'ListBullet3',
  listNumber: 'ListNumber',
  listContinue: 'ListContinue',
  figureCaption: 'FigureCaption',
  figureSubtitle: 'FigureSubtitle',
  figure: 'Figure',
  tableCaption: 'TableCaption',
  tableNote: 'TableNote',
  sourceNote: 'SourceNote',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  blockQuote: 'Quote',
  author: 'Author',
  productCode: 'ProductCode',
  disclaimerHeading: 'DisclaimerHeading',
  disclaimer: 'Disclaimer',
  masthead: 'Masthead',
  header: 'Header',
  footer: 'Footer',
  hyperlink: 'Hyperlink',
  footnoteReference: 'FootnoteReference',
  endnoteReference: 'EndnoteReference',
} as const;

/** The numbering definitions the list styles use. */
export const NUMBERING_REF = { bullet: 'in-focus-bullet', number: 'in-focus-number' } as const;

/** Which of the edition's headings each Word heading style sets: `##` is Heading 1, and so on. */
export const HEADING_LEVEL = { [STYLE.heading1]: 'h2', [STYLE.heading2]: 'h3', [STYLE.heading3]: 'h4' } as const satisfies Record<string, keyof Edition['headings']>;

/**
 * Word-only numbers, which the stylesheet has no counterpart for (or sets differently, in CSS
 * terms): a table cell's paragraph space above and below its text (CSS pads cells 1.5 pt), and how
 * much higher than the PDF's line box Word sets the running header's exact-pitch line.
 */
const CELL_SPACE = 1;
export const RUNNING_HEADER_RAISE = 2;

/**
 * Quotes in the originals are justified with spaces shrunk to fit a word (Word does this);
 * the PDF lets its line breaker do the same with the edition's negative word spacing. Word's
 * run properties cannot narrow only the spaces, and LibreOffice 7 neither shrinks spaces nor
 * honours a narrower spacing on space runs, so the DOCX spreads the same tightening over every
 * character: wordSpacing × the share of spaces among a quote's characters (0.156, measured over
 * the dev set's quotes), in twentieths of a point. With it LibreOffice breaks IF11755's quote
 * lines as the original does (DOCX 169 → 187 of 192 lines in place); Word, which also shrinks
 * spaces, gains at most a narrow word on a tight line.
 */
const SPACES_PER_CHARACTER = 0.156;
export const quoteCharacterSpacing = (wordSpacing: number): number => Math.round(wordSpacing * SPACES_PER_CHARACTER * 20);

/** A colour as Word writes it: hex without the '#'. */
export const wordColor = (css: string): string => {
  const hex = css.replace(/^#/, '');
  if (!/^[0-9A-Fa-f]{6}$/.test(hex)) throw new Error(`DOCX: colour "${css}" is not #RRGGBB; Word needs six hex digits`);
  return hex;
};

/**
 * The In Focus page in Word's terms, from the edition: Letter-size sheet, the side margins, two
 * columns and their gap, the body's top (pages without the masthead) and bottom; the header
 * distance is where the masthead's top sits, the footer distance puts the footer's line where the
 * PDF's is (furniture.footerTop).
 */
export function pageGeometry(edition: Edition) {
  const { page, band, furniture } = edition;
  return {
    width: page.width,
    height: page.height,
    side: page.side,
    top: page.top,
    bottom: page.bottom,
    column: page.column,
    gap: page.gap,
    /** Header distance from the page's top: the masthead's top. */
    header: band.mastheadTop,
    /** Footer distance from the page's bottom: below the footer's line box. */
    footer: page.height - furniture.footerTop - furniture.footerLine,
    /** Full text width: both columns and the gap. */
    textWidth: page.width - 2 * page.side,
  };
}
export type PageGeometry = ReturnType<typeof pageGeometry>;

export interface HouseStyles {
  documentDefaults(lang: string): IDocumentDefaultsOptions;
  theme: IThemeOptions;
  numbering: INumberingOptions;
  paragraphStyles: IParagraphStyleOptions[];
  characterStyles: ICharacterStyleOptions[];
  /** Every style the document defines, by id, with its kind: what style references are checked against. */
  defined: ReadonlyMap<string, 'paragraph' | 'character'>;
}

export function houseStyles(edition: Edition): HouseStyles {
  const { fonts, body, headings, lists, quote, figure, table, band, furniture } = edition;
  const FONT = { serif: fonts.serif.word, sans: fonts.sans.word, ui: fonts.ui.word, display: fonts.display.word };
  const COLOR = { heading: wordColor(edition.colors.heading), footer: wordColor(edition.colors.footer), sand: wordColor(edition.colors.sand) };
  const { disclaimer } = furniture;

  const exact = (pt: number) => ({ line: twips(pt), lineRule: LineRuleType.EXACT });
  /** Word's space before and after cannot be negative (CSS margins can): at least none. */
  const space = (pt: number) => twips(Math.max(0, pt));
  /** A border's distance from its text: whole points in Word. */
  const borderSpace = (pt: number) => Math.max(0, Math.round(pt));
  /** A pitch that differs from the body's (Normal's); the body's is inherited, not repeated. */
  const pitch = (pt: number) => (pt === body.line ? {} : exact(pt));
  /** A size that differs from the body's. */
  const size = (pt: number) => (pt === body.size ? {} : { run: { size: halfPoints(pt) } });
  /** What a heading's `before` has beyond the paragraph gap Word adds above it anyway. */
  const headingBefore = (h: keyof typeof headings) => space(headings[h].before - body.paragraphGap);
  /** Likewise a caption's. */
  const captionBefore = space(figure.before - body.paragraphGap);
  // List items on their own pitch where the brief sets one (layout.listLinePitch).
  const listLine = lists.line !== undefined ? exact(lists.line) : {};
  const levelIndent = (level: number) => ({ left: twips(lists.indent * (level + 1)), hanging: twips(lists.indent) });

  const bulletStyle = (id: string, name: string, level: number): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: STYLE.normal,
    quickFormat: level === 0,
    paragraph: {
      spacing: { after: space(lists.itemGap), ...listLine },
      indent: levelIndent(level),
      numbering: { reference: NUMBERING_REF.bullet, level },
    },
  });

  const heading = (id: string, name: string, h: keyof typeof headings, outlineLevel: number, run: IParagraphStyleOptions['run']): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    run,
    paragraph: { keepNext: true, keepLines: true, outlineLevel, spacing: { before: headingBefore(h), after: space(headings[h].after), ...exact(headings[h].line) } },
  });

  const paragraphStyles: IParagraphStyleOptions[] = [
    {
      id: STYLE.normal,
      name: 'Normal',
      quickFormat: true,
      // The body type on an exact pitch, one blank line (the paragraph gap) after.
      run: { font: FONT.serif, size: halfPoints(body.size) },
      paragraph: { spacing: { before: 0, after: space(body.paragraphGap), ...exact(body.line) } },
    },
    {
      id: STYLE.date,
      name: 'Date',
      basedOn: STYLE.normal,
      next: STYLE.title,
      quickFormat: true,
      ...size(band.dateSize),
      paragraph: { alignment: AlignmentType.RIGHT, keepNext: true, spacing: { before: space(band.dateBefore), after: 0, ...pitch(band.dateLine) } },
    },
    {
      id: STYLE.title,
      name: 'Title',
      basedOn: STYLE.normal,
      next: STYLE.heading1,
      quickFormat: true,
      run: { font: FONT.serif, size: halfPoints(band.titleSize), bold: true },
      paragraph: { keepNext: true, spacing: { before: space(band.titleBefore), after: space(band.titleAfter), ...exact(band.titleLine) } },
    },
    heading(STYLE.heading1, 'Heading 1', 'h2', 0, { font: FONT.sans, size: halfPoints(headings.h2.size), bold: true, color: COLOR.heading }),
    heading(STYLE.heading2, 'Heading 2', 'h3', 1, { font: FONT.sans, size: halfPoints(headings.h3.size), bold: true, color: COLOR.heading }),
    heading(STYLE.heading3, 'Heading 3', 'h4', 2, { font: FONT.serif, size: halfPoints(headings.h4.size), italics: true }),
    bulletStyle(STYLE.listBullet, 'List Bullet', 0),
    bulletStyle(STYLE.listBullet2, 'List Bullet 2', 1),
    bulletStyle(STYLE.listBullet3, 'List Bullet 3', 2),
    {
      // Numbered items take their number from the list they are in (each list counts from 1).
      id: STYLE.listNumber,
      name: 'List Number',
      basedOn: STYLE.normal,
      paragraph: { spacing: { after: space(lists.itemGap), ...listLine }, indent: levelIndent(0) },
    },
    {
      // A list item's second and later paragraphs: under the item's text, no bullet.
      id: STYLE.listContinue,
      name: 'List Continue',
      basedOn: STYLE.normal,
      paragraph: { spacing: { after: space(lists.itemGap), ...listLine }, indent: { left: twips(lists.indent) } },
    },
    {
      id: STYLE.figureCaption,
      name: 'Figure Caption',
      basedOn: STYLE.normal,
      next: STYLE.figure,
      quickFormat: true,
      run: { font: FONT.sans, size: halfPoints(figure.captionSize), bold: true },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: captionBefore, after: space(figure.captionAfter), ...exact(figure.captionLine) } },
    },
    {
      // The plain line between a figure's caption and its picture (IF12255, IF13205).
      id: STYLE.figureSubtitle,
      name: 'Figure Subtitle',
      basedOn: STYLE.normal,
      next: STYLE.figure,
      run: { font: FONT.sans, size: halfPoints(figure.captionSize) },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 0, after: space(figure.captionAfter), ...exact(figure.captionLine) } },
    },
    {
      // "Table N. …" above a table: the caption's face, bold, centred over the table (IF12255).
      id: STYLE.tableCaption,
      name: 'Table Caption',
      basedOn: STYLE.normal,
      next: STYLE.tableHeading,
      quickFormat: true,
      run: { font: FONT.sans, size: halfPoints(figure.captionSize), bold: true },
      paragraph: { alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, spacing: { before: captionBefore, after: space(table.captionAfter), ...exact(figure.captionLine) } },
    },
    {
      // A table's note: its label ("a.") at the note indent, the text hanging at twice it after a tab.
      id: STYLE.tableNote,
      name: 'Table Note',
      basedOn: STYLE.normal,
      run: { font: FONT.sans, size: halfPoints(table.size) },
      paragraph: { indent: { left: twips(table.noteInset + table.noteIndent), hanging: twips(table.noteIndent) }, spacing: { before: 0, after: 0, ...exact(table.line) } },
    },
    {
      // The picture's own paragraph: automatic line height, or an exact pitch would crop it; the
      // space under it is the space above the Source line.
      id: STYLE.figure,
      name: 'Figure',
      basedOn: STYLE.normal,
      next: STYLE.sourceNote,
      // A picture narrower than its column is centred, as the originals set it (IF13200, IF11755).
      paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 0, after: space(figure.sourceBefore), line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE.sourceNote,
      name: 'Source Note',
      basedOn: STYLE.normal,
      next: STYLE.normal,
      quickFormat: true,
      run: { font: FONT.sans, size: halfPoints(figure.sourceSize) },
      paragraph: { spacing: { before: 0, after: space(body.paragraphGap), ...exact(figure.sourceLine) } },
    },
    {
      // Table cells (IF12255).
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: STYLE.normal,
      run: { font: FONT.sans, size: halfPoints(table.size) },
      paragraph: { spacing: { before: space(CELL_SPACE), after: space(CELL_SPACE), ...exact(table.line) } },
    },
    {
      // The header row: bold and centred.
      id: STYLE.tableHeading,
      name: 'Table Heading',
      basedOn: STYLE.tableText,
      run: { font: FONT.sans, size: halfPoints(table.size), bold: true },
      paragraph: { alignment: AlignmentType.CENTER },
    },
    {
      // Indented on both sides and justified, on the quote's own pitch (house style), set a
      // little tighter as the PDF is (quoteCharacterSpacing).
      id: STYLE.blockQuote,
      name: 'Quote',
      basedOn: STYLE.normal,
      run: { characterSpacing: quoteCharacterSpacing(quote.wordSpacing) },
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { left: twips(quote.indent), right: twips(quote.indent) }, spacing: { before: 0, after: space(quote.after), ...exact(quote.line) } },
    },
    {
      // Author lines under a rule across the column. Consecutive paragraphs with the same border
      // are one bordered group in Word and LibreOffice, so the rule is drawn above the first only.
      // The space above the block beyond the paragraph gap is the first author's (furniture.ts).
      id: STYLE.author,
      name: 'Author',
      basedOn: STYLE.normal,
      next: STYLE.author,
      quickFormat: true,
      // Each author's lines keep together; the block may break between authors (IF12255 sets its
      // first author in the left column, the others in the right) and before the product code.
      paragraph: {
        keepLines: true,
        spacing: { before: 0, after: 0, ...pitch(furniture.authorLine) },
        border: { top: { style: BorderStyle.SINGLE, size: eighths(furniture.authorsRule), color: COLOR.heading, space: borderSpace(furniture.authorsPadding) } },
      },
    },
    {
      id: STYLE.productCode,
      name: 'Product Code',
      basedOn: STYLE.normal,
      quickFormat: true,
      run: { font: FONT.sans, size: halfPoints(furniture.productCodeSize), bold: true },
      paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: space(furniture.productCodeBefore), after: 0, ...exact(furniture.productCodeLine) } },
    },
    {
      // The disclaimer page's sand rule is this heading's top border; the text starts at
      // disclaimer.top, the border's width and its space below the rule.
      id: STYLE.disclaimerHeading,
      name: 'Disclaimer Heading',
      basedOn: STYLE.normal,
      next: STYLE.disclaimer,
      quickFormat: true,
      run: { font: FONT.display, size: halfPoints(disclaimer.headingSize), bold: true },
      paragraph: {
        keepNext: true,
        spacing: { before: 0, after: space(disclaimer.headingAfter), ...exact(disclaimer.headingLine) },
        border: { top: { style: BorderStyle.SINGLE, size: eighths(disclaimer.sandRule), color: COLOR.sand, space: borderSpace(disclaimer.top - disclaimer.sandRuleTop - disclaimer.sandRule) } },
      },
    },
    {
      id: STYLE.disclaimer,
      name: 'Disclaimer',
      basedOn: STYLE.normal,
      quickFormat: true,
      paragraph: { spacing: { before: 0, after: 0 } },
    },
    {
      id: STYLE.masthead,
      name: 'Masthead',
      basedOn: STYLE.normal,
      paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      // The running header: the title, right-aligned, its line box at furniture.runningHeaderTop
      // (less Word's raise), below the header distance (the masthead's top).
      id: STYLE.header,
      name: 'Header',
      basedOn: STYLE.normal,
      run: { font: FONT.ui, size: halfPoints(furniture.runningHeaderSize), color: COLOR.heading },
      paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: space(runningHeaderBefore(edition)), after: 0, ...exact(furniture.runningHeaderLine) } },
    },
    {
      id: STYLE.footer,
      name: 'Footer',
      basedOn: STYLE.normal,
      run: { font: FONT.ui, size: halfPoints(furniture.footerSize), color: COLOR.footer },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, ...exact(furniture.footerLine) } },
    },
  ];

  const characterStyles: ICharacterStyleOptions[] = [
    // The originals print links as plain text (no colour, no underline: IF11755, IF12255); they are
    // live all the same. Defined, so that Word's own blue underlined Hyperlink style does not apply.
    { id: STYLE.hyperlink, name: 'Hyperlink', run: {} },
    // docx's (empty) footnote and endnote parts refer to these two.
    { id: STYLE.footnoteReference, name: 'Footnote Reference', run: { superScript: true } },
    { id: STYLE.endnoteReference, name: 'Endnote Reference', run: { superScript: true } },
  ];

  // Numbered lists hang their text as far as bulleted ones in Word (lists.indent), as IF11415's
  // DOCX always has; the stylesheet hangs a number lists.numberIndent.
  const numbering: INumberingOptions = {
    config: [
      {
        // One bullet definition, its levels tied to List Bullet, List Bullet 2 and 3 (as Word ties them).
        reference: NUMBERING_REF.bullet,
        levels: [lists.bulletGlyph, lists.level2Glyph, lists.level3Glyph].map((text, level) => ({
          level,
          format: LevelFormat.BULLET,
          text,
          alignment: AlignmentType.LEFT,
          style: {
            style: [STYLE.listBullet, STYLE.listBullet2, STYLE.listBullet3][level],
            paragraph: { indent: levelIndent(level) },
            run: { font: FONT.serif },
          },
        })),
      },
      {
        reference: NUMBERING_REF.number,
        levels: ([LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const).map((format, level) => ({
          level,
          format,
          text: `%${level + 1}.`,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: levelIndent(level) } },
        })),
      },
    ],
  };

  return {
    // Defaults under every style: the body font, the brief's language (for proofing), no spacing.
    documentDefaults: (lang) => ({
      run: { font: FONT.serif, size: halfPoints(body.size), language: { value: lang } },
      paragraph: { spacing: { before: 0, after: 0, ...exact(body.line) } },
    }),
    // The theme's fonts, so styles an analyst adds start in the house fonts rather than Calibri.
    theme: { name: 'CRS In Focus', fonts: { headings: FONT.sans, body: FONT.serif } },
    numbering,
    paragraphStyles,
    characterStyles,
    defined: new Map([...paragraphStyles.map((s) => [s.id, 'paragraph'] as const), ...characterStyles.map((s) => [s.id, 'character'] as const)]),
  };
}

/** The running header's space above its line: from the header distance down to its line box. */
export function runningHeaderBefore(edition: Edition): number {
  return edition.furniture.runningHeaderTop - pageGeometry(edition).header - RUNNING_HEADER_RAISE;
}

/**
 * Every style the document defines, by id, with its kind. The ids are the same in every edition
 * (STYLE); a renderer checks against its own edition's `houseStyles(edition).defined`.
 */
export const DEFINED_STYLES: ReadonlyMap<string, 'paragraph' | 'character'> = houseStyles(EDITIONS[NEWEST_EDITION]).defined;
