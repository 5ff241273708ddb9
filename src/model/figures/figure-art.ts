// The graphic for a figure, by its data. Until a figure kind has its renderer, a plain box of
// the figure's printed size holds its place, labelled with the figure's text alternative.
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { FigureModel } from './types.js';

export function figureArt(figure: FigureModel): Element {
  return h('div', { className: ['figure-placeholder'], role: 'img', ariaLabel: figure.alt });
}
