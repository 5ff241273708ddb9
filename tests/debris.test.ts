// No debris after a kill: real `brief build` processes (HTML, PDF and DOCX) killed with SIGKILL at
// different moments (after the "build …" line, with Chromium up, and once with its browser
// watchdog killed too; a stop between the two renames of the folder switch is simulated). After each: no Chromium of that build is left
// running, every version folder is a consistent set (each file with the record's hash for it),
// and the next build neither finds a file "changed by hand" nor leaves a temp file, a staging
// folder or a lock behind. And two builds at once: one waits for the other, or refuses clearly.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/publish/content-hash.js';
import { ROOT } from './support/run-cli.js';

const P = 'IF10005';
let dir: string;
let content: string;
let out: string;
let edits = 0;

interface Run {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  done: Promise<number | null>;
}

function startBuild(env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/brief.js'), 'build', '--content', content, '--out', out, '--format', 'html,pdf,docx'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  const run: Run = { child, stdout: '', stderr: '', done: new Promise((resolve) => child.on('close', (code) => resolve(code))) };
  child.stdout!.on('data', (d: Buffer) => (run.stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (run.stderr += d.toString()));
  return run;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, test: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Pids of processes whose command line names this test's output folder's Chromium profiles or watchdogs. */
function processesOf(needle: string): number[] {
  const pids: number[] = [];
  for (const d of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8');
      const state = fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.[0];
      if (cmdline.includes(needle) && state !== 'Z') pids.push(Number(d));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}
const browsersOf = (pid: number) => processesOf(`--user-data-dir=${path.join(out, '.brief', 'tmp', String(pid), 'chromium')}`);

/** A new draft text, so that every build has all three formats to rebuild. */
function editDraft(): void {
  const file = path.join(content, P, 'brief.md');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/Negotiations continue[^.]*on subsidies/, `Negotiations continue (round ${++edits}) on subsidies`));
}

/** Each version folder: every output file recorded in .build.json with its own hash, and nothing else. */
function inconsistencies(): string[] {
  const problems: string[] = [];
  const productDir = path.join(out, P);
  for (const v of fs.existsSync(productDir) ? fs.readdirSync(productDir) : []) {
    if (!/^\d+$/.test(v)) continue;
    const vdir = path.join(productDir, v);
    const record = JSON.parse(fs.readFileSync(path.join(vdir, '.build.json'), 'utf8')) as Record<string, { sha256: string }>;
    const files = fs.readdirSync(vdir).filter((f) => f !== '.build.json');
    for (const f of files) if (record[f]?.sha256 !== sha256(fs.readFileSync(path.join(vdir, f)))) problems.push(`${v}/${f}: not what its record says`);
    for (const f of Object.keys(record)) if (!files.includes(f)) problems.push(`${v}/${f}: recorded but missing`);
  }
  return problems;
}

/** Temp files, staging folders, journals, profiles, pid files and locks anywhere in output/. */
function debris(): string[] {
  if (!fs.existsSync(out)) return [];
  return fs
    .readdirSync(out, { recursive: true, withFileTypes: true })
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)))
    .filter((f) => f.startsWith('.brief') || /(^|\/)\..*\.tmp-|(^|\/)(stage|old)-\d+/.test(f));
}

async function killAt(moment: (run: Run) => boolean, alsoWatchdog = false): Promise<number> {
  // A short moment (staging takes milliseconds) can be missed by polling on a fast or a busy
  // machine; a build that ended first is simply tried again, a few times.
  for (let attempt = 1; ; attempt++) {
    editDraft();
    const run = startBuild();
    const pid = run.child.pid!;
    await until('the moment to kill', () => moment(run) || run.child.exitCode !== null);
    if (run.child.exitCode !== null) {
      expect(attempt, `the build ended before it could be killed, ${attempt} times:\n${run.stdout}${run.stderr}`).toBeLessThan(5);
      await run.done;
      continue;
    }
    if (alsoWatchdog) for (const w of processesOf(`browser-watchdog.js\0${pid}\0`)) process.kill(w, 'SIGKILL');
    run.child.kill('SIGKILL');
    await run.done;
    return pid;
  }
}

const browserUp = (run: Run) => browsersOf(run.child.pid!).length > 0;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-debris-'));
  content = path.join(dir, 'content');
  out = path.join(dir, 'output');
  fs.cpSync(path.join(ROOT, 'tests/fixtures/versions', P), path.join(content, P), { recursive: true });
});

describe('kill -9 mid-build', () => {
  it('leaves no Chromium running, no mixed version folder, and no debris after the next build', async () => {
    // A complete build first, so that a killed one has an old set to mix with.
    const first = startBuild();
    expect(await first.done, first.stderr).toBe(0);
    const killed: number[] = [];
    const moments: [string, (run: Run) => boolean, boolean?][] = [
      ['after the build line', (run) => /^build IF10005/m.test(run.stdout)],
      ['with Chromium up', browserUp],
      // A kill while the new files are staged is too short a moment to catch by polling; the
      // switch it would interrupt is tested below by stopping between the two renames.
      ['with Chromium up, its watchdog killed too', browserUp, true],
    ];
    for (const [name, moment, alsoWatchdog] of moments) {
      const pid = await killAt(moment, alsoWatchdog);
      killed.push(pid);
      if (!alsoWatchdog) {
        // Chromium dies with the build (its watchdog kills it within half a second).
        await until(`Chromium of the build killed ${name} to exit`, () => browsersOf(pid).length === 0, 5000);
      }
      expect(inconsistencies(), name).toEqual([]);
    }
    // The next build reaps the browser whose watchdog was killed too, completes or discards what
    // the killed builds left, and finds nothing changed by hand.
    editDraft();
    const next = startBuild();
    expect(await next.done, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/cleaned up after an interrupted build/);
    expect(next.stdout).not.toMatch(/changed by hand/);
    expect(next.stdout).toMatch(/^build IF10005 1 \(draft\): html: its source changed; pdf: its source changed; docx: its source changed$/m);
    for (const pid of killed) expect(browsersOf(pid), `Chromium of build ${pid}`).toEqual([]);
    expect(processesOf(`${path.join(out, '.brief')}`)).toEqual([]);
    expect(inconsistencies()).toEqual([]);
    expect(debris()).toEqual([]);
    const record = JSON.parse(fs.readFileSync(path.join(out, P, '1', '.build.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(record)).toEqual([`${P}.docx`, `${P}.html`, `${P}.pdf`]);
    expect(fs.readFileSync(path.join(out, P, '1', `${P}.html`), 'utf8')).toContain(`(round ${edits})`);
  }, 150_000);
});

describe('a build killed between the two renames of a folder switch', () => {
  it('is completed by the next build from its journal: the new set in place, nothing rebuilt, nothing left', async () => {
    // The state a build leaves when killed after renaming the old folder away and before renaming
    // the staged one into place: no version folder at all, the journal naming both.
    const dead = Array.from({ length: 1000 }, (_, i) => 4_000_000 - i).find((pid) => !fs.existsSync(`/proc/${pid}`))!;
    const work = path.join(out, '.brief', 'tmp', String(dead));
    const target = path.join(out, P, '1');
    if (!fs.existsSync(target)) expect(await startBuild().done).toBe(0);
    fs.mkdirSync(work, { recursive: true });
    fs.cpSync(target, path.join(work, 'stage-1'), { recursive: true });
    fs.renameSync(target, path.join(work, 'old-1'));
    fs.writeFileSync(path.join(work, 'switch-000002.json'), JSON.stringify([{ target, staged: path.join(work, 'stage-1'), old: path.join(work, 'old-1') }]));
    fs.writeFileSync(path.join(out, '.brief', 'lock'), JSON.stringify({ pid: dead, start: '1', command: 'build' }));
    const next = startBuild();
    expect(await next.done, next.stderr).toBe(0);
    expect(next.stdout).toMatch(new RegExp(`taking over .*lock: the build that held it \\(pid ${dead}\\) is no longer running`));
    expect(next.stdout).toMatch(/^up to date IF10005 1 \(draft\)$/m);
    expect(inconsistencies()).toEqual([]);
    expect(debris()).toEqual([]);
  }, 90_000);
});

describe('two builds at once in one output folder', () => {
  it('started together: one builds, the other waits for it, says so, and finds everything up to date', async () => {
    editDraft();
    const runs = [startBuild(), startBuild()];
    const codes = await Promise.all(runs.map((r) => r.done));
    expect(codes, runs.map((r) => r.stderr).join('\n')).toEqual([0, 0]);
    const waiter = runs.find((r) => /^waiting for another build/m.test(r.stdout));
    expect(waiter, runs.map((r) => r.stdout).join('\n---\n')).toBeDefined();
    const builder = runs.find((r) => r !== waiter)!;
    expect(waiter!.stdout).toMatch(new RegExp(`^waiting for another build \\(pid ${builder.child.pid}: brief build .*\\) to finish writing .*output/ \\(up to 300 s\\)$`, 'm'));
    expect(builder.stdout).toMatch(/^wrote .*IF10005\.pdf/m);
    expect(waiter!.stdout).toMatch(/^up to date IF10005 1 \(draft\)$/m);
    expect(waiter!.stdout).not.toMatch(/wrote/);
    expect(inconsistencies()).toEqual([]);
    expect(debris()).toEqual([]);
  }, 90_000);

  it('held by a running build: BRIEF_LOCK_WAIT=0 refuses at once, a bounded wait gives up after it, exit 1 and the holder named', async () => {
    // The lock as a running build holds it: its pid and start time (this test's own process, alive
    // for as long as the check takes, so the outcome does not depend on how fast a build runs).
    const lock = path.join(out, '.brief', 'lock');
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    const start = fs.readFileSync(`/proc/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19];
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, start, command: 'build IF10005' }));
    try {
      editDraft();
      const refused = startBuild({ BRIEF_LOCK_WAIT: '0' });
      expect(await refused.done).toBe(1);
      expect(refused.stderr).toMatch(new RegExp(`lock:1:1: error: another build \\(pid ${process.pid}: brief build IF10005\\) is writing .*output/; expected one build at a time per output folder`));
      const waited = startBuild({ BRIEF_LOCK_WAIT: '1' });
      expect(await waited.done).toBe(1);
      expect(waited.stdout).toMatch(new RegExp(`^waiting for another build \\(pid ${process.pid}: brief build IF10005\\) to finish writing .*output/ \\(up to 1 s\\)$`, 'm'));
      expect(waited.stderr).toMatch(/is writing .*output\/; waited 1 s for it, expected one build at a time/);
      for (const r of [refused, waited]) expect(r.stdout).not.toMatch(/wrote/);
      expect(fs.readFileSync(lock, 'utf8')).toContain(`"pid":${process.pid}`);
    } finally {
      fs.rmSync(path.join(out, '.brief'), { recursive: true, force: true });
    }
    expect(inconsistencies()).toEqual([]);
  }, 90_000);
});
