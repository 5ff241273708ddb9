// What figures and tables share: the caption with its "Figure N." / "Table N." label, the place
// they go, and the Source and Notes lines, whose attribute values are inline Markdown (italics,
// links, superscripts), parsed with the brief's own parser so they follow the same rules.
import type { Node, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fail } from '../report.js';
import { CLASS, PLACEMENTS, type Placement } from './vocabulary.js';

type Directive = LeafDirective | ContainerDirective;

export function checkAttributes(file: VFile, node: Directive, what: string, allowed: readonly string[]): boolean {
  let ok = true;
  for (const key of Object.keys(node.attributes ?? {})) {
    if (key === 'class') {
      fail(file, `${what}: classes are not used; expected attributes ${allowed.join(', ')}`, node.position?.start, `${what}-attribute`);
      ok = false;
    } else if (!allowed.includes(key)) {
      fail(file, `${what}: unknown attribute \`${key}\`: expected one of ${allowed.join(', ')}`, node.position?.start, `${what}-attribute`);
      ok = false;
    }
  }
  return ok;
}

export function placementOf(file: VFile, node: Directive, what: string, allowed: readonly Placement[] = PLACEMENTS): Placement | undefined {
  const value = node.attributes?.place ?? 'column';
  if ((allowed as readonly string[]).includes(value)) return value as Placement;
  fail(file, `${what}: place="${value}" is not known: expected ${allowed.map((p) => `"${p}"`).join(', ')}`, node.position?.start, `${what}-place`);
  return undefined;
}

/** Every node of `nodes` placed at the directive (their own positions are inside an attribute value). */
function placeAt(nodes: Node[], at: Node['position']): void {
  for (const n of nodes) visit(n, (d) => {
    if (at) d.position = structuredClone(at);
    else delete d.position;
  });
}

/**
 * An attribute value as inline Markdown: its phrasing content, or an error at the directive if it
 * holds more than one paragraph of text (blocks do not fit in a caption line).
 */
export function inlineMarkdown(processor: Processor, file: VFile, node: Directive, what: string, name: string, value: string): PhrasingContent[] | undefined {
  const tree = processor.parse(value) as Root;
  const blocks = tree.children.filter((c) => c.type !== 'yaml');
  if (blocks.length === 0) return [];
  if (blocks.length > 1 || blocks[0]!.type !== 'paragraph') {
    fail(file, `${what}: \`${name}\` must be one line of inline Markdown (text, *italics*, **bold**, links, ^superscripts^); it reads as ${blocks.map((b) => b.type).join(', ')}`, node.position?.start, `${what}-${name}`);
    return undefined;
  }
  const children = (blocks[0] as Paragraph).children;
  placeAt(children, node.position);
  return children;
}

export const labelled = (className: string, label: string, children: PhrasingContent[], at: Node['position']): RootContent => ({
  type: 'paragraph',
  data: { hProperties: { className: [className] } },
  children: [{ type: 'strong', children: [{ type: 'text', value: label }] }, { type: 'text', value: ' ' }, ...children],
  ...(at ? { position: structuredClone(at) } : {}),
});

/** <figcaption><span class="figure-label">Figure 1.</span> Caption</figcaption> */
export const caption = (label: string, children: PhrasingContent[], at: Node['position']): RootContent => ({
  type: 'paragraph',
  data: { hName: 'figcaption' },
  children: [{ type: 'strong', children: [{ type: 'text', value: label }], data: { hName: 'span', hProperties: { className: [CLASS.label] } } }, { type: 'text', value: ' ' }, ...children],
  ...(at ? { position: structuredClone(at) } : {}),
});

/** The directive's label: its `[…]` text. */
export function labelOf(node: Directive): PhrasingContent[] {
  if (node.type === 'leafDirective') return node.children;
  const first = node.children[0];
  return first?.type === 'paragraph' && first.data?.directiveLabel ? first.children : [];
}
