// rehype plugin, after sanitising and slugs: every link goes somewhere a reader can follow from
// an HTML page, a PDF and a Word document alike: an http(s) or mailto address, or `#id` of a
// heading, figure or table of this brief. Anything else (a relative file, ftp:, a typo in an
// anchor) is an error at the link's line, rather than a dead link in a Member's office.
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { fail } from '../report.js';
import { LINK_SCHEME, linkProblem } from './remark-house-rules.js';


export const rehypeLinks: Plugin<[], Root> = () => (tree, file) => {
  const ids = new Set<string>();
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a' || node.properties.href === undefined) return;
    const href = String(node.properties.href);
    const at = node.position?.start;
    if (href.startsWith('#')) {
      const target = decodeURIComponent(href.slice(1));
      if (!ids.has(target)) fail(file, `link to \`${href}\`: no heading, figure or table has that id; expected one of ${[...ids].sort().map((i) => `#${i}`).join(', ') || '(none)'}`, at, 'link-target');
    } else if (!LINK_SCHEME.test(href)) {
      // Markdown links were checked in remark-house-rules; this catches raw HTML anchors.
      const told = file.messages.some((m) => m.ruleId === 'link-scheme' && m.line === at?.line && m.column === at?.column);
      if (!told) fail(file, linkProblem(href), at, 'link-scheme');
    }
  });
};
