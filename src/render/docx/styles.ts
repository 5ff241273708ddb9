// The In Focus house style as named Word styles (../shared/house-style/in-focus.md), so that an
// analyst can restyle the brief and navigate it by its headings. Every paragraph and run the
// renderer writes names one of these; nothing in the body carries fonts or sizes of its own.
//
// Spacing: Word adds one paragraph's space after to the next one's space before (CSS collapses
// them), so the 11 pt blank line between blocks is each block's space *after*, and headings have
// none before. What CSS gets from collapsing, the renderer sets on the one paragraph concerned:
// the last item of a list ends with 11 pt, a heading straight after a heading starts 11 pt down.
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
import { eighths, halfPoints, twips } from './units.js';

/** Font names as the house style gives them; fonts.ts embeds open look-alikes under these names. */
export const FONT = {
  serif: 'Times New Roman',
  ui: 'Arial',
  sans: 'Gill Sans MT',
  display: 'Palatino Linotype',
} as const;

export const COLOR = {
  blue: '336A91',
  footer: '3C789A',
  rule: '00578E',
  sand: 'C4BC96',
} as const;

/** Style ids, as the document's XML refers to them. */
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

/** Bullet text hangs 13.7 pt in (house style: the fit of the original's bullet lines). */
export const LIST_INDENT = 13.7;
/** Block quotes: indented 18 pt on both sides (house style, IF11755 and IF13205). */
export const QUOTE_INDENT = 18;
/** Table notes: the label at 18 pt, the text hanging at 36 pt (IF12255). */
export const NOTE_INDENT = 18;
/** Between bullet items ("some 6 pt"), against 11 pt between paragraphs. */
export const ITEM_GAP = 6;
export const PARA_GAP = 11;

const exact = (pt: number) => ({ line: twips(pt), lineRule: LineRuleType.EXACT });
const serifRun = { font: FONT.serif, size: halfPoints(10) };

/** Defaults under every style: the body font, the brief's language (for proofing), no spacing. */
export function documentDefaults(lang: string): IDocumentDefaultsOptions {
  return {
    run: { font: FONT.serif, size: halfPoints(10), language: { value: lang } },
    paragraph: { spacing: { before: 0, after: 0, ...exact(11) } },
  };
}

/** The theme's fonts, so styles an analyst adds start in the house fonts rather than Calibri. */
export const theme: IThemeOptions = { name: 'CRS In Focus', fonts: { headings: FONT.sans, body: FONT.serif } };

const levelIndent = (level: number) => ({ left: twips(LIST_INDENT * (level + 1)), hanging: twips(LIST_INDENT) });

/** One bullet definition, its levels tied to List Bullet, List Bullet 2 and 3 (as Word ties them). */
export const numbering: INumberingOptions = {
  config: [
    {
      reference: NUMBERING_REF.bullet,
      levels: (['•', '◦', '▪'] as const).map((text, level) => ({
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

const bulletStyle = (id: string, name: string, level: number): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: STYLE.normal,
  quickFormat: level === 0,
  paragraph: {
    spacing: { after: twips(ITEM_GAP) },
    indent: levelIndent(level),
    numbering: { reference: NUMBERING_REF.bullet, level },
  },
});

export const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: STYLE.normal,
    name: 'Normal',
    quickFormat: true,
    // Times New Roman 10 pt on an exact 11 pt pitch, one blank line (11 pt) after.
    run: serifRun,
    paragraph: { spacing: { before: 0, after: twips(PARA_GAP), ...exact(11) } },
  },
  {
    id: STYLE.date,
    name: 'Date',
    basedOn: STYLE.normal,
    next: STYLE.title,
    quickFormat: true,
    paragraph: { alignment: AlignmentType.RIGHT, keepNext: true, spacing: { before: twips(22), after: 0 } },
  },
  {
    id: STYLE.title,
    name: 'Title',
    basedOn: STYLE.normal,
    next: STYLE.heading1,
    quickFormat: true,
    run: { font: FONT.serif, size: halfPoints(18), bold: true },
    paragraph: { keepNext: true, spacing: { before: twips(10), after: twips(37), ...exact(21) } },
  },
  {
    id: STYLE.heading1,
    name: 'Heading 1',
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    run: { font: FONT.sans, size: halfPoints(12.5), bold: true, color: COLOR.blue },
    paragraph: { keepNext: true, keepLines: true, outlineLevel: 0, spacing: { before: 0, after: 0, ...exact(15) } },
  },
  {
    id: STYLE.heading2,
    name: 'Heading 2',
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    run: { font: FONT.sans, size: halfPoints(10), bold: true, color: COLOR.blue },
    paragraph: { keepNext: true, keepLines: true, outlineLevel: 1, spacing: { before: 0, after: 0, ...exact(12) } },
  },
  {
    id: STYLE.heading3,
    name: 'Heading 3',
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    run: { font: FONT.serif, size: halfPoints(10), italics: true },
    paragraph: { keepNext: true, keepLines: true, outlineLevel: 2, spacing: { before: 0, after: 0, ...exact(11) } },
  },
  bulletStyle(STYLE.listBullet, 'List Bullet', 0),
  bulletStyle(STYLE.listBullet2, 'List Bullet 2', 1),
  bulletStyle(STYLE.listBullet3, 'List Bullet 3', 2),
  {
    // Numbered items take their number from the list they are in (each list counts from 1).
    id: STYLE.listNumber,
    name: 'List Number',
    basedOn: STYLE.normal,
    paragraph: { spacing: { after: twips(ITEM_GAP) }, indent: levelIndent(0) },
  },
  {
    // A list item's second and later paragraphs: under the item's text, no bullet.
    id: STYLE.listContinue,
    name: 'List Continue',
    basedOn: STYLE.normal,
    paragraph: { spacing: { after: twips(ITEM_GAP) }, indent: { left: twips(LIST_INDENT) } },
  },
  {
    id: STYLE.figureCaption,
    name: 'Figure Caption',
    basedOn: STYLE.normal,
    next: STYLE.figure,
    quickFormat: true,
    run: { font: FONT.sans, size: halfPoints(9.5), bold: true },
    paragraph: { keepNext: true, keepLines: true, spacing: { before: 0, after: twips(4), ...exact(11) } },
  },
  {
    // The plain line between a figure's caption and its picture (IF12255, IF13205).
    id: STYLE.figureSubtitle,
    name: 'Figure Subtitle',
    basedOn: STYLE.normal,
    next: STYLE.figure,
    run: { font: FONT.sans, size: halfPoints(9.5) },
    paragraph: { keepNext: true, keepLines: true, spacing: { before: 0, after: twips(4), ...exact(11) } },
  },
  {
    // "Table N. …" above a table: Gill Sans bold, centred over the table (IF12255).
    id: STYLE.tableCaption,
    name: 'Table Caption',
    basedOn: STYLE.normal,
    next: STYLE.tableHeading,
    quickFormat: true,
    run: { font: FONT.sans, size: halfPoints(9.5), bold: true },
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, spacing: { before: 0, after: twips(3), ...exact(11) } },
  },
  {
    // A table's note: its label ("a.") at 18 pt, the text hanging at 36 pt after a tab.
    id: STYLE.tableNote,
    name: 'Table Note',
    basedOn: STYLE.normal,
    run: { font: FONT.sans, size: halfPoints(8.5) },
    paragraph: { indent: { left: twips(2 * NOTE_INDENT), hanging: twips(NOTE_INDENT) }, spacing: { before: 0, after: 0, ...exact(10.5) } },
  },
  {
    // The picture's own paragraph: automatic line height, or the exact 11 pt would crop it.
    id: STYLE.figure,
    name: 'Figure',
    basedOn: STYLE.normal,
    next: STYLE.sourceNote,
    // A picture narrower than its column is centred, as the originals set it (IF13200, IF11755).
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 0, after: twips(3), line: 240, lineRule: LineRuleType.AUTO } },
  },
  {
    id: STYLE.sourceNote,
    name: 'Source Note',
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    run: { font: FONT.sans, size: halfPoints(8.5) },
    paragraph: { spacing: { before: 0, after: twips(PARA_GAP), ...exact(10) } },
  },
  {
    // Table cells: Gill Sans 8.5 pt on 10.5 pt (IF12255).
    id: STYLE.tableText,
    name: 'Table Text',
    basedOn: STYLE.normal,
    run: { font: FONT.sans, size: halfPoints(8.5) },
    paragraph: { spacing: { before: twips(1), after: twips(1), ...exact(10.5) } },
  },
  {
    // The header row: bold and centred.
    id: STYLE.tableHeading,
    name: 'Table Heading',
    basedOn: STYLE.tableText,
    run: { font: FONT.sans, size: halfPoints(8.5), bold: true },
    paragraph: { alignment: AlignmentType.CENTER },
  },
  {
    // Indented 18 pt on both sides and justified, on a slightly looser pitch (house style).
    id: STYLE.blockQuote,
    name: 'Quote',
    basedOn: STYLE.normal,
    paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { left: twips(QUOTE_INDENT), right: twips(QUOTE_INDENT) }, spacing: { before: 0, after: twips(6), ...exact(11.5) } },
  },
  {
    // Author lines under a rule across the column. Consecutive paragraphs with the same border
    // are one bordered group in Word and LibreOffice, so the rule is drawn above the first only.
    id: STYLE.author,
    name: 'Author',
    basedOn: STYLE.normal,
    next: STYLE.author,
    quickFormat: true,
    paragraph: {
      keepNext: true,
      keepLines: true,
      spacing: { before: 0, after: 0 },
      border: { top: { style: BorderStyle.SINGLE, size: eighths(0.75), color: COLOR.blue, space: 4 } },
    },
  },
  {
    id: STYLE.productCode,
    name: 'Product Code',
    basedOn: STYLE.normal,
    quickFormat: true,
    run: { font: FONT.sans, size: halfPoints(8.5), bold: true },
    paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: twips(9), after: 0, ...exact(10) } },
  },
  {
    // The disclaimer page's 2 pt sand rule is this heading's top border.
    id: STYLE.disclaimerHeading,
    name: 'Disclaimer Heading',
    basedOn: STYLE.normal,
    next: STYLE.disclaimer,
    quickFormat: true,
    run: { font: FONT.display, size: halfPoints(14), bold: true },
    paragraph: {
      keepNext: true,
      spacing: { before: 0, after: twips(5), ...exact(17) },
      border: { top: { style: BorderStyle.SINGLE, size: eighths(2), color: COLOR.sand, space: 9 } },
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
    // The running header: the title, right-aligned, its text about 24 pt down the page.
    id: STYLE.header,
    name: 'Header',
    basedOn: STYLE.normal,
    run: { font: FONT.ui, size: halfPoints(9), color: COLOR.blue },
    paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: twips(10), after: 0, ...exact(10) } },
  },
  {
    id: STYLE.footer,
    name: 'Footer',
    basedOn: STYLE.normal,
    run: { font: FONT.ui, size: halfPoints(9), color: COLOR.footer },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, ...exact(10) } },
  },
];

export const characterStyles: ICharacterStyleOptions[] = [
  // The originals print links as plain text (no colour, no underline: IF11755, IF12255); they are
  // live all the same. Defined, so that Word's own blue underlined Hyperlink style does not apply.
  { id: STYLE.hyperlink, name: 'Hyperlink', run: {} },
  // docx's (empty) footnote and endnote parts refer to these two.
  { id: STYLE.footnoteReference, name: 'Footnote Reference', run: { superScript: true } },
  { id: STYLE.endnoteReference, name: 'Endnote Reference', run: { superScript: true } },
];

/** Every style the document defines, by id, with its kind: what style references are checked against. */
export const DEFINED_STYLES: ReadonlyMap<string, 'paragraph' | 'character'> = new Map([
  ...paragraphStyles.map((s) => [s.id, 'paragraph'] as const),
  ...characterStyles.map((s) => [s.id, 'character'] as const),
]);
