// One preview session: the brief's last parsed model, one warm browser and page, and the state
// the server reports. A rebuild does only what the change touched: an edit in the brief's folder
// (its text, figure data, pictures: all read while parsing) parses the brief again in the
// pipeline's worker; a template or stylesheet edit drops the compiled templates and lays the
// model already parsed out again. A brief that fails keeps the last good rendering on show.
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { buildDocument } from '../model/build-document.js';
import { stopParseWorker } from '../model/parse-in-worker.js';
import type { BriefDocument } from '../model/types.js';
import { lostMessage } from '../publish/fit-messages.js';
import { forgetHouseTemplates } from '../render/html/templates.js';
import { launchBrowser } from '../render/pdf/browser.js';
import { BriefError, formatMessage } from '../report.js';
import { fitOf, problemOf, type PreviewStatus, type Problem } from './status.js';
import { PREVIEW_LAYOUT, WarmPage, placeholderDocument } from './warm-page.js';

/** What changed since the last rebuild. */
export interface Change {
  /** Something in the brief's folder: brief.md, figure data, a picture. */
  brief?: boolean;
  /** A template or stylesheet. */
  templates?: boolean;
  /** The files, for naming the culprit of a failure that is not the brief's. */
  paths?: string[];
}

export interface SessionOptions {
  product: string;
  /** The brief, absolute. */
  sourcePath: string;
  /** Messages name files relative to this folder, as the command line's do. */
  cwd: string;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

export class PreviewSession {
  status: PreviewStatus;
  /** The pages document served: the last good rendering. */
  pages: string;
  private doc: BriefDocument | undefined;
  private needParse = true;
  private browser: Browser | undefined;
  private warm: WarmPage | undefined;
  private pending: Change | undefined;
  private running: Promise<void> | undefined;
  private closed = false;
  private readonly listeners = new Set<(status: PreviewStatus) => void>();

  constructor(private readonly options: SessionOptions) {
    this.status = { product: options.product, version: 0, pagesVersion: 0, fit: null, errors: [], warnings: [], ms: 0, phases: {} };
    this.pages = placeholderDocument('The preview is starting…');
  }

  /** Called after every rebuild with the new status. */
  onUpdate(listener: (status: PreviewStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first rebuild; resolves when it is done (well or with the brief's errors on show). */
  async start(): Promise<void> {
    this.touch({ brief: true });
    await this.idle();
  }

  /** Ask for a rebuild. Changes arriving while one runs are merged into the next one. */
  touch(change: Change): void {
    if (this.closed) return;
    const p = this.pending;
    this.pending = { brief: p?.brief === true || change.brief === true, templates: p?.templates === true || change.templates === true, paths: [...(p?.paths ?? []), ...(change.paths ?? [])] };
    this.kick();
  }

  private kick(): void {
    if (this.running || this.closed || !this.pending) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      this.kick();
    });
  }

  /** Resolves when no rebuild is running or waiting. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pending = undefined;
    // A rebuild cut short by the browser closing under it is of no interest any more.
    const running = this.running?.catch(() => undefined);
    await this.browser?.close().catch(() => undefined);
    await running;
    await stopParseWorker();
  }

  private async drain(): Promise<void> {
    while (this.pending && !this.closed) {
      const change = this.pending;
      this.pending = undefined;
      await this.rebuild(change);
    }
  }

  private async rebuild(change: Change): Promise<void> {
    const { cwd, sourcePath } = this.options;
    const brief = path.relative(cwd, sourcePath) || sourcePath;
    const started = performance.now();
    const phases: Record<string, number> = {};
    let errors: Problem[] = [];
    let warnings = this.status.warnings;
    let fit = this.status.fit;
    let pagesVersion = this.status.pagesVersion;
    const version = this.status.version + 1;
    let problemLines: string[] = [];
    if (change.templates) forgetHouseTemplates();
    if (change.brief) this.needParse = true;
    try {
      if (this.needParse || !this.doc) {
        const t = performance.now();
        // The pipeline's own worker and time limit; on a problem the last good model stays.
        this.doc = await buildDocument(sourcePath, cwd);
        this.needParse = false;
        phases.parse = Math.round(performance.now() - t);
        warnings = this.doc.warnings.map((m) => problemOf(m, brief));
      }
      const doc = this.doc;
      const warm = await this.warmPage();
      const laid = await warm.layOut(doc);
      Object.assign(phases, laid.phases);
      // Content the layout lost is a renderer fault, reported as the fit check reports it; the
      // rendering is still the best view of the brief there is.
      const lost = laid.report.lost.map((l) => lostMessage(doc, l, cwd));
      errors = lost.map((m) => problemOf(m, brief));
      problemLines = lost.map((m) => formatMessage(m, cwd));
      for (const url of laid.blocked) errors.push({ file: brief, line: 1, column: 1, message: `the sealed page refused to load ${url.slice(0, 100)}` });
      this.pages = laid.document;
      pagesVersion = version;
      fit = fitOf(doc, laid.report, PREVIEW_LAYOUT.maxContentPages);
    } catch (err) {
      if (this.closed) return;
      if (err instanceof BriefError) {
        errors = err.messages.map((m) => problemOf(m, brief));
        problemLines = err.messages.map((m) => formatMessage(m, cwd));
      } else {
        // Not the brief's problem (a template that does not compile, a browser that died): name
        // what was just edited, and start from a fresh page next time.
        const e = err instanceof Error ? err : new Error(String(err));
        const culprit = change.paths?.[0] ? path.relative(cwd, change.paths[0]) : brief;
        const message = `cannot lay the brief out: ${e.message.slice(0, 2000)}`;
        errors = [{ file: culprit, line: 1, column: 1, message }];
        // The stack is for a bug in brief, as on the command line: with --debug.
        problemLines = [`${culprit}:1:1: error: ${process.argv.includes('--debug') ? `cannot lay the brief out: ${e.stack ?? e.message}` : message}`];
        await this.warm?.close();
        this.warm = undefined;
      }
    }
    if (this.closed) return;
    const ms = Math.round(performance.now() - started);
    this.status = { product: this.options.product, version, pagesVersion, fit, errors, warnings, ms, phases };
    if (errors.length === 0) this.options.log?.(`${version}: ${fit?.text ?? ''} (${ms} ms)`);
    else {
      this.options.log?.(`${version}: ${errors.length} problem${errors.length === 1 ? '' : 's'}${pagesVersion > 0 ? ', showing the last good rendering' : ''} (${ms} ms)`);
      for (const line of problemLines) this.options.warn?.(line);
    }
    for (const listener of this.listeners) listener(this.status);
  }

  /** The warm page, made again if the browser or the page was lost. */
  private async warmPage(): Promise<WarmPage> {
    if (!this.browser?.connected) {
      await this.warm?.close();
      this.warm = undefined;
      this.browser = await launchBrowser({ handleSignals: false });
    }
    this.warm ??= await WarmPage.open(this.browser);
    return this.warm;
  }
}
