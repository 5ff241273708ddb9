// The scale proof (`make scale`, issue 14 item 6): a generated catalogue (scripts/generate-catalogue.mts,
// fixed seed) built in SHARDS shards at once, as CI's matrix would on as many runners, each
// `brief build --shard I/N` in its own process with its own output folder and one Chromium page at
// a time (BRIEF_PAGES=1), so the machine's memory is bounded by the shard count. Reports each
// shard's briefs and wall time, the whole run's wall time and throughput, and the peak memory of
// all the shards' process trees together (sampled at the same instants); checks that the shards
// took every brief exactly once, and lists the briefs a shard refused (a generated draft can be
// wrong: those are reported as a build reports them, the shard's other briefs written); writes
// output/bench/scale.md.
//
//   SCALE_COUNT=500 SCALE_SHARDS=4 node --import tsx scripts/scale.mts
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wholeNumberFromEnv } from './env-number.mjs';
import { DEFAULT_SEED, generateCatalogue } from './generate-catalogue.mjs';
import { treeMemory } from './process-tree.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COUNT = wholeNumberFromEnv('SCALE_COUNT', 500);
const SHARDS = wholeNumberFromEnv('SCALE_SHARDS', 4);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-scale-'));
const content = path.join(tmp, 'content');
generateCatalogue({ count: COUNT, seed: DEFAULT_SEED, out: content });
const log = (s: string) => process.stderr.write(`scale: ${s}\n`);
log(`${COUNT} briefs generated (seed ${DEFAULT_SEED}); building in ${SHARDS} shards at once`);

interface ShardRun {
  index: number;
  pid: number;
  ms: number;
  code: number | null;
  products: string[];
  written: number;
  /** The briefs with problems (their files), from the build's messages. */
  refused: string[];
}

const started = performance.now();
const loadBefore = os.loadavg();
const running = new Set<number>();
let peak = { rss: 0, pss: 0 };
const sampler = setInterval(() => {
  const now = [...running].map((pid) => treeMemory(pid)).reduce((a, m) => ({ rss: a.rss + m.rss, pss: a.pss + m.pss }), { rss: 0, pss: 0 });
  peak = { rss: Math.max(peak.rss, now.rss), pss: Math.max(peak.pss, now.pss) };
}, 100);

const shards = await Promise.all(
  Array.from({ length: SHARDS }, (_, i) =>
    new Promise<ShardRun>((resolve, reject) => {
      const t0 = performance.now();
      const out = path.join(tmp, `output-${i + 1}`);
      const child = spawn(process.execPath, [path.join(ROOT, 'bin/brief.js'), 'build', '--shard', `${i + 1}/${SHARDS}`, '--content', content, '--out', out, '--allow-overflow'], {
        cwd: ROOT,
        env: { ...process.env, BRIEF_PAGES: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running.add(child.pid!);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d));
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => {
        running.delete(child.pid!);
        const products = (/^shard \d+\/\d+: (.*)$/m.exec(stdout)?.[1] ?? '').split(' ').filter((p) => /^IF\d+$/.test(p));
        const refused = [...new Set([...stderr.matchAll(/\/(IF\d+)\/brief\.md:\d+:\d+: error: /g)].map((m) => m[1]!))].sort();
        const run = { index: i + 1, pid: child.pid!, ms: performance.now() - t0, code, products, written: (stdout.match(/^wrote /gm) ?? []).length, refused };
        log(`shard ${i + 1}/${SHARDS}: ${products.length} briefs, ${run.written} files, ${(run.ms / 1000).toFixed(1)} s, exit ${code}`);
        if (code !== 0) log(stderr.split('\n').slice(-3).join('\n'));
        resolve(run);
      });
    }),
  ),
);
clearInterval(sampler);
const wallMs = performance.now() - started;

// Every brief taken by exactly one shard; each written in all three formats unless refused.
const taken = new Map<string, number>();
for (const s of shards) for (const p of s.products) taken.set(p, (taken.get(p) ?? 0) + 1);
const missing = COUNT - taken.size;
const twice = [...taken.values()].filter((n) => n > 1).length;
const refused = shards.flatMap((s) => s.refused);
const unwritten = shards.reduce((n, s) => n + s.products.length * 3 - s.written, 0);
fs.rmSync(tmp, { recursive: true, force: true });

const perSecond = COUNT / (wallMs / 1000);
const rows = shards.map((s) => `| ${s.index}/${SHARDS} | ${s.products.length} | ${s.written} | ${(s.ms / 1000).toFixed(1)} s | ${(s.products.length / (s.ms / 1000)).toFixed(2)} | ${s.code} | ${s.refused.join(' ') || '—'} |`);
const report = [
  '# Scale',
  '',
  `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 1e9)} GB, load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before; Node ${process.version}.`,
  `${COUNT} generated briefs (seed ${DEFAULT_SEED}), HTML + PDF + DOCX, ${SHARDS} shards at once, one Chromium page each (BRIEF_PAGES=1).`,
  '',
  '| shard | briefs | files | wall | briefs/s | exit | refused |',
  '|---|---:|---:|---:|---:|---:|---|',
  ...rows,
  '',
  `Whole run: ${(wallMs / 1000).toFixed(1)} s wall, ${perSecond.toFixed(2)} briefs/s; peak memory of all shards together: ${Math.round(peak.pss / 1e6)} MB PSS (${Math.round(peak.rss / 1e6)} MB RSS summed over processes). Every brief taken by exactly one shard: ${missing === 0 && twice === 0 ? 'yes' : `no (${missing} missing, ${twice} twice)`}; ${refused.length} refused (${unwritten} files not written), every other brief written in all three formats.`,
  '',
].join('\n');
process.stdout.write(report);
fs.mkdirSync(path.join(ROOT, 'output/bench'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'output/bench/scale.md'), report);
// The proof fails if the partition is wrong or a shard wrote less than its good briefs' files.
if (missing !== 0 || twice !== 0 || unwritten !== refused.length * 3) process.exit(1);
