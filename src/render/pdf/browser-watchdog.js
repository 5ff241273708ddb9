// Run beside a build as `node browser-watchdog.js OWNER_PID OWNER_START BROWSER_PID PROFILE_DIR`:
// when the build's process is gone (even by SIGKILL, which no handler sees), kill the Chromium it
// started: the browser's process group if its pid is known, and every process running with the
// build's own profile folder (which covers a browser still starting up). Plain JavaScript with no
// imports but Node's, so it starts in milliseconds without tsx. Also imported by browser-guard.ts
// for the same /proc matching.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Start time of a process (/proc/<pid>/stat field 22), null when gone or a zombie. */
export function procStart(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' || fields[0] === 'X' ? null : (fields[19] ?? null);
  } catch {
    return null;
  }
}

/** Pids of the processes whose command line carries `--user-data-dir=<profile>` (Linux /proc). */
export function profileProcesses(profile) {
  const flag = `--user-data-dir=${profile}`;
  const found = [];
  let entries = [];
  try {
    entries = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return found;
  }
  for (const d of entries) {
    let cmdline;
    try {
      cmdline = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    // Chromium's helpers rewrite their command line into one space-separated string.
    let at = cmdline.indexOf(flag);
    while (at >= 0) {
      const next = cmdline[at + flag.length];
      if (next === undefined || next === ' ' || next === '\0') {
        found.push(Number(d));
        break;
      }
      at = cmdline.indexOf(flag, at + 1);
    }
  }
  return found.filter((pid) => pid !== process.pid);
}

export function killProfileProcesses(profile) {
  const pids = profileProcesses(profile);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
  return pids.length;
}

function alive(pid, start) {
  if (start) return procStart(pid) === start;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function watch([ownerArg, ownerStart, browserArg, profile]) {
  const owner = Number(ownerArg);
  const browser = Number(browserArg);
  const browserStart = browser > 0 ? procStart(browser) : null;
  const timer = setInterval(() => {
    if (browser > 0 && !alive(browser, browserStart ?? '')) process.exit(0);
    if (alive(owner, ownerStart)) return;
    clearInterval(timer);
    if (browser > 0) {
      try {
        process.kill(-browser, 'SIGKILL');
      } catch {
        // Gone meanwhile.
      }
    }
    if (profile) killProfileProcesses(profile);
    process.exit(0);
  }, 500);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) watch(process.argv.slice(2));
