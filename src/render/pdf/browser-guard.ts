// Chromium dies with the build. Puppeteer starts it detached, as the leader of its own process
// group, and kills that group when we exit or get SIGINT/SIGTERM/SIGHUP; nothing can run on
// SIGKILL, so two more guards:
// - a watchdog (browser-watchdog.js), a small Node process beside the build that kills the browser
//   as soon as the build's process is gone (within half a second);
// - a pid file (<registry>/<our pid>-<browser pid>.json), so that the next build reaps a browser
//   whose build is gone should the watchdog have been killed too (reapOrphanBrowsers); a browser
//   killed while still starting, before its pid file, is found by its profile folder.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { asProcessId, isRunning, processId, thisProcess, type ProcessId } from '../../process-identity.js';
import { killProfileProcesses } from './browser-watchdog.js';
import { srcFile } from '../shared/paths.js';

export { killProfileProcesses };

const WATCHDOG = srcFile('render/pdf/browser-watchdog.js');

interface PidFile {
  owner: ProcessId;
  browser: ProcessId;
  profile?: string;
}

/** Start the watchdog: for a browser by pid, or before launch by the profile folder it will use. */
export function startWatchdog(target: { browserPid?: number; profile?: string }): ChildProcess {
  const me = thisProcess();
  const watchdog = spawn(process.execPath, [WATCHDOG, String(me.pid), me.start, String(target.browserPid ?? 0), target.profile ?? ''], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.on('error', () => undefined);
  watchdog.unref();
  return watchdog;
}

export function stopWatchdog(watchdog: ChildProcess): void {
  if (watchdog.exitCode === null && watchdog.signalCode === null) watchdog.kill('SIGKILL');
}

/** Record a launched browser in the registry; returns the pid file. */
export function writePidFile(registryDir: string, browserPid: number, profile?: string): string | undefined {
  const browser = processId(browserPid);
  if (!browser) return undefined;
  fs.mkdirSync(registryDir, { recursive: true });
  const file = path.join(registryDir, `${process.pid}-${browserPid}.json`);
  const record: PidFile = { owner: thisProcess(), browser, ...(profile ? { profile } : {}) };
  fs.writeFileSync(file, JSON.stringify(record) + '\n');
  return file;
}

/** Kill the browsers whose build is gone (by pid file) and remove their pid files; returns how many were killed. */
export function reapOrphanBrowsers(registryDir: string): number {
  if (!fs.existsSync(registryDir)) return 0;
  let killed = 0;
  for (const name of fs.readdirSync(registryDir)) {
    if (!name.endsWith('.json')) continue;
    const file = path.join(registryDir, name);
    let record: PidFile | undefined;
    try {
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as PidFile;
      const owner = asProcessId(raw.owner);
      const browser = asProcessId(raw.browser);
      if (owner && browser) record = { owner, browser };
    } catch {
      // Cut short while it was written; decided by its name below.
    }
    if (!record) {
      if (!processId(Number(name.split('-')[0]))) fs.rmSync(file, { force: true });
      continue;
    }
    if (isRunning(record.owner)) continue;
    // The same browser still (pid and start time), not a process that was given its number since.
    if (isRunning(record.browser)) {
      try {
        process.kill(-record.browser.pid, 'SIGKILL');
      } catch {
        try {
          process.kill(record.browser.pid, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      }
      killed++;
    }
    fs.rmSync(file, { force: true });
  }
  return killed;
}
