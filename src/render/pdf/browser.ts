// One Chromium for a whole batch. Which Chromium: $PUPPETEER_EXECUTABLE_PATH, else the system's
// (Debian's /usr/bin/chromium and friends), else the browser puppeteer downloaded at install.
import fs from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer';
import { startWatchdog, stopWatchdog, writePidFile } from './browser-guard.js';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

export function chromiumExecutable(env = process.env): string | undefined {
  if (env.PUPPETEER_EXECUTABLE_PATH) return env.PUPPETEER_EXECUTABLE_PATH;
  return SYSTEM_CHROMIUM.find((p) => fs.existsSync(p));
}

export interface LaunchOptions {
  /** Chromium's profile folder (default: a temp folder puppeteer makes and removes). */
  profileDir?: string;
  /** Where to leave a pid file for the browser, so a later build can reap it (browser-guard.ts). */
  registryDir?: string;
  /**
   * false: the caller closes the browser on SIGINT/SIGTERM/SIGHUP itself (the live preview shuts
   * down in order); puppeteer's own handler would kill it and exit at once. Default true.
   */
  handleSignals?: boolean;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = chromiumExecutable();
  const args = [
    // Nothing but our own page: no background traffic, no component or sync services.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--disable-gpu',
    // The same glyph advances on every machine, so line breaks do not depend on the host's hinting.
    '--font-render-hinting=none',
  ];
  // Chromium's sandbox cannot start as root (CI containers); elsewhere keep it.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  // With a profile folder of our own the watchdog can start first and find the browser by it,
  // so no moment of the launch is unguarded.
  const early = options.profileDir ? startWatchdog({ profile: options.profileDir }) : undefined;
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      headless: true,
      args,
      // Every brief gets a page of its own: no need to wait for the first, empty one.
      waitForInitialPage: false,
      // Killed (its whole process group) when we exit or are interrupted; SIGKILL: browser-guard.ts.
      handleSIGINT: options.handleSignals !== false,
      handleSIGTERM: options.handleSignals !== false,
      handleSIGHUP: options.handleSignals !== false,
      ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
      ...(executablePath ? { executablePath } : {}),
    });
  } catch (err) {
    if (early) stopWatchdog(early);
    const where = executablePath ?? 'the browser puppeteer downloads at install';
    throw new Error(
      `cannot start Chromium (${where}): ${(err as Error).message.split('\n')[0]}\n` +
        'Install Debian\'s chromium (apt-get install chromium), set PUPPETEER_EXECUTABLE_PATH, or let `npm ci` download puppeteer\'s browser.',
    );
  }
  const pid = browser.process()?.pid;
  const watchdog = early ?? (pid !== undefined ? startWatchdog({ browserPid: pid }) : undefined);
  const pidFile = options.registryDir && pid !== undefined ? writePidFile(options.registryDir, pid, options.profileDir) : undefined;
  browser.once('disconnected', () => {
    if (watchdog) stopWatchdog(watchdog);
    if (pidFile) fs.rmSync(pidFile, { force: true });
  });
  return browser;
}

/** Run `fn` with a browser that is closed afterwards, also when `fn` throws. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>, options: LaunchOptions = {}): Promise<T> {
  const browser = await launchBrowser(options);
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}
