// Figure data files: what a figure is drawn from. Today one kind, `timeline`: dated events in
// lanes. Checked like front matter, each problem at its file, line and field.
import fs from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { z } from 'zod';
import { decodeText } from './decode-text.js';
import { isRealDate } from './front-matter-schema.js';
import { LIMITS } from './input-limits.js';
import { checkYaml, type Path } from './yaml-schema.js';

export const EVENT_KINDS = ['nuclear-test', 'icbm-launch', 'missile-launch', 'sanctions', 'summit'] as const;
export const COUNTERPARTS = ['trump', 'moon', 'xi', 'putin'] as const;

const isoDate = z.string().refine(isRealDate);
const text = z.string().trim().min(1);

const eventSchema = z
  .strictObject({
    date: isoDate,
    end: isoDate.optional(),
    kind: z.enum(EVENT_KINDS),
    with: z.enum(COUNTERPARTS).optional(),
    label: text.max(40),
    source: text,
    verified: z.boolean().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'summit' && !e.with) ctx.addIssue({ code: 'custom', path: ['with'], message: 'summit-needs-with', input: undefined });
    if (e.kind !== 'summit' && e.with) ctx.addIssue({ code: 'custom', path: ['with'], message: 'only-summits', input: e.with });
    if (e.end && e.end < e.date) ctx.addIssue({ code: 'custom', path: ['end'], message: 'end-before-date', input: e.end });
  });

export const timelineSchema = z
  .strictObject({
    kind: z.literal('timeline'),
    start: isoDate,
    end: isoDate,
    events: z.array(eventSchema).min(1),
  })
  .superRefine((t, ctx) => {
    if (t.end <= t.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'end-before-start', input: t.end });
    t.events.forEach((e, i) => {
      if (e.date < t.start || e.date > t.end) ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: 'outside', input: e.date });
    });
  });

export type TimelineData = z.infer<typeof timelineSchema>;
export type TimelineEvent = TimelineData['events'][number];
export type FigureData = TimelineData;

const EXPECTED: Record<string, string> = {
  kind: 'the figure kind: `timeline`',
  start: 'the first day of the time axis, YYYY-MM-DD',
  date: 'the date of the event, YYYY-MM-DD',
  label: 'a short label of at most 40 characters',
  source: 'where the event is documented (publisher, document, date)',
  verified: '`true` or `false`',
  events: 'a list of events',
};

function expected(p: Path, reason: string): string | undefined {
  const field = String([...p].reverse().find((k) => typeof k === 'string') ?? '');
  if (p[0] === 'events' && field === 'kind') return `one of ${EVENT_KINDS.join(', ')}`;
  if (reason === 'outside') return 'a date between the timeline’s `start` and `end`';
  if (field === 'with') return `the counterpart of a summit, one of ${COUNTERPARTS.join(', ')}, on summits only`;
  if (p[0] === 'events' && field === 'end') return 'the last day of a multi-day event, YYYY-MM-DD, not before `date`';
  if (field === 'end') return 'the last day of the time axis, YYYY-MM-DD, after `start`';
  return EXPECTED[field];
}

/** Read and check a figure's data file; problems are returned as messages on that file. */
export function loadFigureData(dataPath: string, cwd: string): { data?: FigureData; messages: VFileMessage[] } {
  const file = new VFile({ path: path.relative(cwd, dataPath), cwd });
  const problem = (reason: string, line: number, column: number, rule: string) => {
    const m = file.message(reason, { place: { line, column }, ruleId: rule, source: 'brief' });
    m.fatal = true;
    return { messages: file.messages };
  };
  const stat = fs.statSync(dataPath);
  if (!stat.isFile()) return problem('figure data is not a file: expected a YAML file', 1, 1, 'figure-data-file');
  if (stat.size > LIMITS.sourceBytes) return problem(`figure data is ${stat.size.toLocaleString('en-US')} bytes, over the limit of ${LIMITS.sourceBytes.toLocaleString('en-US')}: expected a data file of a figure`, 1, 1, 'limit-source-bytes');
  const decoded = decodeText(fs.readFileSync(dataPath), 'figure data');
  if (decoded.text === undefined) {
    for (const p of decoded.problems) problem(p.reason, p.line, p.column, p.rule);
    return { messages: file.messages };
  }
  const textValue = decoded.text;
  const { value } = checkYaml({
    file,
    text: textValue,
    firstLine: 1,
    schema: timelineSchema,
    what: 'figure data',
    rule: 'figure-data',
    expected,
    knownKeys: (p) => (p.length === 0 ? ['kind', 'start', 'end', 'events'] : ['date', 'end', 'kind', 'with', 'label', 'source', 'verified']),
  });
  return { ...(value ? { data: value } : {}), messages: file.messages };
}
