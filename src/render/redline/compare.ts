// Compare two versions block by block, then word by word inside blocks that changed: the
// structure-aware diff both redlines (HTML and tracked-changes DOCX) are drawn from.
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { Block } from './blocks.js';

export type Piece = { op: 'same' | 'ins' | 'del'; text: string };

export type BlockChange =
  | { op: 'same'; block: Block }
  | { op: 'ins'; block: Block }
  | { op: 'del'; block: Block }
  | { op: 'changed'; before: Block; block: Block; pieces: Piece[] };

const key = (b: Block) => `${b.kind}\u0000${b.label}\u0000${b.text}`;

/** Share of words two texts have in common, 0–1; blocks that share little are replaced, not edited. */
function likeness(a: string, b: string): number {
  const parts = diffWordsWithSpace(a, b);
  const same = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.trim().split(/\s+/).filter(Boolean).length, 0);
  const total = Math.max(a.split(/\s+/).length, b.split(/\s+/).length);
  return total === 0 ? 1 : same / total;
}

/**
 * Word-level pieces, grouped as an editor marks them: a run of changes with only spaces between
 * them becomes one deletion followed by one insertion ("continue<ins>, slowly,</ins>", not
 * "continue<ins>,</ins> <ins>slowly,</ins>").
 */
export function wordPieces(a: string, b: string): Piece[] {
  const raw: Piece[] = diffWordsWithSpace(a, b).map((p) => ({ op: p.added ? 'ins' : p.removed ? 'del' : 'same', text: p.value }));
  const out: Piece[] = [];
  let i = 0;
  while (i < raw.length) {
    if (raw[i]!.op === 'same') {
      out.push(raw[i++]!);
      continue;
    }
    let del = '';
    let ins = '';
    let j = i;
    for (; j < raw.length; j++) {
      const p = raw[j]!;
      if (p.op === 'del') del += p.text;
      else if (p.op === 'ins') ins += p.text;
      else if (/^\s+$/.test(p.text) && j + 1 < raw.length && raw[j + 1]!.op !== 'same') {
        // A space between two changes belongs to both sides of the group.
        del += del ? p.text : '';
        ins += ins ? p.text : '';
      } else break;
    }
    if (del) out.push({ op: 'del', text: del });
    if (ins) out.push({ op: 'ins', text: ins });
    i = j;
  }
  return out;
}

export function compareBlocks(before: Block[], after: Block[]): BlockChange[] {
  const runs = diffArrays(before.map(key), after.map(key));
  const out: BlockChange[] = [];
  let i = 0;
  let j = 0;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const n = run.count ?? run.value.length;
    if (!run.added && !run.removed) {
      for (let k = 0; k < n; k++) out.push({ op: 'same', block: after[j + k]! });
      i += n;
      j += n;
      continue;
    }
    // A removed run followed by an added run: pair blocks of the same kind that still resemble
    // each other as edits; the rest are whole deletions and insertions.
    const removed = run.removed ? before.slice(i, i + n) : [];
    const next = run.removed && runs[r + 1]?.added ? runs[++r]! : undefined;
    const added = run.added ? after.slice(j, j + n) : next ? after.slice(j, j + (next.count ?? next.value.length)) : [];
    i += removed.length;
    j += added.length;
    let d = 0;
    for (const b of added) {
      const match = removed.findIndex((a, idx) => idx >= d && a.kind === b.kind && a.label === b.label && likeness(a.text, b.text) >= 0.4);
      if (match >= 0) {
        for (; d < match; d++) out.push({ op: 'del', block: removed[d]! });
        out.push({ op: 'changed', before: removed[match]!, block: b, pieces: wordPieces(removed[match]!.text, b.text) });
        d = match + 1;
      } else {
        out.push({ op: 'ins', block: b });
      }
    }
    for (; d < removed.length; d++) out.push({ op: 'del', block: removed[d]! });
  }
  return out;
}

export function summarize(changes: BlockChange[]): { inserted: number; deleted: number; blocksChanged: number } {
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  let inserted = 0;
  let deleted = 0;
  for (const c of changes) {
    if (c.op === 'ins') inserted += words(c.block.text);
    if (c.op === 'del') deleted += words(c.block.text);
    if (c.op === 'changed') for (const p of c.pieces) p.op === 'ins' ? (inserted += words(p.text)) : p.op === 'del' ? (deleted += words(p.text)) : 0;
  }
  return { inserted, deleted, blocksChanged: changes.filter((c) => c.op !== 'same').length };
}
