// remark plugin: the house's rules for what a brief body may contain, checked with positions.
// The title is front matter (so no `#` heading); images enter as `::figure`; the only directive
// is `figure`. Anything else would silently vanish or break the layout, so it is an error.
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { fail } from '../report.js';

const DIRECTIVES = new Set(['figure']);

export const remarkHouseRules: Plugin<[], Root> = () => (tree, file) => {
  visit(tree, (node) => {
    const place = node.position?.start;
    switch (node.type) {
      case 'heading':
        if (node.depth === 1) fail(file, 'a `#` heading is not allowed in the body: the title comes from front matter; expected `##` for a section', place, 'heading-level');
        else if (node.depth > 4) fail(file, `heading level ${node.depth} is deeper than the house style has: expected \`##\`, \`###\` or \`####\``, place, 'heading-level');
        break;
      case 'image':
      case 'imageReference':
        fail(file, 'images are placed with the figure directive: expected `::figure[Caption]{data="figures/…"}`', place, 'image');
        break;
      case 'leafDirective':
      case 'containerDirective':
      case 'textDirective': {
        if (DIRECTIVES.has(node.name) && node.type === 'leafDirective') break;
        const mark = node.type === 'leafDirective' ? '::' : node.type === 'containerDirective' ? ':::' : ':';
        const hint = node.type === 'textDirective' ? ' (write `\\:` for a literal colon)' : '';
        fail(file, `unknown directive \`${mark}${node.name}\`: expected \`::figure\`${hint}`, place, 'directive');
        break;
      }
    }
  });
};
