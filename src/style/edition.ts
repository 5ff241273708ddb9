// The In Focus house style as data, one definition per edition: page and column geometry, type
// sizes and pitches, spacing, list markers, colours, fonts and the furniture (masthead band,
// running header, footer, author block, product code, disclaimer page). The PDF's stylesheet
// reads it as CSS custom properties (css-properties.ts) and the DOCX's Word styles are built from
// it (render/docx/styles.ts), so every number is written once, here. All lengths in points.

export const EDITION_IDS = ['in-focus-2020', 'in-focus-2026'] as const;
export type EditionId = (typeof EDITION_IDS)[number];
/** What a brief gets when it names no edition: today's. */
export const NEWEST_EDITION: EditionId = 'in-focus-2026';

export interface Edition {
  id: EditionId;
  /** For people: "In Focus, 2026 edition (…)". */
  description: string;
  page: {
    width: number;
    height: number;
    /** Left and right margins. */
    side: number;
    column: number;
    gap: number;
    /** The text measure in a column (Chromium's Tinos set a hair narrower than Word's column). */
    measure: number;
    /** Body top on pages after the first. */
    top: number;
    /** Distance of the body's bottom from the page's bottom. */
    bottom: number;
  };
  fonts: {
    /** CSS font stacks (the shipped faces) and the Word font names they stand in for. */
    serif: { css: string; word: string };
    sans: { css: string; word: string };
    ui: { css: string; word: string };
    display: { css: string; word: string };
  };
  colors: { heading: string; masthead: string; footer: string; rule: string; sand: string; text: string };
  /** Page 1: masthead, date line, title. */
  band: {
    mastheadTop: number;
    mastheadHeight: number;
    dateSize: number;
    dateLine: number;
    dateBefore: number;
    titleSize: number;
    titleLine: number;
    titleBefore: number;
    /** Below the title's last line to the top of the first body line box. */
    titleAfter: number;
  };
  body: { size: number; line: number; paragraphGap: number };
  headings: {
    // `before`: at least this much between the text above and the heading (the paragraph gap
    // when that is larger); `after`: between the heading and the text below it.
    h2: { size: number; line: number; before: number; after: number };
    h3: { size: number; line: number; before: number; after: number };
    h4: { size: number; line: number; before: number; after: number };
  };
  lists: {
    bulletGlyph: string;
    /** The bullets of a list nested in a list item, and of one nested in that. */
    level2Glyph: string;
    level3Glyph: string;
    /** Text hangs this far in from the bullet. */
    indent: number;
    numberIndent: number;
    itemGap: number;
    /** The line pitch inside list items where it is not the body's (IF12255: 11.52 on a 10.5 body). */
    line?: number;
  };
  quote: {
    indent: number;
    /**
     * Word's justification lets spaces shrink (to 75% in the originals) to keep a word on the line;
     * Chromium's only stretches. A negative word spacing breaks the lines as Word does (-0.65 to
     * -0.70 pt reproduces every quote line of the dev set), then justification stretches them back.
     */
    wordSpacing: number;
    /** A quote's line pitch, and the space under each of its paragraphs (less than a paragraph's). */
    line: number;
    after: number;
  };
  figure: {
    /**
     * At least this much above a figure's or table's caption, from the text above (the paragraph
     * gap when that is larger): IF12255 has its captions 19.4-19.8 pt below the text on a 10.5 pt
     * pitch with 3 pt between paragraphs.
     */
    before: number;
    captionSize: number;
    captionLine: number;
    captionAfter: number;
    sourceSize: number;
    sourceLine: number;
    sourceBefore: number;
    /** Between the Source line and the Notes line under it. */
    notesBefore: number;
    notesLine: number;
    frame: number;
    /** Below a figure set across the top of a page. */
    bandAfter: number;
  };
  table: {
    size: number;
    line: number;
    rule: number;
    /** A note's label sits this far in from the text's left edge (IF12255: 18 pt)... */
    noteInset: number;
    /** ...and its text hangs this far in from the label. */
    noteIndent: number;
    /** Below a table's caption ("Table 1. …"), above its top rule. */
    captionAfter: number;
    /** A cell's padding left and right: text starts `cellPaddingLeft` into its column and may run to `cellPaddingRight` from its end. */
    cellPaddingLeft: number;
    cellPaddingRight: number;
    /** A cell's padding above and below (a row's text is this much from the next row's, twice). */
    cellPaddingBlock: number;
    /**
     * The widest a table with set column widths (`widths=`) may be: a table across both columns
     * may reach past the text margins, centred, as Word lets it (IF12255's is 560.7 pt).
     */
    maxWidth: number;
  };
  furniture: {
    runningHeaderTop: number;
    runningHeaderSize: number;
    runningHeaderLine: number;
    footerTop: number;
    footerSize: number;
    footerLine: number;
    authorsBefore: number;
    authorsRule: number;
    authorsPadding: number;
    authorLine: number;
    productCodeSize: number;
    productCodeLine: number;
    productCodeBefore: number;
    /** A product code that found no room on the last page of text opens the disclaimer page, under a rule this far down. */
    spilledCodeTop: number;
    disclaimer: {
      measure: number;
      blueRuleTop: number;
      blueRule: number;
      sandRuleTop: number;
      sandRule: number;
      top: number;
      headingSize: number;
      headingLine: number;
      headingAfter: number;
      /** How much lower the disclaimer sits under a spilled product code. */
      spillShift: number;
    };
  };
}

/** The few spacing knobs authors vary per brief in Word (front matter `layout:`). */
export interface LayoutOverrides {
  paragraphSpacing?: number;
  itemSpacing?: number;
  linePitch?: number;
  headingBefore?: number;
  headingAfter?: number;
  listLinePitch?: number;
}

/** An edition with a brief's own `layout:` applied. */
export function withLayout(edition: Edition, layout: LayoutOverrides | undefined): Edition {
  if (!layout) return edition;
  return {
    ...edition,
    body: {
      ...edition.body,
      ...(layout.linePitch !== undefined ? { line: layout.linePitch } : {}),
      ...(layout.paragraphSpacing !== undefined ? { paragraphGap: layout.paragraphSpacing } : {}),
    },
    lists: {
      ...edition.lists,
      ...(layout.itemSpacing !== undefined ? { itemGap: layout.itemSpacing } : {}),
      ...(layout.listLinePitch !== undefined ? { line: layout.listLinePitch } : {}),
    },
    headings: {
      h2: heading(edition.headings.h2),
      h3: heading(edition.headings.h3),
      h4: heading(edition.headings.h4),
    },
  };
  function heading(h: Edition['headings']['h2']): Edition['headings']['h2'] {
    return { ...h, ...(layout?.headingBefore !== undefined ? { before: layout.headingBefore } : {}), ...(layout?.headingAfter !== undefined ? { after: layout.headingAfter } : {}) };
  }
}
