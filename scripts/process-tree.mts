// The memory of a whole process tree, for the benchmark: a build's node process plus everything it
// starts (the parsing worker is a thread, but Chromium is a dozen processes, the watchdog another),
// sampled from /proc. Linux only.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let pageSize: number | undefined;
/** The kernel's page size in bytes (/proc/<pid>/stat counts RSS in pages). */
function pageBytes(): number {
  pageSize ??= Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
  return pageSize;
}

/** A tree's memory: summed RSS, summed PSS (each shared page divided among its sharers), the root's own RSS. */
export interface TreeMemory {
  rss: number;
  pss: number;
  /** The root process alone (for a build: Node, its parsing worker thread included). */
  root: number;
}

/** A process's proportional set size in bytes, from /proc/<pid>/smaps_rollup (0 if it is gone). */
function pssOf(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/**
 * The memory of `root` and all its descendants now, in bytes. RSS counts shared pages once per
 * process, as `ps` and `top` do, so Chromium's dozen processes, which share most of their code,
 * count it a dozen times: an upper bound. PSS shares each page out among the processes that map
 * it: what the tree really holds. (Chromium's crashpad handlers are re-parented to init and not
 * counted: a few MB.)
 */
export function treeMemory(root: number): TreeMemory {
  // One pass over /proc: each process's parent and RSS. A process may exit while we read it.
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces and parentheses): state, ppid, … rss is field 24.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    const ppid = Number(fields[1]);
    rss.set(pid, Number(fields[21]) * pageBytes());
    const siblings = children.get(ppid);
    if (siblings) siblings.push(pid);
    else children.set(ppid, [pid]);
  }
  const total: TreeMemory = { rss: 0, pss: 0, root: rss.get(root) ?? 0 };
  const todo = [root];
  for (let pid = todo.pop(); pid !== undefined; pid = todo.pop()) {
    if (!rss.has(pid)) continue;
    total.rss += rss.get(pid)!;
    total.pss += pssOf(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples the tree under `root` every `intervalMs` until stopped; `stop()` returns the peaks in bytes. */
export function samplePeakMemory(root: number, intervalMs = 50): { stop: () => TreeMemory } {
  const peak: TreeMemory = { rss: 0, pss: 0, root: 0 };
  const sample = () => {
    const now = treeMemory(root);
    peak.rss = Math.max(peak.rss, now.rss);
    peak.pss = Math.max(peak.pss, now.pss);
    peak.root = Math.max(peak.root, now.root);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
