// One Chromium for a whole batch. Which Chromium: $PUPPETEER_EXECUTABLE_PATH, else the system's
// (Debian's /usr/bin/chromium and friends), else the browser puppeteer downloaded at install.
import fs from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

export function chromiumExecutable(env = process.env): string | undefined {
  if (env.PUPPETEER_EXECUTABLE_PATH) return env.PUPPETEER_EXECUTABLE_PATH;
  return SYSTEM_CHROMIUM.find((p) => fs.existsSync(p));
}

export async function launchBrowser(): Promise<Browser> {
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
  try {
    return await puppeteer.launch({ headless: true, args, ...(executablePath ? { executablePath } : {}) });
  } catch (err) {
    const where = executablePath ?? 'the browser puppeteer downloads at install';
    throw new Error(
      `cannot start Chromium (${where}): ${(err as Error).message.split('\n')[0]}\n` +
        'Install Debian\'s chromium (apt-get install chromium), set PUPPETEER_EXECUTABLE_PATH, or let `npm ci` download puppeteer\'s browser.',
    );
  }
}

/** Run `fn` with a browser that is closed afterwards, also when `fn` throws. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}
