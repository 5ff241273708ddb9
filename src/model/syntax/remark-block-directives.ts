// remark plugin: generic directives, but only the block forms: `::name[…]{…}` (leaf) and
// `:::name[…]{…}` … `:::` (container), each at the start of a line. remark-directive would also
// read `:name` inside text as a directive, so `10:30 a.m.`, `3:1` or `Note:` would stop a build;
// in a brief a colon inside text is always text.
import { directive } from 'micromark-extension-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import type { Root } from 'mdast';
import type { Plugin, Processor } from 'unified';

export const remarkBlockDirectives: Plugin<[], Root> = function (this: Processor) {
  const data = this.data();
  const { text: _inline, ...blockOnly } = directive();
  (data.micromarkExtensions ??= []).push(blockOnly);
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
};
