// Whether the process that wrote a lock or a pid file is still running. A pid alone is not a
// name: after a crash the number can be given to an unrelated process, so a process is named by
// its pid and its start time (Linux /proc; elsewhere the pid alone, the best there is).
import fs from 'node:fs';

export interface ProcessId {
  pid: number;
  /** Start time in clock ticks since boot (/proc/<pid>/stat field 22); '' where /proc is missing. */
  start: string;
}

const HAS_PROC = fs.existsSync('/proc/self/stat');

/** Field 22 of /proc/<pid>/stat, or null when there is no such process or it is a zombie. */
function procStart(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses and may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return null;
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

export function processId(pid: number): ProcessId | null {
  if (!HAS_PROC) return isPidRunning(pid) ? { pid, start: '' } : null;
  const start = procStart(pid);
  return start === null ? null : { pid, start };
}

export function thisProcess(): ProcessId {
  return processId(process.pid) ?? { pid: process.pid, start: '' };
}

export function isRunning(p: ProcessId): boolean {
  if (!Number.isInteger(p.pid) || p.pid <= 0) return false;
  if (!HAS_PROC) return isPidRunning(p.pid);
  return procStart(p.pid) === p.start;
}

function isPidRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A ProcessId read back from JSON, or null when it is not one. */
export function asProcessId(v: unknown): ProcessId | null {
  const o = v as Partial<ProcessId> | null;
  return o && typeof o.pid === 'number' && typeof o.start === 'string' ? { pid: o.pid, start: o.start } : null;
}
