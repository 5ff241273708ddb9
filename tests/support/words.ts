// One routine for "the words of a brief", shared by the tests of every format, and the words of
// the original (the reference reading order) to hold them against.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import JSZip from 'jszip';
import { remove } from 'unist-util-remove';
import { hasClass } from '../../src/model/hast-utils.js';
import { ROOT } from './run-cli.js';

/** Split text into words the same way for every format. */
export function words(text: string): string[] {
  return text.replace(/\u00a0/g, ' ').split(/\s+/).filter(Boolean);
}


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

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const nameOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@')!;

/** The text of one w:p as Word shows it: w:t text, tabs and breaks as white space. */
function paragraphText(nodes: XmlNode[]): string {
  let text = '';
  for (const node of nodes) {
    const name = nameOf(node);
    const children = node[name] as XmlNode[] | string;
    if (name === 'w:t') text += (children as XmlNode[]).map((c) => String(c['#text'] ?? '')).join('');
    else if (name === 'w:tab' || name === 'w:br' || name === 'w:cr') text += name === 'w:tab' ? '\t' : '\n';
    else if (name === 'w:noBreakHyphen') text += '-';
    // Pictures, deleted text and field codes are not words of the document.
    else if (['w:drawing', 'w:pict', 'w:delText', 'w:instrText', 'w:pPr', 'w:rPr'].includes(name)) continue;
    else if (Array.isArray(children)) text += paragraphText(children);
  }
  return text;
}

/**
 * The words a reader gets from a DOCX's body (word/document.xml), paragraph by paragraph in
 * document order, tables included. Headers and footers (masthead, running header, footers) are
 * page furniture and left out, as htmlWords leaves them out of the HTML.
 */
export async function docxWords(docx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('not a Word document: no word/document.xml');
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, trimValues: false, parseTagValue: false });
  const paragraphs: string[] = [];
  const walk = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      const name = nameOf(node);
      const children = node[name];
      if (name === 'w:p') paragraphs.push(paragraphText(children as XmlNode[]));
      else if (Array.isArray(children)) walk(children as XmlNode[]);
    }
  };
  walk(parser.parse(xml) as XmlNode[]);
  return words(paragraphs.join('\n'));
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
