// remark plugin: the table container
//   :::table[Caption]{#tab-1 place="column|span" source="…"}
//   | GFM | table |
//   a. A note paragraph.
//   :::
// becomes a numbered <figure class="table-figure">: caption ("Table N." + caption), the table,
// the Source line, and the notes with their labels (a., b., 1., *) hanging.
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Plugin, Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { fail } from '../report.js';
import { caption, checkAttributes, inlineMarkdown, labelled, labelOf, placementOf } from './numbered-parts.js';
import { CLASS, PROP, SOURCE_LABEL } from './vocabulary.js';

const ATTRIBUTES = ['id', 'place', 'source'];
/** A note's label: a letter, a number or asterisks/daggers, then a period or a closing parenthesis. */
const NOTE_LABEL = /^([a-z]{1,2}|\d{1,2}|[*†‡§]{1,3})[.)]\s+/;

/** A note paragraph with its label split off into a hanging span. */
function note(p: Paragraph): RootContent {
  const first = p.children[0];
  const m = first?.type === 'text' ? NOTE_LABEL.exec(first.value) : null;
  const children: PhrasingContent[] = [...p.children];
  if (m && first?.type === 'text') {
    children[0] = { ...first, value: first.value.slice(m[0].length) };
    children.unshift({ type: 'text', value: ' ' });
    children.unshift({ type: 'emphasis', children: [{ type: 'text', value: m[0].trimEnd() }], data: { hName: 'span', hProperties: { className: [CLASS.noteLabel] } } });
  }
  return { ...p, children, data: { hProperties: { className: [CLASS.tableNote] } } };
}

export const remarkTables: Plugin<[], Root> = function (this: Processor) {
  const processor = this;
  return (tree, file) => {
    let count = 0;
    visit(tree, 'containerDirective', (node: ContainerDirective) => {
      if (node.name !== 'table') return;
      const attrs = node.attributes ?? {};
      const at = node.position?.start;
      let ok = checkAttributes(file, node, 'table', ATTRIBUTES);
      const label = labelOf(node);
      const captionText = toString({ type: 'paragraph', children: label }).trim();
      if (!captionText) {
        fail(file, 'table: missing caption: expected `:::table[Caption text]{…}`', at, 'table-caption');
        ok = false;
      }
      const place = placementOf(file, node, 'table', ['column', 'span']);
      if (!place) ok = false;
      const body = node.children.filter((c) => !(c.type === 'paragraph' && c.data?.directiveLabel));
      const grids = body.filter((c) => c.type === 'table');
      if (grids.length !== 1) {
        fail(file, `table: ${grids.length === 0 ? 'no table inside' : `${grids.length} tables inside`}: expected one GFM table (a header row, a delimiter row, body rows), then the notes`, at, 'table-content');
        ok = false;
      }
      const stray = body.find((c) => c.type !== 'table' && c.type !== 'paragraph');
      if (stray) {
        fail(file, `table: a ${stray.type} inside the table container: expected one GFM table and note paragraphs (\`a. …\`)`, stray.position?.start ?? at, 'table-content');
        ok = false;
      }
      const source = attrs.source ? inlineMarkdown(processor, file, node, 'table', 'source', attrs.source) : [];
      if (!ok || !source || !place) return;
      const number = ++count;
      const id = attrs.id || `table-${number}`;

      const notes = body.filter((c): c is Paragraph => c.type === 'paragraph');
      const children: RootContent[] = [caption(`Table ${number}.`, label, node.position), grids[0]!];
      if (source.length > 0) children.push(labelled(CLASS.source, SOURCE_LABEL, source, node.position));
      if (notes.length > 0) children.push({ type: 'blockquote', data: { hName: 'div', hProperties: { className: [CLASS.tableNotes] } }, children: notes.map(note) } as RootContent);
      node.data = { hName: 'figure', hProperties: { id, className: [CLASS.tableFigure], [PROP.place]: place, [PROP.table]: String(number) } };
      node.children = children as never;
    });
  };
};
