// The pipeline's benchmark (`make bench`, issue 13 item 5): whole `brief` processes as a user
// runs them, each against the baseline that bounds it, with the targets beside them.
// Prints a Markdown table and writes it to output/bench/results.md.
//
//   - `node -e 0`: a bare Node process start, the floor for the no-op build and the checks;
//   - a no-op build (everything up to date), `brief check --no-fit` and `brief check` of IF11415
//     (a draft copy of it: the released version would be restored, not rendered);
//   - IF11415 built cold (a fresh --out each run) as HTML, PDF, DOCX and all three;
//   - Chromium's own print of the built IF11415.html, the floor for the builds;
//   - a catalogue of synthetic briefs (scripts/generate-catalogue.mts, fixed seed) built in all
//     three formats: wall time, briefs/s and the peak RSS of the whole process tree;
//   - the live preview's save → refreshed (scripts/bench-preview.mts, its median).
//
// BENCH_RUNS=N runs each small measurement N times (default 5; the cold builds min(N, 3), the
// catalogue once); BENCH_COUNT=N sets the catalogue's size (default 100). Timings are medians of
// whole processes, wall clock, from spawn to exit.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wholeNumberFromEnv } from './env-number.mjs';
import { DEFAULT_SEED, generateCatalogue } from './generate-catalogue.mjs';
import { samplePeakMemory, type TreeMemory } from './process-tree.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PRODUCT = 'IF11415';
const RUNS = wholeNumberFromEnv('BENCH_RUNS', 5);
const BIG_RUNS = Math.min(RUNS, 3); // a cold build takes seconds: three keep `make bench` within minutes
const COUNT = wholeNumberFromEnv('BENCH_COUNT', 100);
const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium';
const BRIEF = path.join(ROOT, 'bin/brief.js');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-bench-'));
const cleanUp = () => fs.rmSync(tmp, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}
let dirs = 0;
const freshDir = (name: string) => fs.mkdtempSync(path.join(tmp, `${name}-${++dirs}-`));

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

interface Run {
  ms: number;
  stdout: string;
  peak?: TreeMemory;
}

/** Runs one process to its exit and times it; a failure stops the benchmark with its output. */
function run(command: string, args: string[], options: { sampleMemory?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
    const sampler = options.sampleMemory && child.pid !== undefined ? samplePeakMemory(child.pid) : undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    // 'close', not 'exit': the process may exit before its last output has been read from the pipe.
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      const peak = sampler?.stop();
      if (code === 0) resolve({ ms, stdout, ...(peak ? { peak } : {}) });
      else reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code ?? signal}\n${stdout}${stderr}`));
    });
  });
}

async function repeat(label: string, times: number, once: () => Promise<Run>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) ms.push((await once()).ms);
  log(`${label}: ${ms.map((m) => Math.round(m)).join(', ')} ms`);
  return ms;
}

const brief = (...args: string[]) => run(process.execPath, [BRIEF, ...args]);

// IF11415 as a draft (its source without versions/): the released version 1 in content/ would be
// restored from its published record, not rendered, and the cold builds would time a copy.
const draft = path.join(tmp, 'draft');
fs.cpSync(path.join(ROOT, 'content', 'IF11415'), path.join(draft, 'IF11415'), { recursive: true, filter: (src) => !src.split(path.sep).includes('versions') });
const ofDraft = (...args: string[]) => brief(...args, '--content', draft);

interface Row {
  name: string;
  value: string;
  runs: number | string;
  baseline: string;
  ratio: string;
  target: string;
  met: string;
}
const rows: Row[] = [];
const fmtMs = (ms: number) => `${Math.round(ms).toLocaleString('en-US')} ms`;
const fmtRatio = (r: number) => `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`;
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

const started = new Date();
const loadBefore = os.loadavg();
let sizes: { ext: string; bytes: number; target?: number }[] = [];
let preview: { save: number; baseline: number; saves: number } | undefined;
try {
  // 1. The floor: a process that starts Node and does nothing (one run first to warm the page cache).
  await run(process.execPath, ['-e', '0']);
  const nodeStart = median(await repeat('node -e 0', RUNS, () => run(process.execPath, ['-e', '0'])));
  rows.push({ name: '`node -e 0` (process start)', value: fmtMs(nodeStart), runs: RUNS, baseline: '—', ratio: '1.00×', target: '—', met: '' });

  // 2. A no-op build: built once, then rebuilds that find everything up to date.
  const noopOut = freshDir('noop');
  await ofDraft('build', PRODUCT, '--out', noopOut);
  const noop = median(
    await repeat('no-op build', RUNS, async () => {
      const r = await ofDraft('build', PRODUCT, '--out', noopOut);
      if (!/up to date/.test(r.stdout)) throw new Error(`the no-op build rebuilt something:\n${r.stdout}`);
      return r;
    }),
  );
  rows.push({ name: `no-op build (\`brief build ${PRODUCT}\`, up to date)`, value: fmtMs(noop), runs: RUNS, baseline: '`node -e 0`', ratio: fmtRatio(noop / nodeStart), target: '≤ 3×', met: verdict(noop / nodeStart <= 3) });

  // 3. The checks: source only, and with the two-page layout.
  const checkNoFit = median(await repeat('check --no-fit', RUNS, () => ofDraft('check', PRODUCT, '--no-fit')));
  rows.push({ name: `\`brief check ${PRODUCT} --no-fit\``, value: fmtMs(checkNoFit), runs: RUNS, baseline: '`node -e 0`', ratio: fmtRatio(checkNoFit / nodeStart), target: '≤ 4×', met: verdict(checkNoFit / nodeStart <= 4) });
  const check = median(await repeat('check', RUNS, () => ofDraft('check', PRODUCT)));
  rows.push({ name: `\`brief check ${PRODUCT}\` (with the fit)`, value: fmtMs(check), runs: RUNS, baseline: '`node -e 0`', ratio: fmtRatio(check / nodeStart), target: '—', met: '' });

  // 4. One brief cold, per format and all three, a fresh --out each run; the formats take turns
  //    in each round, so a drift in the machine's load spreads over all four. The last full build
  //    is kept: its HTML is what Chromium prints bare, and its files are measured.
  const formats = [['HTML', 'html'], ['PDF', 'pdf'], ['DOCX', 'docx'], ['HTML + PDF + DOCX', 'html,pdf,docx']] as const;
  const coldMs = formats.map((): number[] => []);
  let lastAll = '';
  for (let round = 0; round < BIG_RUNS; round++) {
    for (const [i, [, f]] of formats.entries()) {
      const out = freshDir('cold');
      coldMs[i]!.push((await ofDraft('build', PRODUCT, '--format', f, '--out', out)).ms);
      if (f.includes(',')) {
        if (lastAll) fs.rmSync(lastAll, { recursive: true, force: true });
        lastAll = out;
      } else fs.rmSync(out, { recursive: true, force: true });
    }
  }
  const cold = formats.map(([label, f], i) => {
    log(`cold ${f}: ${coldMs[i]!.map((m) => Math.round(m)).join(', ')} ms`);
    return { label, formats: f, ms: median(coldMs[i]!) };
  });
  const built = (ext: string) => path.join(lastAll, PRODUCT, '1', `${PRODUCT}.${ext}`);
  sizes = [
    { ext: 'html', bytes: fs.statSync(built('html')).size, target: 150_000 },
    { ext: 'pdf', bytes: fs.statSync(built('pdf')).size },
    { ext: 'docx', bytes: fs.statSync(built('docx')).size, target: 150_000 },
  ];

  // 5. Chromium's own print of the same HTML: no puppeteer, no pagination of ours, a fresh profile.
  const html = built('html');
  const barePrint = async (sampleMemory = false) => {
    const dir = freshDir('chromium');
    const pdf = path.join(dir, 'x.pdf');
    const r = await run(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${pdf}`, '--no-pdf-header-footer', `file://${html}`], { sampleMemory });
    if (!fs.existsSync(pdf)) throw new Error(`Chromium printed no PDF:\n${r.stdout}`);
    fs.rmSync(dir, { recursive: true, force: true });
    return r;
  };
  const bare = median(await repeat('bare Chromium print', RUNS, () => barePrint()));
  // The memory of one bare print (its whole process tree): what Chromium alone holds.
  const barePeak = (await barePrint(true)).peak ?? { rss: 0, pss: 0, root: 0 };
  log(`bare print memory: RSS ${Math.round(barePeak.rss / 1e6)} MB summed, PSS ${Math.round(barePeak.pss / 1e6)} MB`);
  rows.push({ name: `bare Chromium print of ${PRODUCT}.html (\`chromium --headless --print-to-pdf\`)`, value: fmtMs(bare), runs: RUNS, baseline: '—', ratio: '1.00×', target: '—', met: '' });
  for (const c of cold) {
    const all = c.formats.includes(',');
    rows.push({ name: `${PRODUCT} cold: ${c.label}`, value: fmtMs(c.ms), runs: BIG_RUNS, baseline: 'bare print', ratio: fmtRatio(c.ms / bare), target: all ? '≤ 1.0×' : '—', met: all ? verdict(c.ms / bare <= 1) : '' });
  }

  // 6. The catalogue: COUNT synthetic briefs, all three formats, drafts that overflow allowed.
  const content = freshDir('catalogue');
  const catalogue = generateCatalogue({ count: COUNT, seed: DEFAULT_SEED, out: content });
  const figures = catalogue.filter((b) => b.figure).length;
  const tables = catalogue.filter((b) => b.table).length;
  const catOut = freshDir('catalogue-out');
  log(`catalogue: building ${COUNT} briefs × 3 formats (${figures} with a figure, ${tables} with a table)`);
  const cat = await run(process.execPath, [BRIEF, 'build', '--content', content, '--out', catOut, '--allow-overflow'], { sampleMemory: true });
  const written = (cat.stdout.match(/^wrote /gm) ?? []).length;
  if (written !== COUNT * 3) throw new Error(`the catalogue build wrote ${written} files, expected ${COUNT * 3}`);
  const perSecond = COUNT / (cat.ms / 1000);
  const peakMb = (cat.peak?.rss ?? 0) / 1e6;
  const peakPssMb = (cat.peak?.pss ?? 0) / 1e6;
  log(`catalogue: ${Math.round(cat.ms)} ms, peak RSS ${Math.round(peakMb)} MB (PSS ${Math.round(peakPssMb)} MB)`);
  fs.rmSync(catOut, { recursive: true, force: true });
  rows.push({ name: `catalogue: ${COUNT} briefs × 3 formats (seed ${DEFAULT_SEED}, \`--allow-overflow\`), wall`, value: fmtMs(cat.ms), runs: 1, baseline: `bare print × ${COUNT}`, ratio: fmtRatio(cat.ms / COUNT / bare), target: '—', met: '' });
  rows.push({ name: '— throughput', value: `${perSecond.toFixed(2)} briefs/s`, runs: 1, baseline: '—', ratio: '—', target: '≥ 10 briefs/s', met: verdict(perSecond >= 10) });
  rows.push({ name: '— peak RSS, whole process tree (node + Chromium…), summed', value: `${Math.round(peakMb).toLocaleString('en-US')} MB`, runs: 1, baseline: `bare print: ${Math.round(barePeak.rss / 1e6)} MB`, ratio: fmtRatio(peakMb / (barePeak.rss / 1e6)), target: '≤ 400 MB', met: verdict(peakMb <= 400) });
  // Summed RSS counts the pages Chromium's processes share once per process; PSS shows what is really held.
  rows.push({ name: '— peak PSS, whole process tree (shared pages divided)', value: `${Math.round(peakPssMb).toLocaleString('en-US')} MB`, runs: 1, baseline: `bare print: ${Math.round(barePeak.pss / 1e6)} MB`, ratio: fmtRatio(peakPssMb / (barePeak.pss / 1e6)), target: '(≤ 400 MB)', met: verdict(peakPssMb <= 400) });
  const nodeMb = (cat.peak?.root ?? 0) / 1e6;
  rows.push({ name: '— peak RSS of the build\'s Node process (parsing worker included)', value: `${Math.round(nodeMb).toLocaleString('en-US')} MB`, runs: 1, baseline: '—', ratio: '—', target: '(≤ 400 MB)', met: verdict(nodeMb <= 400) });

  // 7. The live preview: its own benchmark, its median save → refreshed and its baseline.
  log('preview: scripts/bench-preview.mts');
  const p = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench-preview.mts')]);
  const medianOf = (label: string) => {
    const m = new RegExp(`${label}\\s+median\\s+(\\d+) ms`).exec(p.stdout);
    if (!m) throw new Error(`bench-preview printed no “${label}” median:\n${p.stdout}`);
    return Number(m[1]);
  };
  preview = { save: medianOf('save → status.json bumped'), baseline: medianOf('baseline: renderPdfPages'), saves: Number(/(\d+) saves/.exec(p.stdout)?.[1] ?? 0) };
  rows.push({ name: 'preview: save → refreshed (`scripts/bench-preview.mts`)', value: fmtMs(preview.save), runs: preview.saves, baseline: 'bare `renderPdfPages` layout', ratio: fmtRatio(preview.save / preview.baseline), target: '≤ 300 ms', met: verdict(preview.save <= 300) });
} finally {
  cleanUp();
}

// The report.
const chromiumVersion = (() => {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return CHROMIUM;
  }
})();
const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;
/** A Markdown table; `align` has `l` or `r` per column. */
const table = (header: string[], align: string, body: string[][]) => [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const report = [
  '# Benchmark',
  '',
  `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} CPUs, load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before and ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} after; Node ${process.version}, ${chromiumVersion}.`,
  `Medians of whole processes (spawn to exit); BENCH_RUNS=${RUNS}, BENCH_COUNT=${COUNT}.`,
  '',
  table(['measurement', 'median', 'runs', 'baseline', 'ratio', 'target', 'met?'], 'lrrlrll', rows.map((r) => [r.name, r.value, String(r.runs), r.baseline, r.ratio, r.target, r.met])),
  '',
  `${PRODUCT}'s files:`,
  '',
  table(['file', 'size', 'target', 'met?'], 'lrll', sizes.map((s) => [`${PRODUCT}.${s.ext}`, kB(s.bytes), s.target ? `≤ ${kB(s.target)}` : '—', s.target ? verdict(s.bytes <= s.target) : ''])),
  '',
].join('\n');
process.stdout.write('\n' + report);
const resultsFile = path.join(ROOT, 'output/bench/results.md');
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.writeFileSync(resultsFile, report);
log(`written to ${path.relative(process.cwd(), resultsFile)}`);
