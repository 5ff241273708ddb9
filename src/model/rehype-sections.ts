// rehype plugin: wrap each heading and what follows it (up to the next heading of the same or a
// higher rank) in a <section> labelled by that heading, so the HTML, the PDF's tags and the
// DOCX's outline all see the brief's structure rather than a flat run of blocks.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';

const rank = (node: RootContent | ElementContent): number => {
  if (node.type !== 'element') return 0;
  const m = /^h([2-6])$/.exec(node.tagName);
  return m ? Number(m[1]) : 0;
};

function wrap(children: ElementContent[], level: number): ElementContent[] {
  const out: ElementContent[] = [];
  let i = 0;
  while (i < children.length) {
    const node = children[i]!;
    const r = rank(node);
    if (r === 0 || r < level) {
      out.push(node);
      i++;
      continue;
    }
    // Collect this heading's section: until a heading of rank <= r.
    let j = i + 1;
    while (j < children.length) {
      const rj = rank(children[j]!);
      if (rj !== 0 && rj <= r) break;
      j++;
    }
    const heading = node as Element;
    const id = typeof heading.properties.id === 'string' ? heading.properties.id : undefined;
    const section: Element = {
      type: 'element',
      tagName: 'section',
      properties: id ? { ariaLabelledBy: [id] } : {},
      children: [heading, ...wrap(children.slice(i + 1, j), r + 1)],
    };
    out.push(section);
    i = j;
  }
  return out;
}

export const rehypeSections: Plugin<[], Root> = () => (tree) => {
  // Drop the whitespace text between blocks first; it carries nothing and gets in the way.
  const blocks = tree.children.filter((n) => !(n.type === 'text' && !n.value.trim())) as ElementContent[];
  tree.children = wrap(blocks, 2) as RootContent[];
};
