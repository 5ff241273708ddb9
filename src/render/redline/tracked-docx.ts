// Version B as a Word document carrying the changes from version A as tracked changes: the same
// renderer as the brief's DOCX (src/render/docx), given a Revision that marks, block by block, the
// words inserted (w:ins) and deleted (w:del), whole blocks that came or went, their paragraph marks
// too, so that a reader can accept or reject each change in Word or LibreOffice.
// Inside a changed block the runs are the compared words (superscripts kept), without the block's
// bold, italics or links; unchanged and whole inserted blocks keep them. Table cells carry their
// edits inside the cell (w:tc); rows that came or went are inserted or deleted rows (w:trPr). The
// date line and the title carry theirs in the title band. Other metadata (version, authors) and a
// change of only a link's target are shown as they are now; the HTML redline lists those.
import type { Element } from 'hast';
import { DeletedTextRun, InsertedTextRun, TextRun, type ParagraphChild } from 'docx';
import type { BriefDocument } from '../../model/types.js';
import type { ChangeMark, DeletedParagraph, DeletedRow, Revision, RevisedBlock } from '../docx/context.js';
import { renderDocx } from '../docx/render-docx.js';
import { STYLE } from '../docx/styles.js';
import { segments, type Block } from './blocks.js';
import type { BlockChange, Piece } from './compare.js';

function styleOf(b: Block): string {
  if (b.kind === 'heading') return b.level <= 2 ? STYLE.heading1 : b.level === 3 ? STYLE.heading2 : STYLE.heading3;
  if (b.kind === 'item') return STYLE.listBullet;
  if (b.kind === 'quote') return STYLE.blockQuote;
  if (b.kind === 'caption') return b.label === 'Figure subtitle' ? STYLE.figureSubtitle : b.label.startsWith('Table') ? STYLE.tableCaption : STYLE.figureCaption;
  if (b.kind === 'source') return b.label === 'Table note' ? STYLE.tableNote : STYLE.sourceNote;
  if (b.kind === 'cell') return b.cell?.header ? STYLE.tableHeading : STYLE.tableText;
  return STYLE.normal;
}

export async function renderTrackedDocx(doc: BriefDocument, changes: BlockChange[], fromVersion?: number): Promise<Uint8Array> {
  let id = 1;
  // Author and date of every change: this release, dated by its own date (builds stay repeatable).
  const author = `${doc.product} version ${doc.meta.version}${fromVersion ? ` (changes from version ${fromVersion})` : ''}`;
  const date = `${doc.meta.date}T12:00:00Z`;
  const mark = (): ChangeMark => ({ id: id++, author, date });

  /** Pieces of a block's text as runs: superscripts raised, link targets left out (not printed). */
  const runs = (pieces: Piece[]): ParagraphChild[] => {
    const state = { sup: false, href: false };
    return pieces.flatMap((p) =>
      segments(p.text, state)
        .filter((s) => !s.href)
        .map((s) => {
          const options = { text: s.text, ...(s.sup ? { superScript: true } : {}) };
          return p.op === 'ins' ? new InsertedTextRun({ ...options, ...mark() }) : p.op === 'del' ? new DeletedTextRun({ ...options, ...mark() }) : new TextRun(options);
        }),
    );
  };
  const deleted = (b: Block): DeletedParagraph => ({ style: styleOf(b), children: runs([{ op: 'del', text: b.text }]), run: { deletion: mark() } });

  const revised = new Map<Element, RevisedBlock>();
  const metadata = new Map<string, RevisedBlock>();
  const deletedBefore = new Map<Element, DeletedParagraph[]>();
  const rowsBefore = new Map<Element, DeletedRow[]>();
  const rowsAfter = new Map<Element, DeletedRow[]>();
  const cellOps = new Map<Element, BlockChange['op'][]>();
  let pending: DeletedParagraph[] = [];
  /** Deleted table cells not yet placed, and the table of the last cell of this version seen. */
  let pendingCells: Block[] = [];
  let lastTable: Element | undefined;

  /** Deleted cells as rows (grouped by the row they were in). */
  const asRows = (cells: Block[]): DeletedRow[] => {
    const rows: DeletedRow[] = [];
    let current: { row: number; table: Element } | undefined;
    for (const b of cells) {
      if (!current || current.row !== b.cell!.row || current.table !== b.cell!.table) {
        rows.push({ mark: mark(), cells: [] });
        current = { row: b.cell!.row, table: b.cell!.table };
      }
      rows[rows.length - 1]!.cells[b.cell!.column] = deleted(b);
    }
    return rows;
  };

  /** Places the deleted cells waiting: as rows before this row, or after the table they followed. */
  const placeCells = (next: Block | undefined) => {
    if (pendingCells.length === 0) return;
    const nextCell = next?.cell;
    if (nextCell && nextCell.column === 0) rowsBefore.set(nextCell.tr, [...(rowsBefore.get(nextCell.tr) ?? []), ...asRows(pendingCells)]);
    else if (nextCell && next?.node) deletedBefore.set(next.node, [...(deletedBefore.get(next.node) ?? []), ...pendingCells.map(deleted)]);
    else if (lastTable) rowsAfter.set(lastTable, [...(rowsAfter.get(lastTable) ?? []), ...asRows(pendingCells)]);
    else pending.push(...pendingCells.map(deleted));
    pendingCells = [];
  };

  for (const c of changes) {
    if (c.block.kind === 'figure-data') continue;
    if (c.block.kind === 'metadata') {
      if (c.op === 'changed' && (c.block.label === 'Title' || c.block.label === 'Date')) metadata.set(c.block.label, { children: runs(c.pieces) });
      continue;
    }
    if (c.op === 'del') {
      if (c.block.kind === 'cell') pendingCells.push(c.block);
      else {
        placeCells(undefined);
        pending.push(deleted(c.block));
      }
      continue;
    }
    placeCells(c.block);
    lastTable = c.block.cell ? c.block.cell.table : undefined;
    const node = c.block.node;
    if (!node) continue;
    if (c.block.cell) cellOps.set(c.block.cell.tr, [...(cellOps.get(c.block.cell.tr) ?? []), c.op]);
    if (pending.length > 0) {
      deletedBefore.set(node, [...(deletedBefore.get(node) ?? []), ...pending]);
      pending = [];
    }
    if (c.op === 'ins') revised.set(node, { children: runs([{ op: 'ins', text: c.block.text }]), run: { insertion: mark() } });
    if (c.op === 'changed') revised.set(node, { children: runs(c.pieces) });
  }
  placeCells(undefined);
  // A row whose every cell is new is an inserted row.
  const insertedRows = new Map<Element, ChangeMark>();
  for (const [tr, ops] of cellOps) if (ops.length > 0 && ops.every((op) => op === 'ins')) insertedRows.set(tr, mark());

  const revision: Revision = {
    block: (node) => revised.get(node),
    deletedBefore: (node) => deletedBefore.get(node) ?? [],
    deletedAtEnd: () => pending,
    metadata: (label) => metadata.get(label),
    deletedRowsBefore: (row) => rowsBefore.get(row) ?? [],
    deletedRowsAfter: (table) => rowsAfter.get(table) ?? [],
    insertedRow: (row) => insertedRows.get(row),
  };
  return renderDocx(doc, { revision });
}
