// remark plugin: the house's rules for what a brief body may contain, checked with positions.
// The title is front matter (so no `#` heading); images enter as `::figure`, tables with a
// caption as `:::table`; footnotes are not part of the In Focus style. Anything else would
// silently vanish or break the layout, so it is an error.
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { fail } from '../report.js';
import { dropHiddenRawHtml } from './raw-html-hidden.js';

/** The directives a brief may use: `::figure` (leaf) and `:::table` (container). */
const DIRECTIVES: Record<string, 'leafDirective' | 'containerDirective'> = { figure: 'leafDirective', table: 'containerDirective' };
/** Where a link may go: the web, e-mail, or a part of this brief (checked after slugs, in rehype-links). */
export const LINK_SCHEME = /^(https?:\/\/\S+|mailto:\S+)$/i;
export const linkProblem = (href: string) => `link to \`${href}\`: expected an http:// or https:// address, a mailto: address, or #id of a heading, figure or table in this brief`;
const EXPECTED = 'expected `::figure[Caption]{…}` or `:::table[Caption]{…}` … `:::`';

export const remarkHouseRules: Plugin<[], Root> = () => (tree, file) => {
  // First, so that Markdown inside a <style> or <script> is neither checked nor kept.
  dropHiddenRawHtml(tree, file);
  visit(tree, (node) => {
    const place = node.position?.start;
    switch (node.type) {
      case 'heading':
        if (node.depth === 1) fail(file, 'a `#` heading is not allowed in the body: the title comes from front matter; expected `##` for a section', place, 'heading-level');
        else if (node.depth > 4) fail(file, `heading level ${node.depth} is deeper than the house style has: expected \`##\`, \`###\` or \`####\``, place, 'heading-level');
        break;
      case 'image':
      case 'imageReference':
        fail(file, 'images are placed with the figure directive: expected `::figure[Caption]{src="figures/…"}`', place, 'image');
        break;
      case 'footnoteReference':
      case 'footnoteDefinition':
        fail(file, 'footnotes are not part of the In Focus style: expected the note in the text, a link, or a `notes`/`source` line of a figure or table', place, 'footnote');
        return 'skip';
      case 'link':
      case 'definition':
        if (!node.url.startsWith('#') && !LINK_SCHEME.test(node.url)) fail(file, linkProblem(node.url), place, 'link-scheme');
        break;
      case 'leafDirective':
      case 'containerDirective': {
        if (DIRECTIVES[node.name] === node.type) break;
        const mark = node.type === 'leafDirective' ? '::' : ':::';
        const right = DIRECTIVES[node.name];
        const hint = right ? ` (\`${node.name}\` is written \`${right === 'leafDirective' ? '::' : ':::'}${node.name}\`)` : '';
        fail(file, `unknown directive \`${mark}${node.name}\`${hint}: ${EXPECTED}; a colon that starts a line is text when written \`\\:\``, place, 'directive');
        break;
      }
    }
  });
};
