// The HTML redline between two versions: every block of the newer version in order, with the
// words inserted and deleted marked <ins>/<del> (underlined / struck through, so it reads in black
// and white), blocks that came or went labelled as such, and metadata changes first. List items
// are set as lists, quotes as quotes, table cells as tables (a deleted row as a row of deleted
// cells); superscripts as <sup>; a link target that changed is shown after its text, ⟨url⟩.
import type { BriefDocument } from '../../model/types.js';
import { fontFaceCss } from '../shared/fonts.js';
import { esc, SEALED_CSP } from '../shared/sealed-html.js';
import { HREF_CLOSE, HREF_OPEN, SUP_CLOSE, SUP_OPEN, type Block, type SegmentState } from './blocks.js';
import type { BlockChange, Piece } from './compare.js';
import { summarize } from './compare.js';

/**
 * A piece of a block's text as HTML: superscripts as <sup>; link targets, where they are part of
 * an insertion or deletion (a new target is a change), as "⟨url⟩" in small type after the link's
 * text, else left out.
 */
function textHtml(text: string, state: SegmentState, targets: boolean): string {
  let out = '';
  let run = '';
  const flush = () => {
    if (run) out += state.href ? (targets ? `<span class="link-target">${esc(run)}</span>` : '') : state.sup ? `<sup>${esc(run)}</sup>` : esc(run);
    run = '';
  };
  for (const ch of text) {
    if (ch === SUP_OPEN || ch === SUP_CLOSE) {
      flush();
      state.sup = ch === SUP_OPEN;
    } else if (ch === HREF_OPEN || ch === HREF_CLOSE) {
      flush();
      state.href = ch === HREF_OPEN;
      if (targets) out += `<span class="link-target">${ch === HREF_OPEN ? ' ⟨' : '⟩'}</span>`;
    } else run += ch;
  }
  flush();
  // A target cut into several spans (its marks and text) reads as one.
  return out.split('</span><span class="link-target">').join('');
}

/** A changed block's pieces; link targets shown where they are part of an insertion or deletion. */
function pieces(ps: Piece[]): string {
  const state = { sup: false, href: false };
  return ps.map((p) => (p.op === 'same' ? textHtml(p.text, state, false) : `<${p.op}>${textHtml(p.text, state, true)}</${p.op}>`)).join('');
}

/** "Paragraph" → "paragraph", "Table 1, row 2, Funding" → "table 1, row 2, Funding". */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function content(c: BlockChange): { html: string; note?: string } {
  const fresh = () => ({ sup: false, href: false });
  switch (c.op) {
    case 'same':
      return { html: textHtml(c.block.text, fresh(), false) };
    case 'ins':
      return { html: `<ins>${textHtml(c.block.text, fresh(), false)}</ins>`, note: `Inserted ${lowerFirst(c.block.label)}` };
    case 'del':
      return { html: `<del>${textHtml(c.block.text, fresh(), false)}</del>`, note: `Deleted ${lowerFirst(c.block.label)}` };
    case 'changed':
      return { html: pieces(c.pieces), note: `Changed ${lowerFirst(c.block.label)}` };
  }
}

function blockHtml(c: BlockChange): string {
  const b: Block = c.block;
  const { html, note } = content(c);
  const mark = note ? `<span class="change-note">${esc(note)}</span> ` : '';
  const cls = `class="block ${c.op}"`;
  if (b.kind === 'heading') return `<h${b.level + 1} ${cls}>${mark}${html}</h${b.level + 1}>`;
  if (b.kind === 'item') return `<li ${cls}>${mark}${html}</li>`;
  if (b.kind === 'quote') return `<blockquote ${cls}><p>${mark}${html}</p></blockquote>`;
  if (b.kind === 'cell') return `<${b.cell?.header ? 'th scope="col"' : 'td'} ${cls}>${mark}${html}</${b.cell?.header ? 'th' : 'td'}>`;
  return `<p ${cls} data-kind="${b.kind}">${mark}${html}</p>`;
}

/** Body blocks in order, list items gathered into lists, table cells into tables (rows as they were). */
function bodyHtml(changes: BlockChange[]): string {
  const out: string[] = [];
  let open: 'list' | 'table' | undefined;
  let row: string | undefined;
  const close = () => {
    if (open === 'list') out.push('</ul>');
    if (open === 'table') out.push('</tr>\n</table>');
    open = undefined;
    row = undefined;
  };
  for (const c of changes) {
    const kind = c.block.kind === 'item' ? 'list' : c.block.kind === 'cell' ? 'table' : undefined;
    const cell = c.block.cell;
    // Cells of another table, or a deleted row's cells after the new version's (and back), start anew.
    const rowKey = cell ? `${c.op === 'del' ? 'before' : 'after'}:${cell.row}` : undefined;
    if (kind !== open || (kind === 'table' && out.length > 0 && cell && !sameTable(changes, c))) close();
    if (kind === 'list' && !open) {
      out.push('<ul>');
      open = 'list';
    }
    if (kind === 'table') {
      if (!open) {
        out.push(`<table class="redline-table">\n<tr>`);
        open = 'table';
      } else if (rowKey !== row) out.push('</tr>\n<tr>');
      row = rowKey;
    }
    out.push(blockHtml(c));
  }
  close();
  return out.join('\n');
}

/** Whether a cell belongs to the table of the cell before it in the list (same table element of its version). */
function sameTable(changes: BlockChange[], c: BlockChange): boolean {
  const i = changes.indexOf(c);
  const prev = changes[i - 1];
  if (!prev?.block.cell || !c.block.cell) return false;
  // Cells of one version's table share the element; a deleted cell (earlier version) next to a
  // cell of the later version's table is the same table when the labels name the same table.
  if (prev.block.cell.table === c.block.cell.table) return true;
  const tableName = (b: Block) => b.label.replace(/, (row \d+|heading of column \d+).*$/, '');
  return tableName(prev.block) === tableName(c.block);
}

export function renderRedlineHtml(before: BriefDocument, after: BriefDocument, changes: BlockChange[]): string {
  const meta = changes.filter((c) => c.block.kind === 'metadata');
  const figureData = changes.filter((c) => c.block.kind === 'figure-data' && c.op !== 'same');
  const body = changes.filter((c) => c.block.kind !== 'metadata' && c.block.kind !== 'figure-data');
  const s = summarize(changes);
  const title = `${after.product}: changes from version ${before.meta.version} to version ${after.meta.version}`;
  return `<!DOCTYPE html>
<html lang="${esc(after.meta.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${SEALED_CSP}">
<title>${esc(title)}</title>
<style>
${fontFaceCss()}
body { margin: 0 auto; max-width: 44rem; padding: 1rem; font: 12pt/1.45 Tinos, serif; color: #000; }
h1 { font: 700 1.4rem/1.2 Tinos, serif; }
h2, h3, h4, h5 { font-family: Cabin, sans-serif; color: #336A91; margin: 1.2em 0 0.2em; }
.summary { border: 1px solid #336A91; padding: 0.5em 0.8em; font: 0.95rem/1.4 Cabin, sans-serif; }
.summary p { margin: 0.2em 0; }
ins { text-decoration: underline; text-decoration-thickness: 2px; color: #0B5394; background: #E8F0FA; }
del { text-decoration: line-through; text-decoration-thickness: 2px; color: #990000; background: #FBEAEA; }
.change-note { font: 700 0.75rem Cabin, sans-serif; text-transform: uppercase; letter-spacing: 0.04em; color: #000; border: 1px solid #000; padding: 0 0.25em; margin-right: 0.3em; }
.block.same { color: #222; }
dl.metadata { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
dl.metadata dt { font: 700 0.95rem Cabin, sans-serif; }
dl.metadata dd { margin: 0; }
blockquote { margin: 0.6em 1.5em; }
table.redline-table { border-collapse: collapse; font: 0.9rem/1.35 Cabin, sans-serif; margin: 0.6em 0; }
table.redline-table td, table.redline-table th { border-top: 1px solid #000; border-bottom: 1px solid #000; padding: 0.2em 0.4em; vertical-align: top; text-align: left; }
.link-target { font-size: 0.8em; color: #444; }
</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<div class="summary" role="note">
<p>Version ${before.meta.version} (${esc(before.displayDate)}) → version ${after.meta.version} (${esc(after.displayDate)}).</p>
<p>${s.inserted} word${s.inserted === 1 ? '' : 's'} inserted, ${s.deleted} deleted, in ${s.blocksChanged} block${s.blocksChanged === 1 ? '' : 's'}.</p>
<p>How to read it: <ins>inserted text is underlined</ins>; <del>deleted text is struck through</del>; each changed block is labelled.</p>
</div>
</header>
<main>
<section aria-labelledby="metadata">
<h2 id="metadata">Title, date, version and authors</h2>
<dl class="metadata">
${meta.map((c) => `<dt>${esc(c.block.label)}</dt><dd class="block ${c.op}">${content(c).note ? `<span class="change-note">${esc(content(c).note!)}</span> ` : ''}${content(c).html}</dd>`).join('\n')}
</dl>
</section>
<section aria-labelledby="text">
<h2 id="text">Text</h2>
${bodyHtml(body)}
</section>
${
  figureData.length > 0
    ? `<section aria-labelledby="figure-data">
<h2 id="figure-data">Figure data</h2>
<ul>
${figureData.map(blockHtml).join('\n')}
</ul>
</section>`
    : ''
}
</main>
</body>
</html>
`;
}
