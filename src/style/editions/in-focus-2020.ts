// The In Focus style as IF11415 (January 2020) was set. The spacings were fit to that original:
// with them every one of its 179 lines lands in the original's page and column. Page 1's columns
// start lower than in 2026 (a taller title band), as the original's 45-line first column requires.
import type { Edition } from '../edition.js';

export const inFocus2020: Edition = {
  id: 'in-focus-2020',
  description: 'In Focus, 2020 edition (as IF11415, January 22, 2020)',
  page: { width: 612, height: 792, side: 57.6, column: 241.2, gap: 14.4, measure: 241, top: 48, bottom: 45 },
  fonts: {
    serif: { css: "'Tinos', serif", word: 'Times New Roman' },
    sans: { css: "'Gillius ADF No2', sans-serif", word: 'Gill Sans MT' },
    ui: { css: "'Arimo', sans-serif", word: 'Arial' },
    display: { css: "'Crimson Pro', serif", word: 'Palatino Linotype' },
  },
  colors: { heading: '#336A91', masthead: '#336A8F', footer: '#3C789A', rule: '#00578E', sand: '#C4BC96', text: '#000000' },
  band: { mastheadTop: 14, mastheadHeight: 79.5, dateSize: 10, dateLine: 11, dateBefore: 22, titleSize: 18, titleLine: 21, titleBefore: 10, titleAfter: 37 },
  body: { size: 10, line: 11, paragraphGap: 11 },
  headings: {
    h2: { size: 12.5, line: 15, before: 11, after: 0 },
    h3: { size: 10, line: 12, before: 11, after: 0 },
    h4: { size: 10, line: 11, before: 11, after: 0 },
  },
  lists: { bulletGlyph: '•', level2Glyph: '◦', level3Glyph: '▪', indent: 13.7, numberIndent: 18, itemGap: 6 },
  quote: { indent: 18, wordSpacing: -0.68, line: 11.5, after: 6 },
  figure: { before: 0, captionSize: 9.5, captionLine: 11, captionAfter: 4, sourceSize: 8.5, sourceLine: 10, sourceBefore: 3, notesBefore: 2, notesLine: 10.5, frame: 0.5, bandAfter: 11 },
  table: { size: 8.5, line: 10.5, rule: 0.5, noteInset: 18, noteIndent: 18, captionAfter: 3, cellPaddingLeft: 3, cellPaddingRight: 3, cellPaddingBlock: 1.5, maxWidth: 576 },
  furniture: {
    runningHeaderTop: 26,
    runningHeaderSize: 9,
    runningHeaderLine: 10,
    footerTop: 758,
    footerSize: 9,
    footerLine: 10,
    authorsBefore: 11,
    authorsRule: 0.75,
    authorsPadding: 4,
    authorLine: 11,
    productCodeSize: 8.5,
    productCodeLine: 10,
    productCodeBefore: 9,
    spilledCodeTop: 47.2,
    disclaimer: { measure: 496.3, blueRuleTop: 69, blueRule: 0.5, sandRuleTop: 86, sandRule: 2, top: 97, headingSize: 14, headingLine: 17, headingAfter: 5, spillShift: 12 },
  },
};
