// hast phrasing content → docx runs. Whitespace is collapsed as a browser collapses it (Word keeps
// every space), so the DOCX says the same words as the HTML: source line wraps become one space,
// nothing leads or trails a paragraph or a line break.
import type { Element, ElementContent } from 'hast';
import { BookmarkStart, BookmarkEnd, ExternalHyperlink, InternalHyperlink, NoBreakHyphen, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import { styledRun, type DocxContext } from './context.js';
import { hyphenKeepsTogether } from '../shared/word-break-rules.js';
import { STYLE } from './styles.js';

export interface Marks {
  bold?: boolean;
  italics?: boolean;
  superScript?: boolean;
  subScript?: boolean;
  strike?: boolean;
}

type Piece = { kind: 'text'; text: string; marks: Marks; href?: string } | { kind: 'break'; marks: Marks; href?: string };

const MARKS: Record<string, Marks> = {
  strong: { bold: true },
  b: { bold: true },
  em: { italics: true },
  i: { italics: true },
  cite: { italics: true },
  var: { italics: true },
  dfn: { italics: true },
  sup: { superScript: true },
  sub: { subScript: true },
  del: { strike: true },
  s: { strike: true },
};

/** Elements that carry no text of the brief (kept out of the HTML's words too). */
const SILENT = new Set(['input', 'img', 'svg', 'script', 'style', 'template']);

function collect(nodes: readonly ElementContent[], marks: Marks, href: string | undefined, out: Piece[]): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push({ kind: 'text', text: node.value, marks, ...(href ? { href } : {}) });
    else if (node.type === 'element') {
      if (SILENT.has(node.tagName)) continue;
      if (node.tagName === 'br') out.push({ kind: 'break', marks, ...(href ? { href } : {}) });
      else if (node.tagName === 'a' && typeof node.properties.href === 'string') collect(node.children, marks, node.properties.href, out);
      else collect(node.children, { ...marks, ...MARKS[node.tagName] }, href, out);
    }
  }
}

/** Collapse runs of whitespace to one space; none at the start, the end, or around a line break. */
function collapse(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let atLineStart = true;
  for (const piece of pieces) {
    if (piece.kind === 'break') {
      const last = out[out.length - 1];
      if (last?.kind === 'text') last.text = last.text.replace(/ $/, '');
      out.push(piece);
      atLineStart = true;
      continue;
    }
    let text = piece.text.replace(/[ \t\n\r\f]+/g, ' ');
    if (atLineStart) text = text.replace(/^ /, '');
    const last = out[out.length - 1];
    if (text.startsWith(' ') && last?.kind === 'text' && last.text.endsWith(' ')) text = text.slice(1);
    if (!text) continue;
    out.push({ ...piece, text });
    atLineStart = false;
  }
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text = last.text.replace(/ $/, '');
  return out.filter((p) => p.kind === 'break' || p.text);
}

/** Word bookmark names: letters, digits and underscores, starting with a letter, at most 40. */
export function bookmarkName(id: string): string {
  const name = id.replace(/[^A-Za-z0-9_]/g, '_');
  return (/^[A-Za-z]/.test(name) ? name : `b_${name}`).slice(0, 40);
}

/** A bookmark around a heading or figure caption, so that `[see](#id)` links have a target. */
export function bookmark(ctx: DocxContext, id: unknown, children: ParagraphChild[]): ParagraphChild[] {
  if (typeof id !== 'string' || !id) return children;
  const n = ctx.nextBookmarkId++;
  // BookmarkStart/End with our own numbers: docx's Bookmark draws them from a process-wide counter.
  return [new BookmarkStart(bookmarkName(id), n) as unknown as ParagraphChild, ...children, new BookmarkEnd(n) as unknown as ParagraphChild];
}

/**
 * A text's run, with a non-breaking hyphen where Word keeps the words together (`30-mm`), for
 * readers other than Word. (Justified quotes are tightened by their style: styles.ts.)
 */
function textRun(ctx: DocxContext, text: string, options: IRunOptions, where: string): TextRun {
  const pieces: string[] = [];
  let from = 0;
  for (let k = 1; k < text.length; k++) {
    // Only a hyphen-minus becomes Word's non-breaking hyphen (U+2010 already is a hyphen of its own).
    if (text[k - 1] !== '-' || !hyphenKeepsTogether(text, k)) continue;
    pieces.push(text.slice(from, k - 1));
    from = k;
  }
  if (pieces.length === 0) return styledRun(ctx, { ...options, text }, where);
  pieces.push(text.slice(from));
  return styledRun(ctx, { ...options, children: pieces.flatMap((t, i) => (i === 0 ? [t] : [new NoBreakHyphen(), t])) }, where);
}

/** The runs of some phrasing content, marks applied, links as Word hyperlinks. */
export function inlineRuns(ctx: DocxContext, nodes: readonly ElementContent[], where: string, base: Marks = {}): ParagraphChild[] {
  const pieces: Piece[] = [];
  collect(nodes, base, undefined, pieces);
  const runs: ParagraphChild[] = [];
  let i = 0;
  const pieceRun = (p: Piece, style?: string): TextRun =>
    p.kind === 'break' ? styledRun(ctx, { break: 1, ...p.marks, ...(style ? { style } : {}) }, where) : textRun(ctx, p.text, { ...p.marks, ...(style ? { style } : {}) }, where);
  const list = collapse(pieces);
  while (i < list.length) {
    const href = list[i]!.href;
    if (!href) {
      runs.push(pieceRun(list[i]!));
      i++;
      continue;
    }
    const group: TextRun[] = [];
    while (i < list.length && list[i]!.href === href) group.push(pieceRun(list[i++]!, STYLE.hyperlink));
    runs.push(href.startsWith('#') ? new InternalHyperlink({ anchor: bookmarkName(href.slice(1)), children: group }) : new ExternalHyperlink({ link: href, children: group }));
  }
  return runs;
}

/** Whether some phrasing content holds any text once collapsed. */
export function hasText(nodes: readonly ElementContent[]): boolean {
  const pieces: Piece[] = [];
  collect(nodes, {}, undefined, pieces);
  return collapse(pieces).some((p) => p.kind === 'text');
}

export const isElement = (node: ElementContent, ...names: string[]): node is Element => node.type === 'element' && (names.length === 0 || names.includes(node.tagName));
