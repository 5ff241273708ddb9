// One routine for "the words of a brief", shared by the tests of every format, and the words of
// the original (the reference reading order) to hold them against.
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { remove } from 'unist-util-remove';
import { ROOT } from './run-cli.js';

/** Split text into words the same way for every format. */
export function words(text: string): string[] {
  return text.replace(/\u00a0/g, ' ').split(/\s+/).filter(Boolean);
}

const hasClass = (node: Element, name: string) => {
  const c = node.properties?.className;
  return Array.isArray(c) && c.includes(name);
};

/**
 * The words a reader gets from the brief's HTML: date, title, body, figure captions, authors,
 * product code and disclaimer. Page furniture (masthead, running header, footers) is not text
 * of the brief; the figure's graphic and data table are not running text. `sourceNotes: false`
 * also leaves out figure source notes (the original's was part of its picture).
 */
export function htmlWords(html: string, options: { sourceNotes?: boolean } = {}): string[] {
  const tree = fromHtml(html) as Root;
  remove(tree, (node) => {
    if (node.type !== 'element') return false;
    const el = node as Element;
    if (['head', 'script', 'style', 'template'].includes(el.tagName)) return true;
    if (el.properties?.dataFurniture !== undefined) return true;
    if (hasClass(el, 'figure-art') || hasClass(el, 'figure-data')) return true;
    if (options.sourceNotes === false && hasClass(el, 'figure-source')) return true;
    return false;
  });
  return words(toText(tree));
}

/**
 * The original's words in reading order. The extraction left words broken at line ends as
 * "test-" + "launched" (and once "ship" + "-" + "to-ship"); the original never hyphenates, so
 * a line ending in a hyphen is a hyphenated compound and is joined without a space.
 */
export function referenceWords(): string[] {
  const lines = fs.readFileSync(path.join(ROOT, 'tests/reference/IF11415.reading-order.txt'), 'utf8').split('\n');
  let text = '';
  for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
    if (line === '-') text += '-';
    else if (text.endsWith('-')) text += line;
    else text += (text ? ' ' : '') + line;
  }
  return words(text);
}

/** The first place two word lists differ, with context, or null if they are equal. */
export function firstDifference(actual: string[], expected: string[]): string | null {
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (actual[i] !== expected[i]) {
      return `word ${i}: got “${actual.slice(i, i + 8).join(' ')}”, expected “${expected.slice(i, i + 8).join(' ')}” (after “${expected.slice(Math.max(0, i - 6), i).join(' ')}”)`;
    }
  }
  return null;
}
