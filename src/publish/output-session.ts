// What a command that writes output/ holds while it runs, all under output/.brief/:
//   lock                           the build writing here, one at a time (output-lock.ts)
//   tmp/<pid>/                     that build's staging folders, switch journals and Chromium profile
//   browsers/<pid>-<browser>.json  the Chromium it started (browser-guard.ts)
// build, release, diff and dist each open one (re-entrant: dist's build shares dist's). Closing it
// finishes and removes the work folder and gives the lock back; an exit or a signal does the same,
// and the next build clears what a build killed by SIGKILL left: its browsers, its work folder
// (completing a switch it had begun), stray temp files. A clean run leaves no .brief/ behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processId } from '../process-identity.js';
import { killProfileProcesses, reapOrphanBrowsers } from '../render/pdf/browser-guard.js';
import { procStart, profileProcesses } from '../render/pdf/browser-watchdog.js';
import type { LaunchOptions } from '../render/pdf/browser.js';
import { completeSwitches } from './folder-switch.js';
import { acquireOutputLock, lockWaitMs } from './output-lock.js';

export const STATE_DIR = '.brief';

export interface OutputSession {
  outDir: string;
  /** This build's private folder, on the same file system as the outputs (renames stay atomic). */
  workDir: string;
  /** How the build launches Chromium: its profile in the work folder, its pid file in the registry. */
  browser: LaunchOptions;
}

interface Open {
  session: OutputSession;
  depth: number;
  close: () => void;
}

const open = new Map<string, Open>();

export interface SessionOptions {
  log: (line: string) => void;
  cwd: string;
  lockWaitMs?: number;
}

/** Run `fn` holding the output folder: locked, swept of dead builds' debris, with a work folder. */
export async function withOutput<T>(outDir: string, o: SessionOptions, fn: (session: OutputSession) => Promise<T>): Promise<T> {
  const key = path.resolve(outDir);
  let held = open.get(key);
  if (held) held.depth++;
  else {
    held = await openSession(key, o);
    open.set(key, held);
  }
  try {
    return await fn(held.session);
  } finally {
    if (--held.depth === 0) {
      open.delete(key);
      held.close();
    }
  }
}

async function openSession(outDir: string, o: SessionOptions): Promise<Open> {
  const state = path.join(outDir, STATE_DIR);
  const tmpRoot = path.join(state, 'tmp');
  const registry = path.join(state, 'browsers');
  const releaseLock = await acquireOutputLock(path.join(state, 'lock'), { waitMs: o.lockWaitMs ?? lockWaitMs(), log: o.log, cwd: o.cwd });
  let workDir: string;
  try {
    sweepDeadBuilds(outDir, tmpRoot, registry, o);
    workDir = path.join(tmpRoot, String(process.pid));
    fs.rmSync(workDir, { recursive: true, force: true });
    fs.mkdirSync(workDir, { recursive: true });
  } catch (err) {
    releaseLock();
    throw err;
  }
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    process.off('exit', close);
    for (const [sig, handler] of signalHandlers) process.off(sig, handler);
    try {
      // On exit or a signal the browser may still be running: stop it before removing its profile.
      if (fs.existsSync(session.browser.profileDir!)) killProfileProcesses(session.browser.profileDir!);
      for (const f of fs.existsSync(registry) ? fs.readdirSync(registry) : []) if (f.startsWith(`${process.pid}-`)) fs.rmSync(path.join(registry, f), { force: true });
      finishWorkDir(workDir);
      // Once more for dead builds' folders: a Chromium of a killed build that was still starting
      // when this build swept its folder can recreate its profile folder on the way out.
      removeDeadWorkDirs(tmpRoot);
    } catch {
      // Left for the next build, which completes its switches before anything else.
    } finally {
      for (const dir of [tmpRoot, registry]) removeIfEmpty(dir);
      releaseLock();
      removeIfEmpty(state);
    }
  };
  // An interrupted build cleans up as a finished one does (`exit` handlers run on process.exit;
  // puppeteer's own exit handler kills the browser).
  const signalHandlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((sig) => [sig, () => process.exit(128 + os.constants.signals[sig])] as const);
  process.on('exit', close);
  for (const [sig, handler] of signalHandlers) process.on(sig, handler);
  const session: OutputSession = { outDir, workDir, browser: { profileDir: path.join(workDir, 'chromium'), registryDir: registry } };
  return { session, depth: 1, close };
}

/** Complete the switches a work folder began, then remove it; kept if a switch cannot complete. */
function finishWorkDir(workDir: string): void {
  completeSwitches(workDir);
  fs.rmSync(workDir, { recursive: true, force: true, maxRetries: 3 });
}

/** What builds that are gone left: browsers, work folders, temp files beside outputs. */
function sweepDeadBuilds(outDir: string, tmpRoot: string, registry: string, o: SessionOptions): void {
  const reaped = reapOrphanBrowsers(registry);
  const swept = removeDeadWorkDirs(tmpRoot);
  const stray = removeStrayTempFiles(outDir);
  if (reaped + swept + stray > 0) {
    o.log(`cleaned up after an interrupted build: ${[reaped && `${reaped} Chromium ${reaped === 1 ? 'process' : 'processes'} stopped`, swept && `${swept} work folder${swept === 1 ? '' : 's'}`, stray && `${stray} temp file${stray === 1 ? '' : 's'}`].filter(Boolean).join(', ')} removed`);
  }
}

/**
 * Every work folder but ours, each a dead build's (under the lock; each build holds the lock for as
 * long as its work folder exists; ours, from an earlier session of this process, is redone): its
 * browser processes stopped (one still starting has no pid file yet: found by profile) and gone,
 * then its switches completed and the folder removed. How many there were.
 */
function removeDeadWorkDirs(tmpRoot: string): number {
  let swept = 0;
  for (const name of fs.existsSync(tmpRoot) ? fs.readdirSync(tmpRoot) : []) {
    if (name === String(process.pid)) continue;
    const dir = path.join(tmpRoot, name);
    const profile = path.join(dir, 'chromium');
    killProfileProcesses(profile);
    // Killed is not yet gone: wait (briefly) until none is left to write into the profile.
    for (const until = Date.now() + 3000; profileProcesses(profile).some((pid) => procStart(pid) !== null) && Date.now() < until; ) Atomics.wait(SLEEP, 0, 0, 20);
    finishWorkDir(dir);
    swept++;
  }
  return swept;
}

const SLEEP = new Int32Array(new SharedArrayBuffer(4));

// What the atomic writer leaves beside a target when killed between writing and renaming:
// `.<name>.tmp-<pid>-<random>` (builds before this one wrote output files that way).
const STRAY_TEMP = /^\..+\.tmp-(\d+)-[0-9a-z]+$/;

function removeStrayTempFiles(outDir: string): number {
  let removed = 0;
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (dir !== outDir || e.name !== STATE_DIR) walk(p);
        continue;
      }
      const m = STRAY_TEMP.exec(e.name);
      if (m && Number(m[1]) !== process.pid && !processId(Number(m[1]))) {
        fs.rmSync(p, { force: true });
        removed++;
      }
    }
  };
  walk(outDir);
  return removed;
}

function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // Not empty (another build's, or kept for the next build to finish), or gone.
  }
}

