// Limits on what a brief's source may hold, checked by one linear scan of the text BEFORE it is
// parsed. Markdown parsing is super-linear in some shapes (thousands of nested list items, emphasis
// markers or link openers in one paragraph take minutes or overflow the stack in remark-gfm and
// rehype-raw), so input that could make it run away is refused up front, at its line and column,
// naming the limit and the value found. Each limit is far above any real brief: the largest values
// in content/ and tests/fixtures/devset/ are in the comments (and in the README's table).
import { badCharacter } from './decode-text.js';

export const LIMITS = {
  /** brief.md and each figure data file (largest real brief 14.5 kB, data file 17 kB). */
  sourceBytes: 256 * 1024,
  /** Lines of brief.md (largest real: 84). */
  lines: 5_000,
  /** Characters on one line (largest real: 1,759, a paragraph written on one line). */
  lineLength: 20_000,
  /** Block quotes and list items open on one line, counting indentation by 2 columns a level (real: 3). */
  blockNesting: 32,
  /** Raw HTML elements open at once (real: 1). */
  htmlNesting: 64,
  /** Emphasis markers (`*`, `_`) in one paragraph (real: 32). */
  emphasisPerParagraph: 1_000,
  /** Link and reference openers (`[`) in one paragraph (real: 7). */
  bracketsPerParagraph: 1_000,
  /** Link and reference openers (`[`) in the brief (real: 41). */
  brackets: 5_000,
  /** Raw HTML tags in the brief (real: 13). */
  htmlTags: 5_000,
  /** Headings (real: 13). */
  headings: 500,
  /** `::figure` directives (real: 2). */
  figures: 50,
  /** Tables, with or without `:::table` (real: 1). */
  tables: 50,
  /** Table cells in the brief (real: 45). */
  tableCells: 10_000,
} as const;

export type LimitName = keyof typeof LIMITS;

export interface LimitProblem {
  reason: string;
  line: number;
  column: number;
  rule: string;
}

/** What the scan measured: the largest or total value of each limited quantity. */
export type Measures = Record<Exclude<LimitName, 'sourceBytes'>, number>;

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const HTML_TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)([^<>]*)/g;
const CHAR_REF = /&#(?:([0-9]{1,8})|[xX]([0-9A-Fa-f]{1,8}));/g;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FIGURE = /^ {0,3}::figure(?:[[{\s]|$)/;
const TABLE_DIRECTIVE = /^ {0,3}:::+table(?:[[{\s]|$)/;
const DELIMITER_ROW = /^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** Check a brief's text (decoded, without BOM); returns every limit exceeded (each limit once) and the measures. */
export function scanLimits(text: string): { problems: LimitProblem[]; measures: Measures } {
  const problems: LimitProblem[] = [];
  const seen = new Set<string>();
  const over = (limit: LimitName, value: number, line: number, column: number, what: string) => {
    if (seen.has(limit)) return;
    seen.add(limit);
    problems.push({ reason: `${what}: ${value.toLocaleString('en-US')}, over the limit of ${LIMITS[limit].toLocaleString('en-US')}; a brief never needs that many (split or simplify it)`, line, column, rule: `limit-${kebab(limit)}` });
  };
  const m: Measures = { lines: 0, lineLength: 0, blockNesting: 0, htmlNesting: 0, emphasisPerParagraph: 0, bracketsPerParagraph: 0, brackets: 0, htmlTags: 0, headings: 0, figures: 0, tables: 0, tableCells: 0 };

  const lines = text.split(/\r\n|\r|\n/);
  m.lines = lines.length;
  if (lines.length > LIMITS.lines) over('lines', lines.length, LIMITS.lines + 1, 1, 'the brief has too many lines');
  const bodyStart = frontMatterEnd(lines);

  let paragraph = { emphasis: 0, brackets: 0 };
  let htmlDepth = 0;
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const n = i + 1;
    if (line.length > m.lineLength) m.lineLength = line.length;
    if (line.length > LIMITS.lineLength) over('lineLength', line.length, n, LIMITS.lineLength + 1, 'this line is too long (characters)');
    if (i < bodyStart) continue;
    if (line.trim() === '') {
      paragraph = { emphasis: 0, brackets: 0 };
      inTable = false;
      continue;
    }

    const depth = blockDepth(line);
    if (depth > m.blockNesting) m.blockNesting = depth;
    if (depth > LIMITS.blockNesting) over('blockNesting', depth, n, 1, 'block quotes and lists are nested too deeply on this line (levels, counting 2 columns of indentation as one)');

    if (HEADING.test(line) && ++m.headings > LIMITS.headings) over('headings', m.headings, n, 1, 'too many headings');
    if (FIGURE.test(line) && ++m.figures > LIMITS.figures) over('figures', m.figures, n, 1, 'too many figures');
    if (TABLE_DIRECTIVE.test(line) && ++m.tables > LIMITS.tables) over('tables', m.tables, n, 1, 'too many tables');
    // A GFM table is a header row, a delimiter row, then rows until a blank line.
    if (!inTable && line.includes('|') && DELIMITER_ROW.test(line) && line.includes('-')) {
      inTable = true;
      if (!TABLE_DIRECTIVE.test(lines[i - 2] ?? '') && ++m.tables > LIMITS.tables) over('tables', m.tables, n, 1, 'too many tables');
      m.tableCells += cells(lines[i - 1] ?? '');
    } else if (inTable) {
      m.tableCells += cells(line);
    }
    if (m.tableCells > LIMITS.tableCells) over('tableCells', m.tableCells, n, 1, 'too many table cells');

    for (let c = 0; c < line.length; c++) {
      const ch = line.charCodeAt(c);
      if (ch === 0x2a /* * */ || ch === 0x5f /* _ */) {
        if (++paragraph.emphasis > m.emphasisPerParagraph) m.emphasisPerParagraph = paragraph.emphasis;
        if (paragraph.emphasis > LIMITS.emphasisPerParagraph) over('emphasisPerParagraph', paragraph.emphasis, n, c + 1, 'too many emphasis markers (`*`, `_`) in one paragraph');
      } else if (ch === 0x5b /* [ */) {
        if (++paragraph.brackets > m.bracketsPerParagraph) m.bracketsPerParagraph = paragraph.brackets;
        if (paragraph.brackets > LIMITS.bracketsPerParagraph) over('bracketsPerParagraph', paragraph.brackets, n, c + 1, 'too many link openers (`[`) in one paragraph');
        if (++m.brackets > LIMITS.brackets) over('brackets', m.brackets, n, c + 1, 'too many link openers (`[`) in the brief');
      }
    }

    if (line.includes('<')) {
      for (const tag of line.matchAll(HTML_TAG)) {
        const [, closing, name, rest] = tag;
        const selfClosing = /\/\s*$/.test(rest!);
        const column = tag.index + 1;
        if (++m.htmlTags > LIMITS.htmlTags) over('htmlTags', m.htmlTags, n, column, 'too many raw HTML tags');
        if (VOID_ELEMENTS.has(name!.toLowerCase()) || selfClosing) continue;
        if (closing) htmlDepth = Math.max(0, htmlDepth - 1);
        else {
          htmlDepth++;
          if (htmlDepth > m.htmlNesting) m.htmlNesting = htmlDepth;
          if (htmlDepth > LIMITS.htmlNesting) over('htmlNesting', htmlDepth, n, column, 'raw HTML elements are nested too deeply (elements open at once)');
        }
      }
    }
    if (line.includes('&#')) {
      for (const ref of line.matchAll(CHAR_REF)) {
        const code = ref[1] !== undefined ? Number.parseInt(ref[1], 10) : Number.parseInt(ref[2]!, 16);
        const bad = code > 0x10ffff ? 'no character (past U+10FFFF)' : badCharacter(code);
        if (bad) problems.push({ reason: `character reference \`${ref[0]}\` stands for ${bad}: expected a printable character`, line: n, column: ref.index + 1, rule: 'encoding-character-reference' });
      }
    }
  }
  return { problems, measures: m };
}

/** Index of the first body line: after a front matter block that opens on line 1 and is closed. */
function frontMatterEnd(lines: string[]): number {
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return 0;
  for (let i = 1; i < lines.length; i++) if (/^---[ \t]*$/.test(lines[i]!)) return i + 1;
  return 0;
}

/**
 * Block quotes (`>`) and list markers that open on this line, plus its leading and inter-marker
 * whitespace at 2 columns a level (how nested list items continue on their own lines): an upper
 * bound of the line's container depth, found without parsing.
 */
function blockDepth(line: string): number {
  let depth = 0;
  let columns = 0;
  let i = 0;
  for (;;) {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) {
      columns += line[i] === '\t' ? 4 - (columns % 4) : 1;
      i++;
    }
    if (line[i] === '>') {
      depth++;
      i++;
      continue;
    }
    const marker = /^(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(i, i + 11));
    if (marker) {
      depth++;
      i += marker[0].length;
      continue;
    }
    break;
  }
  return depth + Math.floor(columns / 2);
}

function cells(row: string): number {
  const trimmed = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  if (trimmed === '') return 0;
  return trimmed.split(/(?<!\\)\|/).length;
}

function kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
