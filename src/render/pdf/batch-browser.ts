// One Chromium for a batch, shared by whatever lays out in it (fit checks, PDFs): launched on first
// use, or early with start() so that it starts while other work runs, and closed once. Creating
// one launches nothing (and loads no puppeteer: browser.js is imported when it launches).
import type { Browser } from 'puppeteer';
import type { LaunchOptions } from './browser.js';

export class BatchBrowser {
  private launching: Promise<Browser> | undefined;

  constructor(private readonly options: LaunchOptions = {}) {}

  /** The browser, launching it on the first call. */
  get(): Promise<Browser> {
    this.launching ??= import('./browser.js').then((m) => m.launchBrowser(this.options));
    return this.launching;
  }

  /** Start launching now, without waiting; a failure is reported to whoever calls get(). */
  start(): void {
    this.get().catch(() => undefined);
  }

  /** The launched browser's version (`HeadlessChrome/156.0…`), or undefined if none was launched. */
  async version(): Promise<string | undefined> {
    const browser = await this.launching?.catch(() => undefined);
    return browser?.version();
  }

  /** Close the browser if one was launched (a launch that failed has nothing to close). */
  async close(): Promise<void> {
    const browser = await this.launching?.catch(() => undefined);
    this.launching = undefined;
    await browser?.close();
  }
}
