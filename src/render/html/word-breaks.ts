// Word-like line breaking for the printed page. Chromium finds break opportunities by the Unicode
// line breaking rules; Word takes fewer. Where Chromium could break and Word does not, this pass
// wraps the two characters around the opportunity in <span class="nobr"> (white-space: nowrap in
// paged.css), so the PDF breaks lines where Word would. It runs on a copy of the body for the paged
// HTML only: the document model, the HTML file and the DOCX never see these spans, and the text is
// unchanged (no joiner characters: pdftotext would extract them).
//
// Opportunities removed (rules about characters, in ../shared/word-break-rules.ts):
// - after a hyphen between a digit and a letter: `30-mm`, `FY2018-FY2026` (Word breaks `110-343`
//   and `uranium-235` after the hyphen, and so do we);
// - between closing punctuation and an opening bracket: `(b)(9)`, `x],[y` (Word keeps
//   `§46.116(b)(9)` together; Chromium breaks between `)` and `(`);
// - before an em dash that follows a word: Word breaks after `—`, never before it, so `area—`
//   moves to the next line whole instead of the dash starting it.
import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import { hasClass } from '../../model/hast-utils.js';
import { wordKeepsTogether } from '../shared/word-break-rules.js';

export const NOBR_CLASS = 'nobr';

/** Inline elements whose text flows on with the text around them (one line-breaking context). */
const PHRASING = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var',
]);
/** Elements whose text is not set as running text (graphics, preformatted text). */
const SKIP = new Set(['svg', 'math', 'pre', 'script', 'style', 'template', 'textarea']);

interface Piece {
  node: Text;
  /** where the node's text starts in the run */
  start: number;
  /** the nobr span the node is in, if any */
  nobr: Element | null;
}

/** The runs of running text in a tree: each block's text, across its inline elements. */
function textRuns(tree: Root): Piece[][] {
  const runs: Piece[][] = [];
  let run: Piece[] = [];
  let length = 0;
  const flush = (): void => {
    if (run.length > 0) runs.push(run);
    run = [];
    length = 0;
  };
  const walk = (parent: Element | Root, nobr: Element | null): void => {
    for (const child of parent.children) {
      if (child.type === 'text') {
        run.push({ node: child, start: length, nobr });
        length += child.value.length;
      } else if (child.type === 'element') {
        if (SKIP.has(child.tagName)) flush();
        else if (PHRASING.has(child.tagName)) walk(child, nobr ?? (isNobr(child) ? child : null));
        else {
          flush();
          walk(child, null);
          flush();
        }
      }
    }
  };
  walk(tree, null);
  flush();
  return runs;
}

function isNobr(node: Element): boolean {
  return node.tagName === 'span' && hasClass(node, NOBR_CLASS);
}

/** Whether an inline element may be kept on one line whole: only inline content, no break opportunity in its text. */
function unbreakable(node: ElementContent): boolean {
  let text = '';
  let ok = true;
  visit(node, (n) => {
    if (n.type === 'text') text += n.value;
    else if (n.type === 'element' && !PHRASING.has(n.tagName)) ok = false;
  });
  return ok && !/[\s\-\u2010\u2013\u2014/?]/u.test(text);
}

/** The chain of ancestors of `node` inside `root`, root first, node last. */
function ancestry(root: Element | Root, node: Text): (Element | Root | Text)[] | null {
  const path: (Element | Root | Text)[] = [root];
  const find = (parent: Element | Root): boolean => {
    for (const child of parent.children) {
      if (child === node) {
        path.push(child);
        return true;
      }
      if (child.type === 'element') {
        path.push(child);
        if (find(child)) return true;
        path.pop();
      }
    }
    return false;
  };
  return find(root) ? path : null;
}

const nobr = (children: ElementContent[]): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { className: [NOBR_CLASS] },
  children,
});

/**
 * Keep together, across two text nodes, the last character of `a` and the first of `b` (e.g. a
 * link's text ending in `)` and the text after it starting with `(`). The span takes the nearest
 * common ancestor's children that hold them; an element among them goes in whole, so this is done
 * only where that element has no break opportunity of its own. Returns false when it is not done.
 */
function glueAcross(root: Root, a: Text, b: Text): boolean {
  const pa = ancestry(root, a);
  const pb = ancestry(root, b);
  if (!pa || !pb) return false;
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  const common = pa[i - 1] as Element | Root;
  const ca = pa[i] as ElementContent;
  const cb = pb[i] as ElementContent;
  const from = common.children.indexOf(ca as never);
  const to = common.children.indexOf(cb as never);
  if (from < 0 || to <= from) return false;
  const between = common.children.slice(from + 1, to) as ElementContent[];
  if ((ca !== a && !unbreakable(ca)) || (cb !== b && !unbreakable(cb))) return false;
  if (between.some((n) => n.type !== 'element' || !unbreakable(n))) return false;
  const before: ElementContent[] = [];
  const after: ElementContent[] = [];
  const inside: ElementContent[] = [];
  if (ca === a) {
    if (a.value.length > 1) before.push({ type: 'text', value: a.value.slice(0, -1) });
    inside.push({ type: 'text', value: a.value.slice(-1) });
  } else inside.push(ca);
  inside.push(...between);
  if (cb === b) {
    inside.push({ type: 'text', value: b.value.slice(0, 1) });
    if (b.value.length > 1) after.push({ type: 'text', value: b.value.slice(1) });
  } else inside.push(cb);
  common.children.splice(from, to - from + 1, ...before, nobr(inside), ...after);
  return true;
}

/**
 * Wrap the break opportunities Word does not take in `<span class="nobr">`. Changes `tree` in
 * place (give it a copy) and returns it.
 */
export function wordBreaks(tree: Root): Root {
  // Same-node ranges are applied after the cross-node ones, by node identity: a cross-node glue
  // replaces the text nodes it touches, so its runs are recomputed first.
  for (;;) {
    let glued = false;
    outer: for (const run of textRuns(tree)) {
      const s = runText(run);
      for (let p = 1; p < run.length; p++) {
        const a = run[p - 1]!;
        const b = run[p]!;
        if (a.node.value.length === 0 || b.node.value.length === 0 || (a.nobr && a.nobr === b.nobr)) continue;
        if (wordKeepsTogether(s, b.start) && glueAcross(tree, a.node, b.node)) {
          glued = true;
          break outer;
        }
      }
    }
    if (!glued) break;
  }
  const ranges = new Map<Text, [number, number][]>();
  for (const run of textRuns(tree)) {
    const s = runText(run);
    for (const { node, start, nobr: inNobr } of run) {
      if (inNobr) continue;
      const list: [number, number][] = [];
      for (let k = start + 1; k < start + node.value.length; k++) {
        if (!wordKeepsTogether(s, k)) continue;
        const last = list[list.length - 1];
        if (last && last[1] >= k - 1 - start) last[1] = k + 1 - start;
        else list.push([k - 1 - start, k + 1 - start]);
      }
      if (list.length > 0) ranges.set(node, list);
    }
  }
  visit(tree, 'text', (node, index, parent) => {
    const list = ranges.get(node);
    if (!list || !parent || index === undefined) return;
    const parts: ElementContent[] = [];
    let at = 0;
    for (const [from, to] of list) {
      if (from > at) parts.push({ type: 'text', value: node.value.slice(at, from) });
      parts.push(nobr([{ type: 'text', value: node.value.slice(from, to) }]));
      at = to;
    }
    if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
    parent.children.splice(index, 1, ...parts);
    return index + parts.length;
  });
  return tree;
}

function runText(run: Piece[]): string {
  return run.map((p) => p.node.value).join('');
}
