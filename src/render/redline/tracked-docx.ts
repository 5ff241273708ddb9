// Version B as a Word document carrying the changes from version A as tracked changes: the same
// renderer as the brief's DOCX (src/render/docx), given a Revision that marks, block by block, the
// words inserted (w:ins) and deleted (w:del), whole blocks that came or went, their paragraph marks
// too, so that a reader can accept or reject each change in Word or LibreOffice.
// Inside a changed block the runs are the compared words, without the block's bold, italics or
// links; unchanged and whole inserted blocks keep them. Metadata (date line, authors) and table
// rows are shown as they are now; the HTML redline lists their changes.
import type { Element } from 'hast';
import { DeletedTextRun, InsertedTextRun, TextRun, type ParagraphChild } from 'docx';
import type { BriefDocument } from '../../model/types.js';
import type { DeletedParagraph, Revision } from '../docx/context.js';
import { renderDocx } from '../docx/render-docx.js';
import { STYLE } from '../docx/styles.js';
import type { Block } from './blocks.js';
import type { BlockChange } from './compare.js';

function styleOf(b: Block): string {
  if (b.kind === 'heading') return b.level <= 2 ? STYLE.heading1 : b.level === 3 ? STYLE.heading2 : STYLE.heading3;
  if (b.kind === 'item') return STYLE.listBullet;
  if (b.kind === 'caption') return STYLE.figureCaption;
  if (b.kind === 'source') return STYLE.sourceNote;
  return STYLE.normal;
}

export async function renderTrackedDocx(doc: BriefDocument, changes: BlockChange[], fromVersion?: number): Promise<Uint8Array> {
  let id = 1;
  // Author and date of every change: this release, dated by its own date (builds stay repeatable).
  const author = `${doc.product} version ${doc.meta.version}${fromVersion ? ` (changes from version ${fromVersion})` : ''}`;
  const date = `${doc.meta.date}T12:00:00Z`;
  const mark = () => ({ id: id++, author, date });

  const revised = new Map<Element, { children: ParagraphChild[]; run?: ReturnType<typeof insertedMark> }>();
  const deletedBefore = new Map<Element, DeletedParagraph[]>();
  const insertedMark = () => ({ insertion: mark() });
  let pending: DeletedParagraph[] = [];

  for (const c of changes) {
    if (c.block.kind === 'metadata' || c.block.kind === 'figure-data' || c.block.kind === 'row') continue;
    if (c.op === 'del') {
      pending.push({ style: styleOf(c.block), children: [new DeletedTextRun({ text: c.block.text, ...mark() })], run: { deletion: mark() } });
      continue;
    }
    const node = c.block.node;
    if (!node) continue;
    if (pending.length > 0) {
      deletedBefore.set(node, pending);
      pending = [];
    }
    if (c.op === 'ins') revised.set(node, { children: [new InsertedTextRun({ text: c.block.text, ...mark() })], run: insertedMark() });
    if (c.op === 'changed') {
      revised.set(node, {
        children: c.pieces.map((p) =>
          p.op === 'ins' ? new InsertedTextRun({ text: p.text, ...mark() }) : p.op === 'del' ? new DeletedTextRun({ text: p.text, ...mark() }) : new TextRun({ text: p.text }),
        ),
      });
    }
  }
  const revision: Revision = {
    block: (node) => revised.get(node),
    deletedBefore: (node) => deletedBefore.get(node) ?? [],
    deletedAtEnd: () => pending,
  };
  return renderDocx(doc, { revision });
}
