// One build at a time per output folder: output/.brief/lock holds the pid (and start time) of the
// build writing there. Created with O_EXCL, so of two builds starting together exactly one gets
// it; the other waits, saying so, up to a bound, then gives up with exit 1. A lock whose build is
// gone (killed, crashed) is taken over.
import fs from 'node:fs';
import path from 'node:path';
import { asProcessId, isRunning, thisProcess, type ProcessId } from '../process-identity.js';
import { BriefError, fatalMessage } from '../report.js';

interface LockContent extends ProcessId {
  command: string;
}

export interface LockOptions {
  /** How long to wait for another build, ms (0: refuse at once). */
  waitMs: number;
  log: (line: string) => void;
  cwd: string;
  pollMs?: number;
}

/** $BRIEF_LOCK_WAIT seconds, default 300. */
export function lockWaitMs(env = process.env): number {
  const s = Number(env.BRIEF_LOCK_WAIT);
  return env.BRIEF_LOCK_WAIT !== undefined && Number.isFinite(s) && s >= 0 ? s * 1000 : 300_000;
}

function readLock(file: string): LockContent | null | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const o = JSON.parse(text) as LockContent;
    const id = asProcessId(o);
    return id ? { ...id, command: String(o.command ?? '') } : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function tryCreate(file: string, me: LockContent): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (err) {
    // ENOENT: the build before us removed the emptied .brief/ just now; the caller tries again.
    if (['EEXIST', 'ENOENT'].includes((err as NodeJS.ErrnoException).code ?? '')) return false;
    throw err;
  }
  try {
    fs.writeSync(fd, JSON.stringify(me) + '\n');
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Move a dead build's lock aside. By rename, so that of two builds taking over the same stale
 * lock only one removes it; one that finds it moved away a live lock instead (the other build
 * took over first) puts it back.
 */
function takeOver(file: string, stale: LockContent | 'unreadable'): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const moved = readLock(aside);
  const same = moved === stale || (moved && stale !== 'unreadable' && moved !== 'unreadable' && moved.pid === stale.pid && moved.start === stale.start);
  if (!same) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Someone holds a newer lock already; theirs stands.
    }
  }
  fs.rmSync(aside, { force: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wait for the lock and take it; returns the function that gives it back. */
export async function acquireOutputLock(file: string, o: LockOptions): Promise<() => void> {
  const me: LockContent = { ...thisProcess(), command: process.argv.slice(2).join(' ') };
  const started = Date.now();
  let told = false;
  let unreadableSince: number | undefined;
  for (;;) {
    if (tryCreate(file, me)) break;
    const holder = readLock(file);
    if (holder === null) continue;
    if (holder === 'unreadable') {
      // A lock being written is unreadable for a moment; one that stays so was cut short.
      unreadableSince ??= Date.now();
      if (Date.now() - unreadableSince > 2000) takeOver(file, holder);
    } else if (holder.pid === me.pid && holder.start === me.start) {
      break;
    } else if (!isRunning(holder)) {
      o.log(`taking over ${path.relative(o.cwd, file)}: the build that held it (pid ${holder.pid}) is no longer running`);
      takeOver(file, holder);
      continue;
    } else {
      const waited = Date.now() - started;
      if (waited >= o.waitMs) {
        throw new BriefError([
          fatalMessage(
            file,
            o.cwd,
            `another build (pid ${holder.pid}${holder.command ? `: brief ${holder.command}` : ''}) is writing ${path.relative(o.cwd, path.dirname(path.dirname(file))) || '.'}/; ${o.waitMs > 0 ? `waited ${Math.round(waited / 1000)} s for it, ` : ''}expected one build at a time per output folder (wait for it to finish, or set BRIEF_LOCK_WAIT=<seconds> to wait longer)`,
            1,
            'output-locked',
          ),
        ]);
      }
      if (!told) {
        o.log(`waiting for another build (pid ${holder.pid}${holder.command ? `: brief ${holder.command}` : ''}) to finish writing ${path.relative(o.cwd, path.dirname(path.dirname(file))) || '.'}/ (up to ${Math.round(o.waitMs / 1000)} s)`);
        told = true;
      }
    }
    await sleep(o.pollMs ?? 200);
  }
  return () => {
    // Only our own lock: if it was taken over (we were thought dead), it is not ours to remove.
    const now = readLock(file);
    if (now && now !== 'unreadable' && now.pid === me.pid && now.start === me.start) fs.rmSync(file, { force: true });
  };
}
