// rehype plugin, run after sanitising: fills each figure's art slot with the graphic our own
// figure renderers make from the figure's data file. Content never supplies this markup.
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { FigureModel } from './types.js';

export type FigureArt = (figure: FigureModel) => Element;

export const rehypeFigureArt: Plugin<[FigureArt], Root> = (art) => (tree, file) => {
  const figures = new Map((file.data.figures ?? []).map((f) => [f.id, f]));
  visit(tree, 'element', (node) => {
    const id = node.properties?.dataFigureArt;
    if (typeof id !== 'string') return;
    const figure = figures.get(id);
    if (figure) node.children = [art(figure)];
  });
};
