// A synthetic catalogue of briefs for the benchmark (`make bench`): N briefs IF90001, IF90002, …
// recombined from the real sources (the dev set's six 2026 briefs and IF11415) with a seeded PRNG,
// so the same seed always gives the same bytes. Each brief is a valid source (`brief check --no-fit`
// passes) built from the real constructs: sections and subsections, paragraphs with links and
// superscripts, bullet and numbered lists, block quotes, some with a figure (the source's figure
// markup and files, with the paragraphs that refer to it) and some with a table (IF12255's table
// markup, a seeded choice of its rows, across both columns or cut down to fit one). Lengths vary
// around what fits two pages (most do; some overflow, as drafts do).
//
//   node --import tsx scripts/generate-catalogue.mts [--count 100] [--seed 1] [--out output/catalogue]
//
// The IF9xxxx range is the generator's own: existing IF9xxxx folders in --out are replaced, so the
// folder holds exactly this catalogue.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The real briefs the catalogue is made from, in a fixed order (the order is part of the seed's meaning). */
const SOURCE_DIRS = [
  'content/IF11415',
  ...['IF11755', 'IF12106', 'IF12255', 'IF12888', 'IF13200', 'IF13205'].map((p) => `tests/fixtures/devset/${p}`),
];

export const FIRST_PRODUCT = 90001;
export const DEFAULT_SEED = 1;
export const DEFAULT_COUNT = 100;

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; ours, so no library change can alter the catalogue. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const randInt = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T,>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
function shuffle<T>(rng: Rng, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

// ---- The sources, cut into reusable pieces -------------------------------------------------------

interface Unit {
  kind: 'para' | 'list' | 'quote' | 'figure' | 'table';
  /** The block's Markdown (for a list, its items' text without the markers). */
  text: string;
  items: string[];
  /** A paragraph that leads into this list or quote ("… noted that"), kept with it. */
  lead?: string;
}
/** A subsection (a `###` heading and its units) or a single unit directly under the section's heading. */
interface Part {
  heading?: string;
  units: Unit[];
}
interface Section {
  source: Source;
  heading?: string;
  parts: Part[];
}
interface Author {
  name: string;
  title: string;
}
interface Source {
  product: string;
  dir: string;
  title: string;
  authors: Author[];
  layout?: Record<string, number>;
  sections: Section[];
}

const HEADING = /^(#{2,4}) (.*)$/;
const ITEM = /^(?:- |\d+\. )/;
const TABLE_REF = /\s*\(See \[\*\*Table \d+\*\*\]\(#[\w-]+\)[^)]*\)/g;
const FIGURE_REF = /\s*\((?:see )?\[\*\*Figure \d+\*\*\]\(#[\w-]+\)(?: and \[\*\*Figure \d+\*\*\]\(#[\w-]+\))?\)/g;

const anchorsOf = (u: Unit) => (u.kind === 'figure' ? [/\{#([\w-]+)/.exec(u.text)?.[1] ?? ''] : []);
const refsOf = (text: string) => [...text.matchAll(/\]\(#([\w-]+)\)/g)].map((m) => m[1]!);
const unitText = (u: Unit) => [u.lead ?? '', u.text, ...u.items].join('\n');
/** Words as printed, roughly: link targets do not count. */
const wordsOf = (text: string) => text.replace(/\]\([^)]*\)/g, ']').split(/\s+/).filter((w) => /\w/.test(w)).length;

/** Blank-line separated blocks; a `:::table` container is one block, blank lines and all. */
function blocksOf(body: string): string[] {
  const blocks: string[] = [];
  let cur: string[] = [];
  let inTable = false;
  const flush = () => {
    if (cur.length > 0) blocks.push(cur.join('\n'));
    cur = [];
  };
  for (const line of body.split('\n')) {
    if (inTable) {
      cur.push(line);
      if (line.trim() === ':::') {
        flush();
        inTable = false;
      }
    } else if (line.trim() === '') flush();
    else {
      // A heading is a block of its own even when the next line follows without a blank line.
      if (HEADING.test(line)) {
        flush();
        blocks.push(line);
        continue;
      }
      if (cur.length === 0 && line.startsWith(':::table')) inTable = true;
      cur.push(line);
    }
  }
  flush();
  return blocks;
}

function readSource(dir: string): Source {
  const text = fs.readFileSync(path.join(ROOT, dir, 'brief.md'), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${dir}/brief.md: no front matter`);
  const fm = parseYaml(m[1]!) as { product: string; title: string; authors: Author[]; layout?: Record<string, number> };
  const source: Source = { product: fm.product, dir, title: fm.title, authors: fm.authors, ...(fm.layout ? { layout: fm.layout } : {}), sections: [] };

  // Blocks → units: consecutive list blocks make one list; a paragraph that does not end a
  // sentence and is followed by a list or quote is its lead-in ("… the ACV as a" + quote).
  const units: (Unit | { heading: string; level: number })[] = [];
  for (const block of blocksOf(m[2]!)) {
    const h = HEADING.exec(block);
    if (h) {
      units.push({ heading: h[2]!, level: h[1]!.length });
      continue;
    }
    const last = units.at(-1);
    const prev = last && !('heading' in last) ? last : undefined;
    if (ITEM.test(block)) {
      const items: string[] = [];
      for (const line of block.split('\n')) {
        if (ITEM.test(line)) items.push(line.replace(ITEM, ''));
        else items[items.length - 1] += '\n' + line.trim();
      }
      if (prev?.kind === 'list') prev.items.push(...items);
      else if (prev?.kind === 'para' && !/[.)”]$/.test(prev.text)) Object.assign(prev, { kind: 'list', lead: prev.text, text: '', items });
      else units.push({ kind: 'list', text: '', items });
    } else if (block.startsWith('>')) {
      if (prev?.kind === 'para' && !/[.)”]$/.test(prev.text)) Object.assign(prev, { kind: 'quote', lead: prev.text, text: block });
      else units.push({ kind: 'quote', text: block, items: [] });
    } else if (block.startsWith('::figure')) units.push({ kind: 'figure', text: block, items: [] });
    else if (block.startsWith(':::table')) units.push({ kind: 'table', text: block, items: [] });
    else units.push({ kind: 'para', text: block, items: [] });
  }

  // Units → sections (at the source's top heading level) → parts (subsections, or single units).
  const top = Math.min(...units.flatMap((u) => ('heading' in u ? [u.level] : [])));
  let section: Section = { source, parts: [] };
  let sub: Part | undefined;
  for (const u of units) {
    if ('heading' in u && u.level <= top) {
      if (section.parts.length > 0 || section.heading) source.sections.push(section);
      section = { source, heading: u.heading, parts: [] };
      sub = undefined;
    } else if ('heading' in u) {
      sub = { heading: u.heading, units: [] };
      section.parts.push(sub);
    } else if (u.kind === 'table') tableSources.push(u.text);
    else if (sub) sub.units.push(u);
    else section.parts.push({ units: [u] });
  }
  source.sections.push(section);
  return source;
}

/** The table markup of the sources (IF12255's), parsed into what a variant needs. */
const tableSources: string[] = [];
interface TableMarkup {
  open: string;
  header: string[];
  align: string[];
  rows: string[][];
  notes: string[];
}
function parseTable(block: string): TableMarkup {
  const lines = block.split('\n');
  const cells = (l: string) => l.replace(/^\|\s*/, '').replace(/\s*\|\s*$/, '').split(/\s*\|\s*/);
  const tableLines = lines.filter((l) => l.startsWith('|'));
  return {
    open: lines[0]!,
    header: cells(tableLines[0]!),
    align: cells(tableLines[1]!),
    rows: tableLines.slice(2).map(cells),
    notes: lines.slice(1, -1).filter((l) => !l.startsWith('|') && l.trim() !== ''),
  };
}

/**
 * A table from the source's markup: the chosen columns and rows (in order); notes kept only for the
 * superscript labels still in the cells, relabelled a, b, c… in order so the labels stay consecutive.
 */
function tableVariant(t: TableMarkup, columns: number[], rows: number[], open: string): string {
  const chosen = rows.map((r) => columns.map((c) => t.rows[r]![c]!));
  const labels = new Map<string, string>();
  for (const row of chosen) for (const cell of row) for (const m of cell.matchAll(/\^([a-z])\^/g)) if (!labels.has(m[1]!)) labels.set(m[1]!, String.fromCharCode(97 + labels.size));
  const relabel = (cell: string) => cell.replace(/\^([a-z])\^/g, (_, l: string) => `^${labels.get(l)}^`);
  const line = (cs: string[]) => `| ${cs.join(' | ')} |`;
  const notes = [...labels].map(([from, to]) => t.notes.find((n) => n.startsWith(`${from}. `))!.replace(/^[a-z]\. /, `${to}. `));
  return [open, line(columns.map((c) => t.header[c]!)), line(columns.map((c) => t.align[c]!)), ...chosen.map((r) => line(r.map(relabel))), ...notes.flatMap((n) => ['', n]), ':::'].join('\n');
}

// ---- One brief -------------------------------------------------------------------------------------

interface Chosen {
  section: Section;
  heading?: string;
  parts: Part[];
}

export interface GeneratedBrief {
  product: string;
  /** The text of brief.md. */
  brief: string;
  /** The figure files to copy: from the source brief's folder (absolute) to this brief's (relative). */
  figureFiles: { from: string; to: string }[];
  figure: boolean;
  table: 'span' | 'column' | null;
  edition: 'in-focus-2020' | 'in-focus-2026';
  words: number;
}

/** What a figure or table takes of the two pages, in words of body text (rough; most briefs should fit). */
const FIGURE_COST: Record<string, number> = { IF11415: 420, IF11755: 430, IF12255: 280, IF13200: 260, IF13205: 270 };

function yamlString(s: string): string {
  return /^[\w .,()’'-]+$/.test(s) && !/^[\s-]|\s$/.test(s) ? s : JSON.stringify(s);
}

function isoDay(start: string, offsetDays: number): string {
  return new Date(Date.parse(start + 'T00:00:00Z') + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function renderUnit(rng: Rng, u: Unit): string {
  const lead = u.lead ? u.lead + '\n\n' : '';
  if (u.kind !== 'list') return lead + u.text;
  // Some lists come out numbered: the dev set has none, and the house style prints both.
  const numbered = rng() < 0.35;
  const items = u.items.map((item, i) => {
    const marker = numbered ? `${i + 1}. ` : '- ';
    return marker + item.split('\n').join('\n' + ' '.repeat(marker.length));
  });
  return lead + items.join('\n');
}

function generateBrief(sources: Source[], table: TableMarkup, seed: number, index: number): GeneratedBrief {
  // One PRNG per brief, seeded from the catalogue's seed and the brief's index: brief k is the same
  // whatever the count, so a 5-brief catalogue is the first five of the 100.
  const rng = mulberry32((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const product = `IF${FIRST_PRODUCT + index}`;
  const edition = rng() < 0.15 ? 'in-focus-2020' : 'in-focus-2026';

  // A figure (with the section it sits in) and/or a table; the first two briefs carry one each so
  // that even a small catalogue has both.
  const figureSources = sources.filter((s) => s.sections.some((sec) => sec.parts.some((p) => p.units.some((u) => u.kind === 'figure'))));
  const figureSource = index === 0 || rng() < 0.45 ? pick(rng, figureSources) : null;
  const tableKind: 'span' | 'column' | null = index === 1 ? 'column' : rng() < 0.3 ? (rng() < 0.4 ? 'span' : 'column') : null;

  let budget = randInt(rng, 1000, 1500);
  if (figureSource) budget -= FIGURE_COST[figureSource.product] ?? 300;
  let tableMd = '';
  if (tableKind) {
    const all = table.rows.map((_, i) => i);
    if (tableKind === 'span') {
      const rows = shuffle(rng, all).slice(0, randInt(rng, 3, all.length)).sort((a, b) => a - b);
      tableMd = tableVariant(table, table.header.map((_, i) => i), rows, table.open);
      budget -= 120 + rows.length * 55;
    } else {
      // Program, funding, participation: three columns that fit one column (241.2 pt).
      const rows = shuffle(rng, all).slice(0, randInt(rng, 3, 5)).sort((a, b) => a - b);
      tableMd = tableVariant(table, [0, 3, 4], rows, table.open.replace(/place="span" widths="[^"]*"/, 'place="column" widths="110pt 62pt 66pt"'));
      budget -= 100 + rows.length * 30;
    }
  }

  // A part's units, with figures only from the chosen figure source and references only to the
  // figures and table this brief has (a "(see Figure 1)" to one left out is dropped; a paragraph
  // that still refers to one is left out).
  const anchors = new Set(figureSource ? figureSource.sections.flatMap((s) => s.parts.flatMap((p) => p.units.flatMap(anchorsOf))) : []);
  const usable = (s: Source, u: Unit): Unit | null => {
    if (u.kind === 'figure') return s === figureSource ? u : null;
    const strip = (t: string) => {
      const r = s === figureSource ? t : t.replace(FIGURE_REF, '');
      return tableKind ? r : r.replace(TABLE_REF, '');
    };
    const v = { ...u, text: strip(u.text), items: u.items.map(strip), ...(u.lead ? { lead: strip(u.lead) } : {}) };
    // The table is always Table 1 (#tab-1), as the source's is.
    return refsOf(unitText(v)).every((r) => (r === 'tab-1' && tableKind) || (s === figureSource && anchors.has(r))) ? v : null;
  };
  const forcedPart = (s: Section, p: Part) => s.source === figureSource && p.units.some((u) => u.kind === 'figure' || refsOf(unitText(u)).some((r) => anchors.has(r)));
  const partWords = (p: Part) => p.units.reduce((n, u) => n + (u.kind === 'figure' ? 0 : wordsOf(unitText(u))), 0);

  function instantiate(section: Section, room: number): Chosen | null {
    const parts: Part[] = [];
    for (const p of section.parts) {
      const forced = forcedPart(section, p);
      if (!forced && rng() < 0.25) continue;
      const units = p.units.flatMap((u, i) => {
        const v = usable(section.source, u);
        // Within a subsection, drop the odd unit (never the first, never a figure or its paragraph).
        return v && (forced || i === 0 || rng() < 0.8) ? [v] : [];
      });
      // A subsection needs text under its heading; a figure may stand alone (it is its own part).
      if (units.some((u) => u.kind !== 'figure') || (!p.heading && units.length > 0)) parts.push({ ...(p.heading ? { heading: p.heading } : {}), units });
    }
    if (!parts.some((p) => p.units.some((u) => u.kind !== 'figure'))) return null;
    // Too long for the room left: drop trailing parts that are not forced.
    let words = parts.reduce((n, p) => n + partWords(p), 0);
    for (let i = parts.length - 1; i > 0 && words > room + 100; i--) {
      if (forcedPart(section, parts[i]!)) continue;
      words -= partWords(parts[i]!);
      parts.splice(i, 1);
    }
    return parts.length > 0 ? { section, ...(section.heading ? { heading: section.heading } : {}), parts } : null;
  }

  const chosen: Chosen[] = [];
  const used = new Set<string>();
  let words = 0;
  const add = (c: Chosen | null, at = chosen.length) => {
    if (!c) return;
    chosen.splice(at, 0, c);
    if (c.heading) used.add(c.heading);
    words += c.parts.reduce((n, p) => n + partWords(p), 0);
  };
  const all = sources.flatMap((s) => s.sections);
  const figureSection = figureSource?.sections.find((sec) => sec.parts.some((p) => forcedPart(sec, p)));
  if (figureSection) add(instantiate(figureSection, Infinity));
  for (const section of shuffle(rng, all)) {
    if (words >= budget - 60) break;
    if (section === figureSection || !section.heading || used.has(section.heading)) continue;
    const c = instantiate(section, budget - words);
    // The figure's section goes early, as figures do in the originals (a page-top figure on page 2).
    add(c, figureSection && chosen.length === 1 && rng() < 0.5 ? 0 : chosen.length);
  }
  // Some open with an untitled paragraph or two, as IF13200 does.
  const preface = all.filter((s) => !s.heading && s !== figureSection);
  if (preface.length > 0 && rng() < 0.2) add(instantiate(pick(rng, preface), 150), 0);

  // The body; the table goes at the end of one of the sections.
  const tableAt = tableKind ? randInt(rng, 0, chosen.length - 1) : -1;
  const body: string[] = [];
  chosen.forEach((c, i) => {
    if (c.heading) body.push(`## ${c.heading}`);
    for (const p of c.parts) {
      if (p.heading) body.push(`### ${p.heading}`);
      for (const u of p.units) body.push(renderUnit(rng, u));
    }
    if (i === tableAt) body.push(tableMd);
  });

  // Front matter: the title and authors of the source that gave the most text.
  const share = new Map<Source, number>();
  for (const c of chosen) share.set(c.section.source, (share.get(c.section.source) ?? 0) + c.parts.reduce((n, p) => n + partWords(p), 0));
  const bySize = [...share].sort((a, b) => b[1] - a[1] || sources.indexOf(a[0]) - sources.indexOf(b[0])).map(([s]) => s);
  const main = bySize[0]!;
  const authors = [...new Map(bySize.flatMap((s) => s.authors).map((a) => [a.name, a])).values()].slice(0, randInt(rng, 1, 3));
  const date = edition === 'in-focus-2026' ? isoDay('2026-01-05', randInt(rng, 0, 115)) : isoDay('2019-06-03', randInt(rng, 0, 300));
  const version = rng() < 0.5 ? 1 : randInt(rng, 2, 20);
  // Some keep the spacing their originals have in Word (IF12106's, IF12255's), as real briefs do.
  const layoutFrom = edition === 'in-focus-2026' && rng() < 0.25 ? pick(rng, sources.filter((s) => s.layout)) : undefined;
  const fm = [
    '---',
    `product: ${product}`,
    `title: ${yamlString(`${main.title} (Catalogue ${index + 1})`)}`,
    `date: ${date}`,
    `version: ${version}`,
    `status: ${version === 1 ? 'new' : 'updated'}`,
    ...(edition === 'in-focus-2020' ? ['style: in-focus-2020'] : []),
    ...(layoutFrom ? ['layout:', ...Object.entries(layoutFrom.layout!).map(([k, v]) => `  ${k}: ${v}`)] : []),
    'authors:',
    ...authors.flatMap((a) => [`  - name: ${yamlString(a.name)}`, `    title: ${yamlString(a.title)}`]),
    'keywords:',
    '  - synthetic',
    '  - benchmark',
    `summary: ${yamlString(`A synthetic brief for the benchmark, recombined from ${bySize.map((s) => s.product).join(', ')}.`)}`,
    '---',
  ];
  const brief = fm.join('\n') + '\n\n' + body.join('\n\n') + '\n';

  const figureFiles = figureSource
    ? [...brief.matchAll(/^::figure\[.*?(?:src|data)="([^"]+)"/gm)].map((m) => ({ from: path.join(ROOT, figureSource.dir, m[1]!), to: m[1]! }))
    : [];
  return { product, brief, figureFiles, figure: figureSource !== null, table: tableKind, edition, words: wordsOf(body.join('\n')) };
}

// ---- The catalogue ---------------------------------------------------------------------------------

let cache: { sources: Source[]; table: TableMarkup } | undefined;
function loadSources(): { sources: Source[]; table: TableMarkup } {
  if (!cache) {
    tableSources.length = 0;
    const sources = SOURCE_DIRS.map(readSource);
    if (tableSources.length === 0) throw new Error('the sources have no table to reuse');
    cache = { sources, table: parseTable(tableSources[0]!) };
  }
  return cache;
}

export interface CatalogueOptions {
  count?: number;
  seed?: number;
  out: string;
}

/** Writes the catalogue into `out` (replacing any IF9xxxx folders there); returns what it wrote. */
export function generateCatalogue({ count = DEFAULT_COUNT, seed = DEFAULT_SEED, out }: CatalogueOptions): GeneratedBrief[] {
  const { sources, table } = loadSources();
  fs.mkdirSync(out, { recursive: true });
  for (const name of fs.readdirSync(out)) if (/^IF9\d{4}$/.test(name)) fs.rmSync(path.join(out, name), { recursive: true, force: true });
  const briefs: GeneratedBrief[] = [];
  for (let i = 0; i < count; i++) {
    const b = generateBrief(sources, table, seed, i);
    const dir = path.join(out, b.product);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'brief.md'), b.brief);
    for (const f of b.figureFiles) {
      fs.mkdirSync(path.dirname(path.join(dir, f.to)), { recursive: true });
      fs.copyFileSync(f.from, path.join(dir, f.to));
    }
    briefs.push(b);
  }
  return briefs;
}

function main(argv: string[]): void {
  const opts: { count: number; seed: number; out: string } = { count: DEFAULT_COUNT, seed: DEFAULT_SEED, out: path.join(ROOT, 'output/catalogue') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const int = () => {
      if (value === undefined || !/^\d+$/.test(value)) throw new Error(`${flag} needs a whole number`);
      i++;
      return Number(value);
    };
    if (flag === '--count') opts.count = int();
    else if (flag === '--seed') opts.seed = int();
    else if (flag === '--out' && value !== undefined) {
      opts.out = path.resolve(value);
      i++;
    } else throw new Error(`usage: generate-catalogue.mts [--count N] [--seed S] [--out DIR] (not ${flag})`);
  }
  const briefs = generateCatalogue(opts);
  const n = (f: (b: GeneratedBrief) => boolean) => briefs.filter(f).length;
  console.log(
    `wrote ${briefs.length} briefs (IF${FIRST_PRODUCT}…) to ${path.relative(process.cwd(), opts.out) || '.'}, seed ${opts.seed}: ` +
      `${n((b) => b.figure)} with a figure, ${n((b) => b.table !== null)} with a table, ${n((b) => b.edition === 'in-focus-2020')} in the 2020 edition`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`generate-catalogue: ${(e as Error).message}`);
    process.exit(2);
  }
}
