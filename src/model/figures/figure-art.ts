// A figure's graphic and, for data figures, its data table, by the kind of figure. Our own markup,
// added to the model after sanitising (content never supplies it).
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { FigureModel } from '../types.js';
import { CLASS } from '../vocabulary.js';
import { describeTimeline, eventDate, KIND_NAMES, timelineSvg } from './timeline.js';

/** The picture as a data: URI, so the HTML stays one self-contained, sealed file. */
export function imageDataUri(figure: Extract<FigureModel, { kind: 'image' }>): string {
  return `data:${figure.image.mime};base64,${Buffer.from(figure.image.bytes).toString('base64')}`;
}

export function figureArt(figure: FigureModel): Element {
  if (figure.kind === 'image') {
    const { image } = figure;
    // Its natural size in points; stylesheets scale it down to the column (or page) if wider.
    const round = (n: number) => Math.round(n * 100) / 100;
    return h('img', {
      className: [CLASS.image],
      src: imageDataUri(figure),
      alt: figure.alt,
      width: Math.round(image.widthPt / 0.75),
      height: Math.round(image.heightPt / 0.75),
      style: `width:${round(image.widthPt)}pt`,
    });
  }
  switch (figure.data.kind) {
    case 'timeline':
      return timelineSvg(figure.data, { id: figure.id, title: `Figure ${figure.number}. ${figure.caption}`, description: describeTimeline(figure.data) });
  }
}

/** A data figure's data as a table, for readers who cannot see the graphic or want the details. */
export function figureTable(figure: FigureModel): Element | undefined {
  if (figure.kind !== 'data') return undefined;
  const rows = figure.data.events.map((e) =>
    h('tr', [h('td', eventDate(e)), h('td', e.label), h('td', e.kind === 'summit' ? `Summit (${e.with === 'trump' ? 'Trump' : e.with === 'moon' ? 'Moon' : e.with === 'xi' ? 'Xi' : 'Putin'})` : KIND_NAMES[e.kind]), h('td', e.source)]),
  );
  return h('details', { className: [CLASS.figureData] }, [
    h('summary', `The events in Figure ${figure.number}, with sources`),
    h('table', [h('thead', h('tr', [h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Event'), h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col' }, 'Source')])), h('tbody', rows)]),
  ]);
}
