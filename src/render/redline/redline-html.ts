// The HTML redline between two versions: every block of the newer version in order, with the
// words inserted and deleted marked <ins>/<del> (underlined / struck through, so it reads in black
// and white), blocks that came or went labelled as such, and metadata changes first.
import type { BriefDocument } from '../../model/types.js';
import { fontFaceCss } from '../shared/fonts.js';
import { esc, SEALED_CSP } from '../shared/sealed-html.js';
import type { Block } from './blocks.js';
import type { BlockChange, Piece } from './compare.js';
import { summarize } from './compare.js';


function pieces(ps: Piece[]): string {
  return ps.map((p) => (p.op === 'same' ? esc(p.text) : `<${p.op}>${esc(p.text)}</${p.op}>`)).join('');
}

function content(c: BlockChange): { html: string; note?: string } {
  switch (c.op) {
    case 'same':
      return { html: esc(c.block.text) };
    case 'ins':
      return { html: `<ins>${esc(c.block.text)}</ins>`, note: `Inserted ${c.block.label.toLowerCase()}` };
    case 'del':
      return { html: `<del>${esc(c.block.text)}</del>`, note: `Deleted ${c.block.label.toLowerCase()}` };
    case 'changed':
      return { html: pieces(c.pieces), note: `Changed ${c.block.label.toLowerCase()}` };
  }
}

function blockHtml(c: BlockChange): string {
  const b: Block = c.block;
  const { html, note } = content(c);
  const mark = note ? `<span class="change-note">${esc(note)}</span> ` : '';
  const cls = `class="block ${c.op}"`;
  if (b.kind === 'heading') return `<h${b.level + 1} ${cls}>${mark}${html}</h${b.level + 1}>`;
  if (b.kind === 'item') return `<li ${cls}>${mark}${html}</li>`;
  return `<p ${cls} data-kind="${b.kind}">${mark}${html}</p>`;
}

/** Body blocks in order, list items gathered into lists. */
function bodyHtml(changes: BlockChange[]): string {
  const out: string[] = [];
  let inList = false;
  for (const c of changes) {
    const isItem = c.block.kind === 'item';
    if (isItem && !inList) out.push('<ul>');
    if (!isItem && inList) out.push('</ul>');
    inList = isItem;
    out.push(blockHtml(c));
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
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
