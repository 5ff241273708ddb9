// A brief as a flat list of labelled blocks (metadata, headings, paragraphs, list items, figure
// captions, source notes, figure data), the unit in which two versions are compared. Shared by
// the HTML redline and the tracked-changes DOCX.
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { eventDate, KIND_NAMES } from '../../model/figures/timeline.js';
import type { BriefDocument } from '../../model/types.js';
import { hasClass } from '../../model/hast-utils.js';

export type BlockKind = 'metadata' | 'heading' | 'paragraph' | 'item' | 'caption' | 'source' | 'row' | 'figure-data';

export interface Block {
  kind: BlockKind;
  /** What the block is, for people: "Title", "Heading", "Paragraph", "List item"… */
  label: string;
  /** Heading level for headings (2–4), else 0. */
  level: number;
  text: string;
  /** The element the block was read from (body blocks), so a renderer can find it again. */
  node?: Element;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

const BLOCK_TAGS = new Set(['p', 'ul', 'ol', 'table', 'figure', 'blockquote', 'pre', 'div', 'section', 'h2', 'h3', 'h4', 'h5', 'h6']);

function fromBody(nodes: ElementContent[], out: Block[], inItem = false): void {
  const push = (node: Element, kind: BlockKind, label: string, level = 0, text = norm(toText(node))) => out.push({ kind, label, level, text, node });
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const t = node.tagName;
    if (/^h[2-6]$/.test(t)) push(node, 'heading', 'Heading', Number(t[1]));
    // A list item is one block, or one per paragraph when it holds paragraphs (as Word sees it).
    else if (t === 'li' && node.children.some((c) => c.type === 'element' && BLOCK_TAGS.has(c.tagName))) fromBody(node.children, out, true);
    else if (t === 'li') push(node, 'item', 'List item');
    else if (t === 'figcaption') push(node, 'caption', 'Figure caption');
    else if (t === 'p' && hasClass(node, 'figure-source')) push(node, 'source', 'Figure source');
    else if (t === 'tr') push(node, 'row', 'Table row', 0, norm(toText(node, { whitespace: 'pre' }).replace(/\t/g, ' | ')));
    else if (t === 'p') push(node, inItem ? 'item' : 'paragraph', inItem ? 'List item' : 'Paragraph');
    else if (t === 'div' && hasClass(node, 'figure-art')) continue;
    else if (t === 'details' && hasClass(node, 'figure-data')) continue;
    else fromBody(node.children, out, inItem);
  }
}

export function briefBlocks(doc: BriefDocument): Block[] {
  const m = doc.meta;
  const blocks: Block[] = [
    { kind: 'metadata', label: 'Title', level: 0, text: m.title },
    { kind: 'metadata', label: 'Date', level: 0, text: `${m.status === 'updated' ? 'Updated ' : ''}${doc.displayDate}` },
    { kind: 'metadata', label: 'Version', level: 0, text: `${m.product} · VERSION ${m.version} · ${m.status.toUpperCase()}` },
    ...m.authors.map((a): Block => ({ kind: 'metadata', label: 'Author', level: 0, text: `${a.name}, ${a.title}` })),
  ];
  fromBody((doc.body as Root).children as ElementContent[], blocks);
  for (const f of doc.figures) {
    if (f.kind !== 'data') continue;
    for (const e of f.data.events) {
      blocks.push({ kind: 'figure-data', label: `Figure ${f.number} data`, level: 0, text: `${eventDate(e)}: ${e.label} (${KIND_NAMES[e.kind]}${e.with ? `, ${e.with}` : ''})` });
    }
  }
  return blocks;
}
