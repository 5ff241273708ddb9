// A figure's graphic and its data table, by the kind of its data file. Our own markup, added to
// the model after sanitising (content never supplies it).
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { FigureModel } from '../types.js';
import { describeTimeline, eventDate, KIND_NAMES, timelineSvg } from './timeline.js';

export function figureArt(figure: FigureModel): Element {
  switch (figure.data.kind) {
    case 'timeline':
      return timelineSvg(figure.data, { id: figure.id, title: `Figure ${figure.number}. ${figure.caption}`, description: describeTimeline(figure.data) });
  }
}

/** The figure's data as a table, for readers who cannot see the graphic or want the details. */
export function figureTable(figure: FigureModel): Element {
  const rows = figure.data.events.map((e) =>
    h('tr', [h('td', eventDate(e)), h('td', e.label), h('td', e.kind === 'summit' ? `Summit (${e.with === 'trump' ? 'Trump' : e.with === 'moon' ? 'Moon' : e.with === 'xi' ? 'Xi' : 'Putin'})` : KIND_NAMES[e.kind]), h('td', e.source)]),
  );
  return h('details', { className: ['figure-data'] }, [
    h('summary', `The events in Figure ${figure.number}, with sources`),
    h('table', [h('thead', h('tr', [h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Event'), h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col' }, 'Source')])), h('tbody', rows)]),
  ]);
}
