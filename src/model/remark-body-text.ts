// remark plugin: a brief must have a body. With no text after the front matter the build would
// publish two pages of masthead and disclaimer, so that is an error; a body of a few words is
// almost always a stub, so it is a warning (short test briefs and previews still build).
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { fail } from '../report.js';

/** Fewer words than this (text, captions, cells; not markup) is reported as a near-empty body. */
export const MIN_BODY_WORDS = 20;

export const remarkBodyText: Plugin<[], Root> = () => (tree, file) => {
  let words = 0;
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') words += countWords(node.value);
    // Raw HTML counts by its text only: `<div></div>` is no body.
    else if (node.type === 'html') words += countWords(node.value.replace(/<[^>]*>/g, ' '));
  });
  if (words >= MIN_BODY_WORDS) return;
  const front = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  const place = { line: (front?.position?.end.line ?? 0) + 1, column: 1 };
  if (words === 0) {
    fail(file, 'the brief has no body: there is no text after the front matter; expected the brief’s sections and paragraphs', place, 'body-empty');
    return;
  }
  const warning = file.message(`the body has only ${words} word${words === 1 ? '' : 's'} (fewer than ${MIN_BODY_WORDS}): is this a stub? An In Focus brief has about 1,300–1,700`, { place, ruleId: 'body-short', source: 'brief' });
  warning.fatal = false;
};

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
