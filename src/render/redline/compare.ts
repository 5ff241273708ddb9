// Compare two versions block by block, then word by word inside blocks that changed: the
// structure-aware diff both redlines (HTML and tracked-changes DOCX) are drawn from.
import { diffArrays, diffWordsWithSpace } from 'diff';
import { HREF_CLOSE, HREF_OPEN, SUP_CLOSE, SUP_OPEN, type Block } from './blocks.js';

export type Piece = { op: 'same' | 'ins' | 'del'; text: string };

export type BlockChange =
  | { op: 'same'; block: Block }
  | { op: 'ins'; block: Block }
  | { op: 'del'; block: Block }
  | { op: 'changed'; before: Block; block: Block; pieces: Piece[] };

const slot = (b: Block) => b.slot ?? b.label;
const key = (b: Block) => `${b.kind}\u0000${slot(b)}\u0000${b.text}`;

/**
 * Words for the word diff: spaces, words and punctuation marks, as jsdiff splits them; but a
 * superscript is one token of its own ("119", "^th^"), and a word with its link target one token,
 * so that "119th" → "119^th^", "^a^" → "^b^" or a new link target show as a visible change rather
 * than as invisible marks.
 */
const HREF_WORD = `[^\\s${HREF_OPEN}${SUP_OPEN}]*${HREF_OPEN}[^${HREF_CLOSE}]*${HREF_CLOSE}`;
const SUP = `${SUP_OPEN}[^${SUP_CLOSE}]*${SUP_CLOSE}`;
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(new RegExp(`(\\s+|${HREF_WORD}|${SUP})`, 'u'))) {
    if (!part) continue;
    if (/^\s+$/.test(part) || part.includes(HREF_OPEN) || part.startsWith(SUP_OPEN)) out.push(part);
    else out.push(...part.split(/([^\p{L}\p{N}_])/u).filter(Boolean));
  }
  return out;
}

/** Characters that make one word with their neighbours for the redline ("$460", "FY2026"). */
const WORDISH = /[\p{L}\p{N}$%£€]/u;
const WORDISH_END = /[\p{L}\p{N}$%£€]+$/u;
const WORDISH_START = /^[\p{L}\p{N}$%£€]+/u;

/**
 * An edit inside a word marks the whole word, as Word's compare does ("<del>$460</del><ins>$470</ins>",
 * not "$<del>460</del><ins>470</ins>"); punctuation added or removed at a word's end stays an edit
 * of its own ("continue<ins>, slowly,</ins>").
 */
function wholeWords(pieces: Piece[]): Piece[] {
  const out: Piece[] = pieces.map((p) => ({ ...p }));
  for (let i = 0; i < out.length; i++) {
    if (out[i]!.op === 'same') continue;
    let j = i;
    while (j + 1 < out.length && out[j + 1]!.op !== 'same') j++;
    const group = out.slice(i, j + 1);
    const before = out[i - 1];
    const after = out[j + 1];
    const first = (s: string) => s.charAt(0);
    const last = (s: string) => s.charAt(s.length - 1);
    // Pull the word the edit starts in (or ends in) into both sides of the edit.
    const head = before?.op === 'same' && group.some((p) => WORDISH.test(first(p.text))) ? (WORDISH_END.exec(before.text)?.[0] ?? '') : '';
    const tail = after?.op === 'same' && group.some((p) => WORDISH.test(last(p.text))) ? (WORDISH_START.exec(after.text)?.[0] ?? '') : '';
    if (head || tail) {
      if (head) before!.text = before!.text.slice(0, -head.length);
      if (tail) after!.text = after!.text.slice(tail.length);
      const side = (op: 'del' | 'ins'): Piece => ({ op, text: head + (group.find((p) => p.op === op)?.text ?? '') + tail });
      out.splice(i, j - i + 1, side('del'), side('ins'));
      j = i + 1;
    }
    i = j;
  }
  return out.filter((p) => p.text !== '');
}

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
  const raw: Piece[] = diffArrays(tokens(a), tokens(b)).map((p) => ({ op: p.added ? 'ins' : p.removed ? 'del' : 'same', text: p.value.join('') }));
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
  return wholeWords(out);
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
      // A table cell or a metadata line is the same slot whatever its text became; other blocks
      // that share little are replaced, not edited.
      const match = removed.findIndex((a, idx) => idx >= d && a.kind === b.kind && slot(a) === slot(b) && (b.kind === 'cell' || b.kind === 'metadata' || likeness(a.text, b.text) >= 0.4));
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
