// rehype plugin, run after sanitising: fills each figure's art slot with the graphic drawn from
// its data file and adds the data as a table. Content never supplies this markup.
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { FigureModel } from './types.js';

export interface FigureRenderers {
  art: (figure: FigureModel) => Element;
  table: (figure: FigureModel) => Element;
}

export const rehypeFigureArt: Plugin<[FigureRenderers], Root> = (renderers) => (tree, file) => {
  const figures = new Map((file.data.figures ?? []).map((f) => [f.id, f]));
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'figure') return;
    for (const child of node.children) {
      if (child.type !== 'element' || typeof child.properties.dataFigureArt !== 'string') continue;
      const figure = figures.get(child.properties.dataFigureArt);
      if (!figure) continue;
      child.children = [renderers.art(figure)];
      node.children.push(renderers.table(figure));
      return 'skip';
    }
  });
};
