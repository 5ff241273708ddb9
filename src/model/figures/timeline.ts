// A timeline figure drawn as SVG (hast, so HTML, PDF and the DOCX image share one drawing):
// a year/quarter axis, one lane per kind of event (summits one lane per counterpart), a legend.
// Sizes are in points at print size; the same data always gives the same markup.
import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import type { TimelineData, TimelineEvent } from '../../source/figure-data.js';
import { dateParts, displayDate, monthName } from '../dates.js';

export const TIMELINE_WIDTH = 496.8;
export const TIMELINE_HEIGHT = 128;

const BLUE = '#336A91';
const NAVY = '#1B3A57';
const LIGHT = '#7FA6C6';
const BAND = '#EEF3F7';
const FONT = 'Cabin, sans-serif';

interface Lane {
  key: string;
  label: string;
  match: (e: TimelineEvent) => boolean;
  height: number;
}

const LANES: Lane[] = [
  { key: 'nuclear', label: 'Nuclear tests', match: (e) => e.kind === 'nuclear-test', height: 11 },
  { key: 'icbm', label: 'ICBM launches', match: (e) => e.kind === 'icbm-launch', height: 11 },
  { key: 'missile', label: 'Other ballistic missiles', match: (e) => e.kind === 'missile-launch', height: 11 },
  { key: 'sanctions', label: 'UNSC sanctions', match: (e) => e.kind === 'sanctions', height: 11 },
  { key: 'trump', label: 'Summits: Trump–Kim', match: (e) => e.kind === 'summit' && e.with === 'trump', height: 11 },
  { key: 'moon', label: 'Moon–Kim', match: (e) => e.kind === 'summit' && e.with === 'moon', height: 11 },
  { key: 'xi', label: 'Xi–Kim', match: (e) => e.kind === 'summit' && e.with === 'xi', height: 11 },
  { key: 'putin', label: 'Putin–Kim', match: (e) => e.kind === 'summit' && e.with === 'putin', height: 11 },
];

const PLOT_LEFT = 100;
const PLOT_RIGHT = TIMELINE_WIDTH - 4;
const LEGEND_HEIGHT = 13;

const n = (v: number) => String(Math.round(v * 100) / 100);
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function marker(kind: TimelineEvent['kind'], x: number, y: number): Element {
  switch (kind) {
    case 'nuclear-test':
      return s('circle', { cx: n(x), cy: n(y), r: '3.3', fill: NAVY });
    case 'icbm-launch':
      return s('path', { d: `M${n(x)} ${n(y - 3.6)}L${n(x + 3.4)} ${n(y + 2.6)}L${n(x - 3.4)} ${n(y + 2.6)}Z`, fill: BLUE });
    case 'missile-launch':
      return s('path', { d: `M${n(x)} ${n(y - 3)}L${n(x + 2.6)} ${n(y + 2.2)}L${n(x - 2.6)} ${n(y + 2.2)}Z`, fill: 'white', stroke: BLUE, strokeWidth: '0.7' });
    case 'sanctions':
      return s('rect', { x: n(x - 2.5), y: n(y - 2.5), width: '5', height: '5', fill: LIGHT, stroke: BLUE, strokeWidth: '0.5' });
    case 'summit':
      return s('path', { d: `M${n(x)} ${n(y - 3.3)}L${n(x + 3.3)} ${n(y)}L${n(x)} ${n(y + 3.3)}L${n(x - 3.3)} ${n(y)}Z`, fill: BLUE });
  }
}

const LEGEND: [TimelineEvent['kind'], string][] = [
  ['nuclear-test', 'Nuclear test'],
  ['icbm-launch', 'ICBM launch'],
  ['missile-launch', 'Other ballistic missile launch'],
  ['sanctions', 'UN Security Council sanctions resolution'],
  ['summit', 'Summit with Kim Jong-un'],
];
/** Advance of the legend's 6.5 pt Cabin, per character, generous enough to never collide. */
const LEGEND_CHAR = 3.2;

const text = (x: number, y: number, value: string, props: Record<string, string> = {}): Element =>
  s('text', { x: n(x), y: n(y), fontFamily: FONT, fontSize: '6.5', fill: '#000', ...props }, value);

function shortLabel(e: TimelineEvent): string | undefined {
  if (e.kind === 'sanctions') return e.label.replace(/^UNSCR\s*/, '');
  if (e.kind === 'nuclear-test') return e.label.replace(/ nuclear test$/i, '');
  if (e.kind === 'summit' && e.with === 'trump') return e.label.split(', ').pop();
  return undefined;
}

export interface TimelineOptions {
  id: string;
  title: string;
  description: string;
}

export function timelineSvg(data: TimelineData, o: TimelineOptions): Element {
  const t0 = day(data.start);
  const t1 = day(data.end) + 1;
  const x = (iso: string) => PLOT_LEFT + ((day(iso) - t0) / (t1 - t0)) * (PLOT_RIGHT - PLOT_LEFT);
  const children: ElementContent[] = [s('title', { id: `${o.id}-title` }, o.title), s('desc', { id: `${o.id}-desc` }, o.description)];

  // Legend across the top.
  const legendWidth = LEGEND.reduce((w, [, label]) => w + 9 + label.length * LEGEND_CHAR + 8, -8);
  let lx = PLOT_RIGHT - legendWidth;
  for (const [kind, label] of LEGEND) {
    children.push(marker(kind, lx + 3.5, 5.5), text(lx + 9, 8, label));
    lx += 9 + label.length * LEGEND_CHAR + 8;
  }

  const top = LEGEND_HEIGHT + 3;
  const bottom = top + LANES.reduce((sum, l) => sum + l.height, 0);
  const firstYear = Number(data.start.slice(0, 4));
  const lastYear = Number(data.end.slice(0, 4));

  // Alternate year bands and quarter ticks under the lanes.
  for (let year = firstYear; year <= lastYear; year++) {
    const a = x(`${year}-01-01`);
    const b = year === lastYear ? PLOT_RIGHT : x(`${year + 1}-01-01`);
    if ((year - firstYear) % 2 === 0) children.push(s('rect', { x: n(a), y: n(top), width: n(b - a), height: n(bottom - top), fill: BAND }));
    children.push(s('text', { x: n((a + b) / 2), y: n(bottom + 15), fontFamily: FONT, fontSize: '8', fontWeight: '700', fill: '#000', textAnchor: 'middle' }, String(year)));
    for (let q = 0; q < 4; q++) {
      const qx = x(`${year}-${String(q * 3 + 1).padStart(2, '0')}-01`);
      children.push(s('line', { x1: n(qx), y1: n(bottom), x2: n(qx), y2: n(bottom + (q === 0 ? 5 : 2.5)), stroke: '#000', strokeWidth: q === 0 ? '0.6' : '0.4' }));
      if (q > 0) children.push(s('text', { x: n(qx), y: n(bottom + 7.5), fontFamily: FONT, fontSize: '4.8', fill: '#555', textAnchor: 'middle' }, `Q${q + 1}`));
    }
  }
  children.push(s('line', { x1: n(PLOT_LEFT), y1: n(bottom), x2: n(PLOT_RIGHT), y2: n(bottom), stroke: '#000', strokeWidth: '0.6' }));

  // Lanes: label at the left, a hairline, the events.
  let y = top;
  for (const lane of LANES) {
    const cy = y + lane.height - 5.5;
    children.push(
      text(PLOT_LEFT - 4, cy + 2.3, lane.label, { textAnchor: 'end', fontWeight: lane.key === 'trump' || LANES.indexOf(lane) < 4 ? '700' : '400' }),
      s('line', { x1: n(PLOT_LEFT), y1: n(cy), x2: n(PLOT_RIGHT), y2: n(cy), stroke: '#C8D6E2', strokeWidth: '0.4' }),
    );
    const events = data.events.filter(lane.match);
    let lastLabelEnd = -Infinity;
    let raised = false;
    for (const e of events) {
      const ex = x(e.date);
      // Each event is a group with its own title: a tooltip on screen, a name for assistive tech.
      const parts: ElementContent[] = [s('title', `${e.label}, ${eventDate(e)}`)];
      if (e.end) parts.push(s('line', { x1: n(ex), y1: n(cy), x2: n(x(e.end)), y2: n(cy), stroke: BLUE, strokeWidth: '2' }));
      parts.push(marker(e.kind, ex, cy));
      children.push(s('g', { className: ['event'], dataKind: e.kind, dataDate: e.date }, parts));
      const label = shortLabel(e);
      if (label) {
        if (lane.key === 'sanctions') {
          // Numbers under the squares (the summit lanes below are empty in these years); a close
          // neighbour's goes lower, so none overlap.
          const width = label.length * 3.3;
          raised = ex - width / 2 < lastLabelEnd + 1 ? !raised : false;
          children.push(text(ex, cy + (raised ? 13 : 7.5), label, { textAnchor: 'middle', fontSize: '5.5' }));
          lastLabelEnd = ex + width / 2;
        } else {
          children.push(text(ex + 5, cy + 2.3, label, { fontSize: '6' }));
        }
      }
    }
    y += lane.height;
  }

  return s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${TIMELINE_WIDTH} ${TIMELINE_HEIGHT}`,
      width: `${TIMELINE_WIDTH}pt`,
      height: `${TIMELINE_HEIGHT}pt`,
      role: 'img',
      ariaLabelledBy: `${o.id}-title ${o.id}-desc`,
      className: ['timeline'],
    },
    children,
  );
}

/** "February 27–28, 2019", "September 9, 2016". */
export function eventDate(e: Pick<TimelineEvent, 'date' | 'end'>): string {
  if (!e.end || e.end === e.date) return displayDate(e.date);
  const a = dateParts(e.date);
  const b = dateParts(e.end);
  if (a.y === b.y && a.m === b.m) return `${monthName(a.m)} ${a.d}–${b.d}, ${a.y}`;
  return `${displayDate(e.date)}–${displayDate(e.end)}`;
}

export const KIND_NAMES: Record<TimelineEvent['kind'], string> = {
  'nuclear-test': 'Nuclear test',
  'icbm-launch': 'ICBM launch',
  'missile-launch': 'Other ballistic missile launch',
  sanctions: 'UN Security Council sanctions resolution',
  summit: 'Summit',
};

/** The timeline in words: the SVG's description and the figure's text alternative. */
export function describeTimeline(data: TimelineData): string {
  const of = (kind: TimelineEvent['kind']) => data.events.filter((e) => e.kind === kind);
  const list = (events: TimelineEvent[], fmt: (e: TimelineEvent) => string) => events.map(fmt).join('; ');
  const missiles = of('missile-launch');
  const years = [...new Set(missiles.map((e) => e.date.slice(0, 4)))];
  const summits = of('summit');
  const counterpart = { trump: 'President Trump', moon: 'President Moon', xi: 'President Xi', putin: 'President Putin' } as const;
  return [
    `Timeline from ${eventDate({ date: data.start })} to ${eventDate({ date: data.end })}.`,
    `Nuclear tests (${of('nuclear-test').length}): ${list(of('nuclear-test'), eventDate)}.`,
    `ICBM launches (${of('icbm-launch').length}): ${list(of('icbm-launch'), (e) => `${eventDate(e)} (${e.label})`)}.`,
    `Other ballistic missile launches on ${missiles.length} days: ${years.map((y) => `${missiles.filter((e) => e.date.startsWith(y)).length} in ${y}`).join(', ')}.`,
    `UN Security Council sanctions resolutions (${of('sanctions').length}): ${list(of('sanctions'), (e) => `${e.label.replace(/^UNSCR /, '')} (${eventDate(e)})`)}.`,
    `Summits with Kim Jong-un (${summits.length}): ${(['trump', 'moon', 'xi', 'putin'] as const)
      .map((w) => `${counterpart[w]}, ${list(summits.filter((e) => e.with === w), eventDate)}`)
      .join('; ')}.`,
  ].join(' ');
}
