// remark plugin: the table container
//   :::table[Caption]{#tab-1 place="column|span" source="…" widths="88pt 88pt 245pt 67pt 73pt"}
//   | GFM | table |
//   a. A note paragraph.
//   :::
// becomes a numbered <figure class="table-figure">: caption ("Table N." + caption), the table,
// the Source line, and the notes with their labels (a., b., 1., *) hanging. `widths` sets the
// columns as an author sets them in Word (otherwise each writer sizes them to their content).
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Plugin, Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fail } from '../report.js';
import { NEWEST_EDITION } from '../style/edition.js';
import { EDITIONS } from '../style/editions.js';
import { caption, checkAttributes, inlineMarkdown, labelled, labelOf, placementOf } from './numbered-parts.js';
import { CLASS, PROP, SOURCE_LABEL } from './vocabulary.js';

const ATTRIBUTES = ['id', 'place', 'source', 'widths'];
const POINTS_PER = { pt: 1, in: 72, cm: 72 / 2.54, mm: 72 / 25.4 } as const;
const WIDTH = /^(\d+(?:\.\d+)?)(pt|in|cm|mm)$/;

/**
 * `widths="1.2in 1.2in 3.4in 0.9in 1in"`: one width per column, in pt, in, cm or mm, as Word
 * shows them; returned in points (0.1 pt). A table in a column fits the column; one across both
 * columns may reach past the margins (centred) up to the edition's widest table.
 */
function widthsOf(file: VFile, node: ContainerDirective, value: string, columns: number, place: string): number[] | undefined {
  const at = node.position?.start;
  const tokens = value.trim().split(/[\s,]+/).filter(Boolean);
  const bad = tokens.find((t) => !WIDTH.test(t) || Number(WIDTH.exec(t)![1]) <= 0);
  if (bad !== undefined || tokens.length === 0) {
    fail(file, `table: widths="${value}": ${bad !== undefined ? `\`${bad}\` is not a width` : 'no widths'}: expected one width per column with its unit, e.g. widths="1.2in 1.2in 3.4in 0.9in 1in" (pt, in, cm or mm)`, at, 'table-widths');
    return undefined;
  }
  if (tokens.length !== columns) {
    fail(file, `table: widths="${value}" gives ${tokens.length} width${tokens.length === 1 ? '' : 's'} for ${columns} column${columns === 1 ? '' : 's'}: expected one per column`, at, 'table-widths');
    return undefined;
  }
  const points = tokens.map((t) => {
    const [, n, unit] = WIDTH.exec(t)!;
    return Math.round(Number(n) * POINTS_PER[unit as keyof typeof POINTS_PER] * 10) / 10;
  });
  const total = Math.round(points.reduce((a, b) => a + b, 0) * 10) / 10;
  const edition = EDITIONS[file.data.meta?.style ?? NEWEST_EDITION] ?? EDITIONS[NEWEST_EDITION];
  const widest = place === 'span' ? edition.table.maxWidth : edition.page.column;
  if (total > widest) {
    fail(file, `table: widths="${value}" add up to ${total} pt: expected at most ${widest} pt ${place === 'span' ? 'for a table across both columns' : 'for a table in a column (place="span" sets it across both)'}`, at, 'table-widths');
    return undefined;
  }
  return points;
}
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
      const grid = grids[0];
      const widths = attrs.widths !== undefined && attrs.widths !== null && grid?.type === 'table' && place ? widthsOf(file, node, attrs.widths, Math.max(0, ...grid.children.map((r) => r.children.length)), place) : null;
      if (!ok || !source || !place || widths === undefined) return;
      const number = ++count;
      const id = attrs.id || `table-${number}`;

      const notes = body.filter((c): c is Paragraph => c.type === 'paragraph');
      const children: RootContent[] = [caption(`Table ${number}.`, label, node.position), grids[0]!];
      if (source.length > 0) children.push(labelled(CLASS.source, SOURCE_LABEL, source, node.position));
      if (notes.length > 0) children.push({ type: 'blockquote', data: { hName: 'div', hProperties: { className: [CLASS.tableNotes] } }, children: notes.map(note) } as RootContent);
      node.data = { hName: 'figure', hProperties: { id, className: [CLASS.tableFigure], [PROP.place]: place, [PROP.table]: String(number), ...(widths ? { [PROP.widths]: widths.join(' ') } : {}) } };
      node.children = children as never;
    });
  };
};
