// A brief as a flat list of labelled blocks (metadata, headings, paragraphs, list items, figure
// captions, source notes, figure data), the unit in which two versions are compared. Shared by
// the HTML redline and the tracked-changes DOCX.
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { eventDate, KIND_NAMES } from '../../model/figures/timeline.js';
import type { BriefDocument } from '../../model/types.js';

export type BlockKind = 'metadata' | 'heading' | 'paragraph' | 'item' | 'caption' | 'source' | 'row' | 'figure-data';

export interface Block {
  kind: BlockKind;
  /** What the block is, for people: "Title", "Heading", "Paragraph", "List item"… */
  label: string;
  /** Heading level for headings (2–4), else 0. */
  level: number;
  text: string;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const hasClass = (el: Element, c: string) => Array.isArray(el.properties.className) && el.properties.className.includes(c);

function fromBody(nodes: ElementContent[], out: Block[], inItem = false): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const t = node.tagName;
    if (/^h[2-6]$/.test(t)) out.push({ kind: 'heading', label: 'Heading', level: Number(t[1]), text: norm(toText(node)) });
    else if (t === 'li') out.push({ kind: 'item', label: 'List item', level: 0, text: norm(toText(node)) });
    else if (t === 'figcaption') out.push({ kind: 'caption', label: 'Figure caption', level: 0, text: norm(toText(node)) });
    else if (t === 'p' && hasClass(node, 'figure-source')) out.push({ kind: 'source', label: 'Figure source', level: 0, text: norm(toText(node)) });
    else if (t === 'tr') out.push({ kind: 'row', label: 'Table row', level: 0, text: norm(toText(node, { whitespace: 'pre' }).replace(/\t/g, ' | ')) });
    else if (t === 'p' && !inItem) out.push({ kind: 'paragraph', label: 'Paragraph', level: 0, text: norm(toText(node)) });
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
    for (const e of f.data.events) {
      blocks.push({ kind: 'figure-data', label: `Figure ${f.number} data`, level: 0, text: `${eventDate(e)}: ${e.label} (${KIND_NAMES[e.kind]}${e.with ? `, ${e.with}` : ''})` });
    }
  }
  return blocks;
}
