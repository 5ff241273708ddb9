// rehype plugin, run after sanitising: fills each figure's art slot with its graphic: the SVG
// drawn from its data file (and the data as a table), or the checked picture as an <img> with
// its natural size. Content never supplies this markup.
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { FigureModel } from './types.js';
import { PROP } from './vocabulary.js';

export interface FigureRenderers {
  art: (figure: FigureModel) => Element;
  table: (figure: FigureModel) => Element | undefined;
}

export const rehypeFigureArt: Plugin<[FigureRenderers], Root> = (renderers) => (tree, file) => {
  const figures = new Map((file.data.figures ?? []).map((f) => [f.id, f]));
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'figure') return;
    for (const child of node.children) {
      if (child.type !== 'element' || typeof child.properties[PROP.figureArt] !== 'string') continue;
      const figure = figures.get(child.properties[PROP.figureArt] as string);
      if (!figure) continue;
      child.children = [renderers.art(figure)];
      const table = renderers.table(figure);
      if (table) node.children.push(table);
      return 'skip';
    }
  });
};
