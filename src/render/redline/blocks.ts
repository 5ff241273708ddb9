// A brief as a flat list of labelled blocks (metadata, headings, paragraphs, quotes, list items,
// figure and table captions, subtitles, source and notes lines, table cells, figure data), the
// unit in which two versions are compared. Shared by the HTML redline and the tracked-changes DOCX.
//
// A block's text is what a reader sees, with two things a reader also sees but plain text loses,
// kept in it between private-use marks so that a change to them is a change of the block:
// superscripts (SUP_OPEN…SUP_CLOSE around "th" in 119th) and link targets (HREF_OPEN url HREF_CLOSE
// right after the link's text). `segments()` splits such a text again for display.
import type { Element, ElementContent, Root } from 'hast';
import { eventDate, KIND_NAMES } from '../../model/figures/timeline.js';
import type { BriefDocument } from '../../model/types.js';
import { hasClass, tableRows } from '../../model/hast-utils.js';
import { CLASS, PROP } from '../../model/vocabulary.js';

export type BlockKind = 'metadata' | 'heading' | 'paragraph' | 'quote' | 'item' | 'caption' | 'source' | 'cell' | 'figure-data';

export interface CellPlace {
  /** The <tr> and <table> of the version the block was read from. */
  tr: Element;
  table: Element;
  /** Row index in the table (0 = the first row, usually the header) and column index. */
  row: number;
  column: number;
  header: boolean;
}

export interface Block {
  kind: BlockKind;
  /** What the block is, for people: "Title", "Heading", "Paragraph", "Table 1, row 2, Funding"… */
  label: string;
  /**
   * What a block is matched by between versions when its label says more than that: a table cell
   * by its table and column ("Table 1, column 3"), not its row number, so that a row inserted
   * above does not make every later cell a different block. Default: the label.
   */
  slot?: string;
  /** Heading level for headings (2–4), else 0. */
  level: number;
  text: string;
  /** The element the block was read from (body blocks), so a renderer can find it again. */
  node?: Element;
  /** Table cells: where the cell is. */
  cell?: CellPlace;
}

export const SUP_OPEN = '\uE000';
export const SUP_CLOSE = '\uE001';
export const HREF_OPEN = '\uE002';
export const HREF_CLOSE = '\uE003';
const MARKS = /[\uE000-\uE003]/;

export interface Segment {
  text: string;
  sup: boolean;
  /** Part of a link target (not printed text). */
  href: boolean;
}

/** The state carried from one piece of a block's text to the next (a change may cut a superscript). */
export interface SegmentState {
  sup: boolean;
  href: boolean;
}

/** A block's text (or a piece of it) as runs of plain text, superscript, and link targets. */
export function segments(text: string, state: SegmentState = { sup: false, href: false }): Segment[] {
  const out: Segment[] = [];
  let current = '';
  const push = () => {
    if (current) out.push({ text: current, sup: state.sup, href: state.href });
    current = '';
  };
  for (const ch of text) {
    if (!MARKS.test(ch)) {
      current += ch;
      continue;
    }
    push();
    if (ch === SUP_OPEN) state.sup = true;
    else if (ch === SUP_CLOSE) state.sup = false;
    else if (ch === HREF_OPEN) state.href = true;
    else state.href = false;
  }
  push();
  return out;
}

/** The text as printed: no link targets, superscripts as plain characters. */
export function printedText(text: string): string {
  return segments(text).filter((s) => !s.href).map((s) => s.text).join('');
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Elements whose content is not the brief's text (graphics, the HTML's data table). */
const SILENT = new Set(['img', 'svg', 'script', 'style', 'template', 'input']);
const BLOCK_LEVEL = new Set(['p', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'figure', 'figcaption', 'blockquote', 'pre', 'div', 'section', 'h2', 'h3', 'h4', 'h5', 'h6', 'details', 'summary']);

/** Text with superscripts and link targets marked (see the top of the file). */
function textOf(nodes: readonly ElementContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type !== 'element' || SILENT.has(node.tagName)) continue;
    else if (node.tagName === 'br') out += ' ';
    else if (node.tagName === 'sup') out += SUP_OPEN + textOf(node.children) + SUP_CLOSE;
    else if (node.tagName === 'a' && typeof node.properties.href === 'string') out += textOf(node.children) + HREF_OPEN + node.properties.href + HREF_CLOSE;
    else if (BLOCK_LEVEL.has(node.tagName)) out += ` ${textOf(node.children)} `;
    else out += textOf(node.children);
  }
  return out;
}

const blockText = (nodes: readonly ElementContent[]) => norm(textOf(nodes));

interface Context {
  inItem: boolean;
  inQuote: boolean;
  /** "Figure 2" / "Table 1" inside a numbered figure or table. */
  numbered?: { what: 'Figure' | 'Table'; name: string };
}

const isBlock = (c: ElementContent) => c.type === 'element' && BLOCK_LEVEL.has(c.tagName);

function fromBody(nodes: readonly ElementContent[], out: Block[], ctx: Context): void {
  const push = (node: Element, kind: BlockKind, label: string, level = 0, text = blockText(node.children)) => {
    if (text) out.push({ kind, label, level, text, node });
  };
  const what = ctx.numbered?.what ?? 'Figure';
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const t = node.tagName;
    if (/^h[2-6]$/.test(t)) push(node, 'heading', 'Heading', Number(t[1]));
    else if (t === 'figure' && (hasClass(node, CLASS.tableFigure) || hasClass(node, CLASS.figure))) {
      const table = hasClass(node, CLASS.tableFigure);
      const number = node.properties[table ? PROP.table : PROP.figure];
      const name = `${table ? 'Table' : 'Figure'}${number === undefined ? '' : ` ${String(number)}`}`;
      fromBody(node.children, out, { ...ctx, numbered: { what: table ? 'Table' : 'Figure', name } });
    }
    // A list item's own text is one block (read from the <li>), its paragraphs and nested lists more.
    else if (t === 'li' && node.children.some(isBlock)) {
      const inline = node.children.filter((c) => !isBlock(c));
      push(node, 'item', 'List item', 0, blockText(inline));
      fromBody(node.children.filter(isBlock), out, { ...ctx, inItem: true });
    } else if (t === 'li') push(node, 'item', 'List item');
    else if (t === 'figcaption') push(node, 'caption', `${what} caption`);
    else if (t === 'p' && hasClass(node, CLASS.subtitle)) push(node, 'caption', 'Figure subtitle');
    else if (t === 'p' && hasClass(node, CLASS.source)) push(node, 'source', `${what} source`);
    else if (t === 'p' && hasClass(node, CLASS.notes)) push(node, 'source', `${what} notes`);
    else if (t === 'p' && hasClass(node, CLASS.tableNote)) push(node, 'source', 'Table note');
    else if (t === 'table') cells(node, out, ctx.numbered?.what === 'Table' ? ctx.numbered.name : 'Table');
    else if (t === 'blockquote') fromBody(node.children, out, { ...ctx, inQuote: true });
    else if (t === 'p') push(node, ctx.inItem ? 'item' : ctx.inQuote ? 'quote' : 'paragraph', ctx.inItem ? 'List item' : ctx.inQuote ? 'Quote' : 'Paragraph');
    else if (t === 'div' && hasClass(node, CLASS.art)) continue;
    else if (t === 'details' && hasClass(node, CLASS.figureData)) continue;
    else fromBody(node.children, out, ctx);
  }
}

/** One block per table cell, labelled by table, row and column heading ("Table 1, row 2, Funding"). */
function cells(table: Element, out: Block[], name: string): void {
  const rows = tableRows(table);
  const headings = rows.find((r) => r.header)?.cells;
  const columnName = (c: number) => (headings ? printedText(blockText(headings[c]?.children ?? [])) : '') || `column ${c + 1}`;
  let body = 0;
  rows.forEach((row, r) => {
    if (!row.header) body++;
    row.cells.forEach((cell, c) => {
      out.push({
        kind: 'cell',
        label: row.header ? `${name}, heading of column ${c + 1}` : `${name}, row ${body}, ${columnName(c)}`,
        slot: `${name}, ${row.header ? 'heading of ' : ''}column ${c + 1}`,
        level: 0,
        text: blockText(cell.children),
        node: cell,
        cell: { tr: row.tr, table, row: r, column: c, header: row.header },
      });
    });
  });
}

export function briefBlocks(doc: BriefDocument): Block[] {
  const m = doc.meta;
  const blocks: Block[] = [
    { kind: 'metadata', label: 'Title', level: 0, text: m.title },
    { kind: 'metadata', label: 'Date', level: 0, text: `${m.status === 'updated' ? 'Updated ' : ''}${doc.displayDate}` },
    { kind: 'metadata', label: 'Version', level: 0, text: `${m.product} · VERSION ${m.version} · ${m.status.toUpperCase()}` },
    ...m.authors.map((a): Block => ({ kind: 'metadata', label: 'Author', level: 0, text: `${a.name}, ${a.title}` })),
  ];
  fromBody((doc.body as Root).children as ElementContent[], blocks, { inItem: false, inQuote: false });
  for (const f of doc.figures) {
    if (f.kind !== 'data') continue;
    for (const e of f.data.events) {
      blocks.push({ kind: 'figure-data', label: `Figure ${f.number} data`, level: 0, text: `${eventDate(e)}: ${e.label} (${KIND_NAMES[e.kind]}${e.with ? `, ${e.with}` : ''})` });
    }
  }
  return blocks;
}
