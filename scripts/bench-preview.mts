// Benchmark of the live preview (`make bench-preview`): starts `brief preview IF11415` on a copy
// of the brief, saves it N times (a one-word edit, alternately made and undone) and measures each
// save → /status.json's version bumped, as an editor or script would see it. Prints the median
// and p90, the server's own rebuild time split by phase, and, as a baseline from the same run on
// the same machine, a bare `renderPdfPages` layout of the brief (a fresh page, no PDF printed).
// RUNS=N sets the number of saves (default 15).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocument } from '../src/model/build-document.js';
import { stopParseWorker } from '../src/model/parse-in-worker.js';
import { withBrowser } from '../src/render/pdf/browser.js';
import { renderPdfPages } from '../src/render/pdf/render-pdf.js';
import type { PreviewStatus } from '../src/preview/status.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 15);
const PRODUCT = 'IF11415';
const [WORD, OTHER] = ['first agreed in March 2018', 'initially agreed in March 2018'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return Math.round(s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

const content = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-bench-preview-'));
fs.cpSync(path.join(ROOT, 'content', PRODUCT), path.join(content, PRODUCT), { recursive: true });
const source = path.join(content, PRODUCT, 'brief.md');
const original = fs.readFileSync(source, 'utf8');
if (!original.includes(WORD)) throw new Error(`the benchmark's edit expects “${WORD}” in ${PRODUCT}`);

const port = await freePort();
const started = performance.now();
const child = spawn(process.execPath, [path.join(ROOT, 'bin/brief.js'), 'preview', PRODUCT, '--content', content, '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
const status = async (): Promise<PreviewStatus> => (await (await fetch(`http://127.0.0.1:${port}/status.json`)).json()) as PreviewStatus;
async function waitFor(check: (s: PreviewStatus) => boolean, timeoutMs: number, pollMs: number): Promise<PreviewStatus> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    try {
      const s = await status();
      if (check(s)) return s;
    } catch {
      // Not listening yet.
    }
    if (performance.now() > until) throw new Error('the preview did not answer in time');
    await sleep(pollMs);
  }
}

const saves: number[] = [];
const rebuilds: PreviewStatus[] = [];
let baseline: number[] = [];
try {
  let last = await waitFor((s) => s.version >= 1, 180_000, 100);
  if (last.errors.length > 0) throw new Error(`the brief does not build: ${JSON.stringify(last.errors)}`);
  console.log(`preview up, first rendering after ${Math.round(performance.now() - started)} ms (browser launch, worker start, cold caches)`);
  for (let i = 0; i < RUNS; i++) {
    await sleep(400);
    const text = i % 2 === 0 ? original.replace(WORD, OTHER) : original;
    const t0 = performance.now();
    fs.writeFileSync(source, text);
    last = await waitFor((s) => s.version > last.version, 30_000, 4);
    saves.push(performance.now() - t0);
    rebuilds.push(last);
    if (last.errors.length > 0) throw new Error(`save ${i + 1} failed: ${JSON.stringify(last.errors)}`);
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(content, { recursive: true, force: true });
}

// The baseline: the PDF renderer's own layout of the same brief in a warm browser, a fresh page each time.
await withBrowser(async (browser) => {
  const doc = await buildDocument(path.join(ROOT, 'content', PRODUCT, 'brief.md'), ROOT);
  await renderPdfPages(browser, doc, { layoutOnly: true });
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await renderPdfPages(browser, doc, { layoutOnly: true });
    baseline.push(performance.now() - t0);
  }
});
await stopParseWorker();

const phases = ['parse', 'html', 'load', 'fonts', 'paginate', 'serialise'];
const row = (name: string, xs: number[]) => `  ${name.padEnd(28)} median ${String(median(xs)).padStart(5)} ms   p90 ${String(quantile(xs, 0.9)).padStart(5)} ms   min ${String(Math.round(Math.min(...xs))).padStart(5)}   max ${String(Math.round(Math.max(...xs))).padStart(5)}`;
console.log(`\n${PRODUCT}, ${RUNS} saves, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(row('save → status.json bumped', saves));
console.log(row('rebuild (server side)', rebuilds.map((s) => s.ms)));
for (const p of phases) console.log(row(`  ${p}`, rebuilds.map((s) => s.phases[p] ?? 0)));
console.log(row('baseline: renderPdfPages', baseline));
console.log(`  ratio, median save / median baseline: ${(median(saves) / median(baseline)).toFixed(2)}`);
console.log(`  target: median ≤ 300 ms: ${median(saves) <= 300 ? 'met' : 'missed'}`);
