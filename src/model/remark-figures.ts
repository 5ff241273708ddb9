// remark plugin: `::figure[Caption]{#id data="figures/x.yaml" place="page-top" source="…" alt="…"}`
// becomes a numbered figure (caption above, art slot, source note below). The art itself is
// put in after sanitising, by rehype-figure-art, because it is our own SVG, not content.
import fs from 'node:fs';
import path from 'node:path';
import type { Root, PhrasingContent, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { fail } from '../report.js';
import { loadFigureData, type FigureData } from '../source/figure-data.js';
import type { FigureModel, FigurePlacement } from './types.js';

declare module 'vfile' {
  interface DataMap {
    figures: FigureModel[];
  }
}

const PLACES: FigurePlacement[] = ['column', 'page-top'];
const ATTRIBUTES = ['id', 'data', 'place', 'source', 'alt'];

export const remarkFigures: Plugin<[], Root> = () => (tree, file) => {
  const figures: FigureModel[] = [];
  const briefDir = file.dirname ? path.resolve(file.cwd, file.dirname) : file.cwd;
  visit(tree, 'leafDirective', (node: LeafDirective) => {
    if (node.name !== 'figure') return;
    const attrs = node.attributes ?? {};
    const place = node.position?.start;
    let ok = true;
    const problem = (reason: string, rule: string) => {
      fail(file, reason, place, rule);
      ok = false;
    };
    for (const key of Object.keys(attrs)) {
      if (key === 'class') problem('figure: classes are not used; expected attributes ' + ATTRIBUTES.join(', '), 'figure-attribute');
      else if (!ATTRIBUTES.includes(key)) problem(`figure: unknown attribute \`${key}\`: expected one of ${ATTRIBUTES.join(', ')}`, 'figure-attribute');
    }
    const caption = toString(node).trim();
    if (!caption) problem('figure: missing caption: expected `::figure[Caption text]{…}`', 'figure-caption');
    const dataAttr = attrs.data;
    let dataPath = '';
    if (!dataAttr) problem('figure: missing `data` attribute: expected data="figures/<file>.yaml"', 'figure-data');
    else {
      dataPath = path.resolve(briefDir, dataAttr);
      if (!dataPath.startsWith(briefDir + path.sep)) problem(`figure: data file \`${dataAttr}\` is outside the brief's folder: expected a path under ${path.relative(file.cwd, briefDir)}/`, 'figure-data');
      else if (!fs.existsSync(dataPath)) problem(`figure: data file \`${dataAttr}\` not found (looked for ${path.relative(file.cwd, dataPath)}): expected an existing file`, 'figure-data');
    }
    let data: FigureData | undefined;
    if (ok) {
      const loaded = loadFigureData(dataPath, file.cwd);
      // The data file's own problems name the data file, its line and field.
      for (const m of loaded.messages) file.messages.push(m);
      data = loaded.data;
      if (!data) ok = false;
    }
    const where = (attrs.place ?? 'column') as FigurePlacement;
    if (!PLACES.includes(where)) problem(`figure: place="${attrs.place}" is not known: expected ${PLACES.map((p) => `"${p}"`).join(' or ')}`, 'figure-place');
    if (!ok || !data) return;

    const number = figures.length + 1;
    const id = attrs.id || `figure-${number}`;
    const figure: FigureModel = {
      id,
      number,
      caption,
      ...(attrs.source ? { source: attrs.source } : {}),
      alt: attrs.alt || `Figure ${number}. ${caption}`,
      place: where,
      dataPath,
      data,
    };
    figures.push(figure);

    // Shape the node so that remark-rehype makes <figure> of it; see rehype-figure-art for the art.
    const label: PhrasingContent = { type: 'strong', children: [{ type: 'text', value: `Figure ${number}.` }], data: { hName: 'span', hProperties: { className: ['figure-label'] } } };
    const children: RootContent[] = [
      { type: 'paragraph', data: { hName: 'figcaption' }, children: [label, { type: 'text', value: ' ' }, ...(node.children as PhrasingContent[])] },
      { type: 'paragraph', data: { hName: 'div', hProperties: { className: ['figure-art'], dataFigureArt: id } }, children: [] },
    ];
    if (figure.source) {
      children.push({
        type: 'paragraph',
        data: { hProperties: { className: ['figure-source'] } },
        children: [{ type: 'strong', children: [{ type: 'text', value: 'Source:' }] }, { type: 'text', value: ' ' + figure.source }],
      });
    }
    node.data = { hName: 'figure', hProperties: { id, className: ['figure'], dataPlace: where, dataFigure: String(number) } };
    node.children = children as never;
  });
  file.data.figures = figures;
};
