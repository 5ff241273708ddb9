// Figure 1 from data: the schema and its errors, the SVG drawn from the data, its accessible text
// and data table in the HTML, the alt text in the PDF, the PNG fallback for Word.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../src/model/build-document.js';
import { figureArt } from '../src/model/figures/figure-art.js';
import type { BriefDocument } from '../src/model/types.js';
import { figureImage } from '../src/render/figures/figure-image.js';
import { loadFigureData, type TimelineData } from '../src/source/figure-data.js';
import { pdfAltTexts, pdfText } from './support/pdf-text.js';
import { ROOT, runCli } from './support/run-cli.js';

const DATA = path.join(ROOT, 'content/IF11415/figures/timeline.yaml');

describe('figure data', () => {
  const cases = [
    { name: 'bad-date', at: '9:11', says: /`events\[1\]\.date`: expected the date of the event, YYYY-MM-DD, got "2016-02-30"/ },
    { name: 'unknown-kind', at: '10:11', says: /`events\[1\]\.kind`: expected one of nuclear-test, icbm-launch, missile-launch, sanctions, summit, got "cyberattack"/ },
    { name: 'missing-field', at: '9:5', says: /missing field `events\[1\]\.label`: expected a short label/ },
  ];
  for (const c of cases) {
    it(`${c.name}: fails the build naming the data file, line and field; nothing written`, () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-fig-'));
      const r = runCli(['build', '--content', path.join(ROOT, 'tests/fixtures/bad-figure', c.name), '--out', out, '--format', 'html,pdf']);
      expect(r.status).toBe(1);
      const errors = r.stderr.split('\n').filter((l) => l.includes(': error: '));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(`bad-figure/${c.name}/IF10004/figures/timeline.yaml:${c.at}: error: `);
      expect(errors[0]).toMatch(c.says);
      expect(fs.readdirSync(out)).toEqual([]);
    });
  }

  it('checks summits name their counterpart, other events do not, and dates fall in the axis', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-figdata-'));
    const file = path.join(dir, 'timeline.yaml');
    fs.writeFileSync(
      file,
      [
        'kind: timeline',
        'start: 2016-01-01',
        'end: 2019-12-31',
        'events:',
        '  - {date: 2018-06-12, kind: summit, label: Singapore, source: White House}',
        '  - {date: 2017-07-04, kind: icbm-launch, with: trump, label: Hwasong-14, source: JCS}',
        '  - {date: 2020-01-01, kind: sanctions, label: Later, source: UN}',
        '',
      ].join('\n'),
    );
    const { data, messages } = loadFigureData(file, dir);
    expect(data).toBeUndefined();
    expect(messages.map((m) => `${m.line}: ${m.reason}`)).toEqual([
      expect.stringMatching(/^5: missing field `events\[0\]\.with`: expected the counterpart of a summit/),
      expect.stringMatching(/^6: `events\[1\]\.with`: expected the counterpart of a summit, one of trump, moon, xi, putin, on summits only/),
      expect.stringMatching(/^7: `events\[2\]\.date`: expected a date between the timeline’s `start` and `end`, got "2020-01-01"/),
    ]);
  });

  it('the real data is valid, sorted, and every event names its source', () => {
    const { data, messages } = loadFigureData(DATA, ROOT);
    expect(messages).toEqual([]);
    const events = data!.events;
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
    for (const e of events) expect(e.source.length).toBeGreaterThan(5);
    const dates = (kind: string) => events.filter((e) => e.kind === kind).map((e) => e.date);
    expect(dates('nuclear-test')).toEqual(['2016-01-06', '2016-09-09', '2017-09-03']);
    expect(dates('icbm-launch')).toEqual(['2017-07-04', '2017-07-28', '2017-11-29']);
    expect(dates('sanctions')).toEqual(['2016-03-02', '2016-11-30', '2017-06-02', '2017-08-05', '2017-09-11', '2017-12-22']);
    expect(dates('missile-launch')).toEqual(expect.arrayContaining(['2016-02-07', '2016-08-24', '2017-05-14', '2017-08-29', '2017-09-15', '2019-05-04', '2019-10-02', '2019-11-28']));
    expect(events.filter((e) => e.kind === 'summit')).toHaveLength(12);
  });
});

describe('timeline SVG', () => {
  let doc: BriefDocument;
  let svg: Element;
  let data: TimelineData;
  beforeAll(async () => {
    doc = await buildDocument(DATA.replace('figures/timeline.yaml', 'brief.md'), ROOT);
    svg = figureArt(doc.figures[0]!);
    data = parse(fs.readFileSync(DATA, 'utf8')) as TimelineData;
  });

  it('draws one marker per event, by kind, with its date', () => {
    const drawn = selectAll('g.event', svg).map((g) => `${String(g.properties.dataKind)} ${String(g.properties.dataDate)}`);
    expect(drawn.sort()).toEqual(data.events.map((e) => `${e.kind} ${e.date}`).sort());
  });

  it('has an axis with the years and quarters, lanes and a legend', () => {
    const texts = selectAll('text', svg).map((t) => toText(t));
    expect(texts).toEqual(expect.arrayContaining(['2016', '2017', '2018', '2019', 'Q2', 'Q3', 'Q4']));
    expect(texts).toEqual(expect.arrayContaining(['Nuclear tests', 'ICBM launches', 'UNSC sanctions', 'Xi–Kim', 'Nuclear test', 'Summit with Kim Jong-un']));
    expect(texts).toEqual(expect.arrayContaining(['2270', '2397', 'Singapore', 'Hanoi']));
  });

  it('has a title and a description that carries the data in words', () => {
    expect(toText(select('title', svg)!)).toMatch(/^Figure 1\. Timeline of North Korean Ballistic Missile/);
    const desc = toText(select('desc', svg)!);
    expect(desc).toMatch(/Nuclear tests \(3\): January 6, 2016; September 9, 2016; September 3, 2017\./);
    expect(desc).toMatch(/sanctions resolutions \(6\): 2270 \(March 2, 2016\)/);
    expect(desc).toMatch(/President Trump, June 12, 2018; February 27–28, 2019; June 30, 2019/);
    expect(svg.properties.role).toBe('img');
  });

  it('is the same bytes from the same data', async () => {
    const again = figureArt((await buildDocument(DATA.replace('figures/timeline.yaml', 'brief.md'), ROOT)).figures[0]!);
    expect(toHtml(again, { space: 'svg' })).toBe(toHtml(svg, { space: 'svg' }));
  });

  it('changes when the data changes: an analyst edits the file, the drawing follows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-edit-'));
    fs.cpSync(path.join(ROOT, 'content/IF11415'), path.join(dir, 'IF11415'), { recursive: true });
    const file = path.join(dir, 'IF11415/figures/timeline.yaml');
    fs.appendFileSync(file, '  - date: 2019-12-07\n    kind: missile-launch\n    label: Engine test stand\n    source: KCNA\n');
    const edited = figureArt((await buildDocument(path.join(dir, 'IF11415/brief.md'), dir)).figures[0]!);
    expect(selectAll('g.event', edited)).toHaveLength(data.events.length + 1);
    expect(select('g.event[data-date="2019-12-07"]', edited)).toBeTruthy();
  });

  it('rasterises to a 300 dpi PNG for Word, in our fonts', async () => {
    const image = await figureImage(doc.figures[0]!);
    expect(Buffer.from(image.png.subarray(1, 4)).toString()).toBe('PNG');
    const width = Buffer.from(image.png).readUInt32BE(16);
    expect(width).toBe(Math.round((image.widthPt / 72) * 300));
    expect(image.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});

describe('Figure 1 in the outputs', () => {
  let html: string;
  let pdfPath: string;
  beforeAll(() => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-figout-'));
    expect(runCli(['build', 'IF11415', '--format', 'html,pdf', '--out', out]).status).toBe(0);
    html = fs.readFileSync(path.join(out, 'IF11415/1/IF11415.html'), 'utf8');
    pdfPath = path.join(out, 'IF11415/1/IF11415.pdf');
  });

  it('HTML: inline SVG in the figure, and the events as a table in a details element', () => {
    const tree = fromHtml(html);
    expect(select('figure#timeline .figure-art > svg.timeline', tree)).toBeTruthy();
    const rows = selectAll('figure#timeline details.figure-data tbody tr', tree);
    const data = parse(fs.readFileSync(DATA, 'utf8')) as TimelineData;
    expect(rows).toHaveLength(data.events.length);
    expect(toText(rows[0]!)).toMatch(/January 6, 2016\s*Fourth nuclear test\s*Nuclear test/);
    expect(select('figure#timeline details > summary', tree)).toBeTruthy();
  });

  it('PDF: the figure is drawn as vectors and tagged with its text alternative', () => {
    const alt = pdfAltTexts(pdfPath).find((a) => a.startsWith('Figure 1.'));
    expect(alt).toMatch(/^Figure 1\. Timeline of North Korean Ballistic Missile and Nuclear Tests/);
    expect(alt).toMatch(/Nuclear tests \(3\): January 6, 2016; September 9, 2016; September 3, 2017\./);
    // Vectors, not a picture: the lane names are text on page 2.
    expect(pdfText(pdfPath, 2)).toMatch(/Other ballistic missiles/);
  });
});
