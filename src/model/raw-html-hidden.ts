// Raw HTML whose contents the sanitiser drops (sanitize-schema.ts: a <style>, a <script>, an
// <svg>…) can be split by Markdown: inline, `<style>` and `</style>` are two HTML nodes with
// Markdown between them, where a URL becomes a link (GFM autolinks) and the raw HTML parser,
// handed an element in the middle of the style's text, closes the style early; the rest of its
// text then lands in the body. So what Markdown put between such an opening and closing tag is
// removed here, before the HTML is parsed: the tags are left to the sanitiser, which drops them
// with whatever is left inside. An opening tag with no closing tag after it is an error: the
// sanitiser would otherwise drop everything after it without a word.
import type { Html, Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { fail } from '../report.js';
import { DROPPED_WITH_CONTENTS } from './sanitize-schema.js';

// Elements with no contents (no closing tag), or whose closing tag may be left out (inside a
// <select> or <head>, which are dropped whole), need nothing here.
const VOID = new Set(['embed', 'meta', 'link', 'base', 'frame', 'input', 'source', 'track', 'param', 'img', 'area', 'option', 'optgroup', 'head']);
const HIDDEN = new Set<string>(DROPPED_WITH_CONTENTS.filter((t) => !VOID.has(t)));

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*)?(\/?)>/g;

/** Net open count per hidden element in one raw HTML node: +1 an opening tag, −1 a closing tag. */
function balance(html: string): Map<string, number> {
  const counts = new Map<string, number>();
  // Comments hold no tags.
  const text = html.replace(/<!--[\s\S]*?(-->|$)/g, '');
  for (const m of text.matchAll(TAG)) {
    const name = m[2]!.toLowerCase();
    if (!HIDDEN.has(name) || m[3] === '/') continue;
    counts.set(name, (counts.get(name) ?? 0) + (m[1] === '/' ? -1 : 1));
  }
  return counts;
}

export function dropHiddenRawHtml(tree: Root, file: VFile): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]!;
      if (child.type !== 'html') continue;
      const open = [...balance(child.value)].find(([, n]) => n > 0);
      if (!open) continue;
      const [name] = open;
      let depth = 0;
      let close = -1;
      for (let j = i + 1; j < parent.children.length && close < 0; j++) {
        const sibling = parent.children[j]!;
        if (sibling.type !== 'html') continue;
        depth += (balance((sibling as Html).value).get(name) ?? 0);
        if (depth < 0) close = j;
      }
      if (close < 0) {
        fail(file, `raw HTML \`<${name}>\` is not closed: expected \`</${name}>\` after it (its contents are never printed, so an open one would hide the rest of the brief)`, child.position?.start, 'raw-html-unclosed');
        continue;
      }
      parent.children.splice(i + 1, close - i - 1);
    }
  });
}

/** remark plugin: before the house rules, so Markdown inside a <style> or <script> is neither checked nor kept. */
export const remarkDropHiddenRawHtml: Plugin<[], Root> = () => (tree, file) => dropHiddenRawHtml(tree, file);
