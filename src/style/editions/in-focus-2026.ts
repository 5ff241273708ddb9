// The In Focus style of today's briefs, measured in the six originals of April 2026 (the dev set,
// tests/fixtures/devset; geometry in docs/in-focus-2026.md): a title band ~60 pt shorter than
// 2020's, headings on the body's 11 pt pitch with a paragraph's gap above, a blank line between
// list items, quotes on an 11.5 pt pitch, a thinner author rule. Baselines quoted are the
// originals' (Word-produced: date 102.06, title 121.02, first body line 144.80; page 2 from 55.9).
import type { Edition } from '../edition.js';

export const inFocus2026: Edition = {
  id: 'in-focus-2026',
  description: 'In Focus, 2026 edition (as the In Focus briefs of April 2026)',
  // Body baselines from 55.9 on page 2 down to 748.2 at most (the fullest columns).
  page: { width: 612, height: 792, side: 57.6, column: 241.2, gap: 14.4, measure: 241, top: 47, bottom: 41.5 },
  fonts: {
    serif: { css: "'Tinos', serif", word: 'Times New Roman' },
    sans: { css: "'Gillius ADF No2', sans-serif", word: 'Gill Sans MT' },
    ui: { css: "'Arimo', sans-serif", word: 'Arial' },
    display: { css: "'Crimson Pro', serif", word: 'Palatino Linotype' },
  },
  colors: { heading: '#336A91', masthead: '#336A8F', footer: '#3C789A', rule: '#00578E', sand: '#C4BC96', text: '#000000' },
  // Date right under the masthead (baseline 102.06), title 18.96 below (lines 20.64 apart), the
  // first body baseline 23.7 below the title's.
  band: { mastheadTop: 14, mastheadHeight: 79.5, dateSize: 10, dateLine: 11, dateBefore: -0.3, titleSize: 18, titleLine: 20.64, titleBefore: 0.45, titleAfter: 10.6 },
  body: { size: 10, line: 11, paragraphGap: 11 },
  headings: {
    // 22.0 baseline to baseline from the text above (a paragraph's gap), 11 to the text below.
    h2: { size: 12.48, line: 11, before: 0, after: 0 },
    h3: { size: 10, line: 11, before: 0, after: 0 },
    h4: { size: 10, line: 11, before: 0, after: 0 },
  },
  lists: { bulletGlyph: '•', level2Glyph: '◦', level3Glyph: '▪', indent: 13.7, numberIndent: 18, itemGap: 11 },
  quote: { indent: 18, wordSpacing: -0.68, line: 11.5, after: 6 },
  figure: { before: 9, captionSize: 9.48, captionLine: 11, captionAfter: 3, sourceSize: 8.52, sourceLine: 10.8, sourceBefore: 2, notesBefore: 2, notesLine: 10.8, frame: 0.5, bandAfter: 11 },
  table: { size: 8.52, line: 10.5, rule: 0.5, noteInset: 18, noteIndent: 18, captionAfter: 3, cellPaddingLeft: 2.8, cellPaddingRight: 1, cellPaddingBlock: 0.53, maxWidth: 576 },
  furniture: {
    runningHeaderTop: 25.2,
    runningHeaderSize: 9,
    runningHeaderLine: 10,
    footerTop: 757,
    footerSize: 9,
    footerLine: 10,
    // Last body baseline to first author 25, rule 0.25 pt, authors 12 apart, code 18 below them.
    authorsBefore: 11,
    authorsRule: 0.25,
    authorsPadding: 2.2,
    authorLine: 12,
    productCodeSize: 8.52,
    productCodeLine: 10,
    productCodeBefore: 7.4,
    spilledCodeTop: 47.2,
    disclaimer: { measure: 496.3, blueRuleTop: 69, blueRule: 0.5, sandRuleTop: 86, sandRule: 2, top: 97, headingSize: 14, headingLine: 17, headingAfter: 5, spillShift: 12 },
  },
};
