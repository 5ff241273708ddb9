// Build briefs: check every source, render every requested format into memory, and only when
// all of that succeeded write the files. A failure anywhere writes nothing, so what was built
// before stays as it was. Each version folder changes at once, its files and its build record
// together (folder-switch.ts), and only one build writes an output folder at a time
// (output-session.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import type { BriefDocument } from '../model/types.js';
import { BriefError, fatalMessage, formatMessage } from '../report.js';
import type { Browser } from 'puppeteer';
import type { BatchBrowser } from '../render/pdf/batch-browser.js';
import type { LaunchOptions } from '../render/pdf/browser.js';
import { UsageError } from '../source/find-briefs.js';
import { fileInputs, recordBuilt, staleReason, type FileRecord, type Inputs } from './build-record.js';
import { sha256 } from './content-hash.js';
import { layoutMessages } from './fit-messages.js';
import { FolderSwitch } from './folder-switch.js';
import { updateLatest } from './latest.js';
import { withOutput, type OutputSession } from './output-session.js';
import { planCatalogue, type ProductPlan } from './plan.js';
import { publishedFile } from './versions.js';
import { outputPath, type Format } from './output-paths.js';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  products?: string[];
  formats: Format[];
  /** false: build the published versions only, leaving drafts alone (and unchecked). */
  drafts?: boolean;
  cwd?: string;
  log?: (line: string) => void;
  /**
   * `brief build --allow-overflow`: write the PDF of a brief that does not fit its two pages, the
   * overflow on further pages and every page stamped DRAFT; the overflow is reported as a warning.
   * Only the command line's build sets it; release and dist never do.
   */
  allowOverflow?: boolean;
  /** Warnings (an allowed overflow, a near-empty body), as `file:line:col: warning: …`. */
  warn?: (line: string) => void;
}

export interface Written {
  path: string;
  bytes: number;
}

export interface RenderOptions {
  /**
   * Where each file goes as soon as it is rendered (the build's staging folder), so a batch holds
   * no more than the files in progress; renderAll then returns the paths alone.
   */
  sink?: (file: string, data: string | Uint8Array) => void;
  /** The drafts that may overflow (BuildOptions.allowOverflow); a published version never may. */
  allowOverflow?: ReadonlySet<BriefDocument>;
  warn?: (line: string) => void;
  /** How to launch Chromium (the build's profile folder and pid file registry). */
  browser?: LaunchOptions;
  /** The batch's browser, already launching (buildBriefs); else the PDFs launch their own. */
  chromium?: () => Promise<Browser>;
}

/**
 * Render each format's briefs into memory: the formats at once (Node writes the HTML and DOCX
 * while Chromium lays out and prints), the PDFs a few pages at a time (page-pool.ts). Files,
 * problems and warnings come out in the order of the formats and briefs asked for, whatever
 * finished first, so a build's output and messages do not depend on timing.
 */
export interface Rendered {
  /** Every file rendered, in the order of the formats and briefs asked for (null: given to the sink). */
  files: Map<string, { doc: BriefDocument; data: string | Uint8Array | null }>;
  /** Every brief's problems, in that order. */
  problems: VFileMessage[];
  /** The briefs with problems in any format. */
  failed: Set<BriefDocument>;
}

export async function renderAll(jobs: ReadonlyMap<Format, readonly BriefDocument[]>, outDir: string, cwd = process.cwd(), options: RenderOptions = {}): Promise<Rendered> {
  type Outcome = { data?: string | Uint8Array | null; problems: VFileMessage[]; warnings: string[] };
  // A renderer that throws on one brief is a bug, reported against that brief (file:1:1) with
  // every other brief's problems; the run goes on to the next brief.
  const attempt = async (doc: BriefDocument, format: Format, render: (outcome: Outcome) => Promise<void>): Promise<Outcome> => {
    const outcome: Outcome = { problems: [], warnings: [] };
    try {
      await render(outcome);
      if (outcome.data !== undefined && outcome.data !== null && options.sink) {
        options.sink(outputPath(outDir, doc, format), outcome.data);
        outcome.data = null;
      }
    } catch (err) {
      delete outcome.data;
      if (err instanceof BriefError) outcome.problems.push(...err.messages);
      else outcome.problems.push(renderFailure(doc, format, err, cwd));
    }
    return outcome;
  };
  const renderers: Record<Format, (docs: readonly BriefDocument[]) => Promise<Outcome[]>> = {
    // Each renderer is loaded when its format is asked for (puppeteer, docx, subset-font… are large).
    html: async (docs) => {
      const [{ renderHtml }, { subsetInlinedFonts }] = await Promise.all([import('../render/html/render-html.js'), import('../render/html/subset-fonts.js')]);
      const out: Outcome[] = [];
      for (const doc of docs) {
        await yieldToChromium();
        out.push(await attempt(doc, 'html', async (o) => void (o.data = await subsetInlinedFonts(renderHtml(doc)))));
      }
      return out;
    },
    pdf: async (docs) => {
      const [{ withBrowser }, { renderPdfPages }, { eachInPages }] = await Promise.all([import('../render/pdf/browser.js'), import('../render/pdf/render-pdf.js'), import('../render/pdf/page-pool.js')]);
      const inBrowser = <T>(fn: (browser: Browser) => Promise<T>): Promise<T> => (options.chromium ? options.chromium().then(fn) : withBrowser(fn, options.browser));
      return inBrowser(
        (browser) =>
          eachInPages(docs, (doc) =>
            attempt(doc, 'pdf', async (o) => {
              const allowOverflow = options.allowOverflow?.has(doc) === true;
              const { pdf, report } = await renderPdfPages(browser, doc, { allowOverflow });
              const { errors, warning } = layoutMessages(doc, report, cwd, allowOverflow);
              o.problems.push(...errors);
              if (errors.length > 0) return;
              if (warning) {
                warning.reason += `; written anyway with --allow-overflow: ${report.contentPages} pages of text, every page marked DRAFT`;
                o.warnings.push(formatMessage(warning, cwd));
              }
              o.data = pdf;
            }),
          ),
      );
    },
    docx: async (docs) => {
      const { renderDocx } = await import('../render/docx/render-docx.js');
      const out: Outcome[] = [];
      for (const doc of docs) {
        await yieldToChromium();
        out.push(await attempt(doc, 'docx', async (o) => void (o.data = await renderDocx(doc))));
      }
      return out;
    },
  };
  const formats = [...jobs.keys()].filter((f) => jobs.get(f)!.length > 0);
  // The PDFs are started first: their pages go to Chromium as soon as it is up, and Node writes
  // the HTML and DOCX while Chromium lays them out (those renderers yield between briefs).
  const started = new Map<Format, Promise<Outcome[]>>();
  for (const format of [...formats].sort((a, b) => Number(b === 'pdf') - Number(a === 'pdf'))) started.set(format, renderers[format](jobs.get(format)!));
  const outcomes = await Promise.all(formats.map((format) => started.get(format)!));
  const rendered: Rendered = { files: new Map(), problems: [], failed: new Set() };
  for (const [f, format] of formats.entries()) {
    for (const [i, doc] of jobs.get(format)!.entries()) {
      const o = outcomes[f]![i]!;
      for (const w of o.warnings) options.warn?.(w);
      rendered.problems.push(...o.problems);
      if (o.problems.length > 0) rendered.failed.add(doc);
      if (o.data !== undefined) rendered.files.set(outputPath(outDir, doc, format), { doc, data: o.data });
    }
  }
  return rendered;
}

/** Let pending I/O (Chromium's replies) run before the next long stretch of work in this thread. */
const yieldToChromium = () => new Promise<void>((resolve) => setImmediate(resolve));

function renderFailure(doc: BriefDocument, format: Format, err: unknown, cwd: string): VFileMessage {
  const e = err instanceof Error ? err : new Error(String(err));
  if (process.argv.includes('--debug')) console.error(e.stack);
  return fatalMessage(doc.sourcePath, cwd, `${doc.product}: internal error while writing the ${format.toUpperCase()}: ${e.message.split('\n')[0]} (a bug in brief, not in the brief; please report it with the output of the same command run with --debug)`, 1, 'render-failed');
}

export interface BuildResult {
  written: Written[];
  /** What the build covered, documents included, for callers that go on from here (dist). */
  plans: ProductPlan[];
}

export async function buildBriefs(options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? (() => undefined);
  return withOutput(options.outDir, { log, cwd }, async (session) => {
    // One Chromium for the batch (fit checks and PDFs), closed when the build ends, whatever
    // happened. A build that may lay out a draft or print a PDF starts it before parsing, which
    // leaves this thread idle (parse-in-worker.ts); a build that then finds nothing to lay out has
    // launched it for nothing, which costs less than launching it after the parse when it is needed.
    const chromium = new (await import('../render/pdf/batch-browser.js')).BatchBrowser(session.browser);
    // Published versions alone (dist) are mostly restored from their kept files: launched when needed.
    if (options.drafts !== false) chromium.start();
    try {
      const { plans, problems } = await planCatalogue(options.contentDir, options.products, cwd, { drafts: options.drafts ?? true, ...(options.warn ? { warn: options.warn } : {}) });
      return await buildInSession(options, plans, problems, session, chromium, cwd, log);
    } finally {
      await chromium.close();
    }
  });
}

/** A file about to be switched in: where its bytes are now, and what its build record says. */
interface Ready {
  file: string;
  from: string;
  bytes: number;
  entry: FileRecord;
}

/**
 * The build within its output session: what is stale is rendered (published versions whose files
 * were kept are restored from them instead), every brief without problems is switched in, and the
 * problems of the others are reported at the end (BriefError with the count of files written).
 */
async function buildInSession(options: BuildOptions, plans: ProductPlan[], planProblems: VFileMessage[], session: OutputSession, chromium: BatchBrowser, cwd: string, log: (line: string) => void): Promise<BuildResult> {
  // Per format, the targets whose file is missing or stale, and why.
  const inputsOf = new Map<string, Inputs>();
  const mayOverflow = new Set<BriefDocument>();
  const due = new Map<Format, BriefDocument[]>();
  const restore: Ready[] = [];
  const drafts = new Set(plans.flatMap((p) => p.targets).filter((t) => !t.published).map((t) => t.doc));
  // --allow-overflow lets a draft's overflow through as a warning in every format.
  const mayOverflowAnywhere = new Set(options.allowOverflow === true ? drafts : []);
  for (const target of plans.flatMap((p) => p.targets)) {
    const label = `${target.doc.product} ${target.doc.meta.version}${target.published ? '' : ' (draft)'}`;
    const reasons: string[] = [];
    const restored: string[] = [];
    for (const format of options.formats) {
      const file = outputPath(options.outDir, target.doc, format);
      // A published version whose files were kept is never rendered again: its files are copied
      // from the record, byte for byte, when the output lacks them or differs.
      const kept = target.version && publishedFile(target.version, format);
      if (kept) {
        const record = target.version!.record;
        const sha = record.published![path.basename(kept)]!;
        if (fs.existsSync(file) && sha256(fs.readFileSync(file)) === sha) continue;
        const from = path.join(session.workDir, `restored-${restore.length}`);
        fs.copyFileSync(kept, from);
        const entry: FileRecord = { sha256: sha, inputs: { sources: target.sources, templates: 'published', code: 'published' }, browser: record.browser ?? 'unknown', edition: record.edition ?? target.doc.edition.id, restored: true };
        restore.push({ file, from, bytes: fs.statSync(from).size, entry });
        restored.push(format);
        continue;
      }
      // A draft's PDF built with --allow-overflow differs from one built without: the record keeps
      // which. Published versions fit their pages by definition and are never built with it.
      const overflowOk = format === 'pdf' && options.allowOverflow === true && !target.published;
      if (overflowOk) mayOverflow.add(target.doc);
      const inputs = fileInputs(target.sources, overflowOk);
      inputsOf.set(file, inputs);
      const why = staleReason(file, inputs);
      if (why === null) continue;
      due.set(format, [...(due.get(format) ?? []), target.doc]);
      reasons.push(`${format}: ${why}`);
    }
    if (restored.length > 0) reasons.push(`${restored.join(', ')}: restored from the published record`);
    log(reasons.length > 0 ? `build ${label}: ${reasons.join('; ')}` : `up to date ${label}`);
  }
  // A draft must fit its two pages whatever is built of it: one built as HTML or DOCX only is
  // laid out as its PDF would be (the PDF's own build reports this itself). One that does not is
  // not built at all.
  const unchecked = [...new Set([...(due.get('html') ?? []), ...(due.get('docx') ?? [])])].filter((doc) => !(due.get('pdf') ?? []).includes(doc) && drafts.has(doc));
  const browser = () => chromium.get();
  const fit = unchecked.length === 0 ? undefined : await (await import('./fit-check.js')).checkFit(unchecked, cwd, { allowOverflow: mayOverflowAnywhere, warn: options.warn ?? log, chromium: browser });
  const fits = (doc: BriefDocument) => !fit?.failed.has(doc);
  // Each file is written into the work folder as soon as it is rendered (a batch holds no more than
  // the files in progress); the files of the briefs that rendered without a problem are then moved
  // into staged copies of their version folders with their records and switched in at once.
  const renderedAt = new Map<string, { from: string; bytes: number; sha256: string }>();
  const sink = (file: string, data: string | Uint8Array) => {
    const from = path.join(session.workDir, `rendered-${renderedAt.size}`);
    fs.writeFileSync(from, data);
    renderedAt.set(file, { from, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength, sha256: sha256(data) });
  };
  const jobs = new Map(options.formats.map((format) => [format, (due.get(format) ?? []).filter(fits)] as const));
  const rendered = await renderAll(jobs, options.outDir, cwd, { allowOverflow: mayOverflow, warn: options.warn ?? log, chromium: browser, sink });
  const browserVersion = (await chromium.version()) ?? 'none (not laid out)';
  const ready: Ready[] = [...restore];
  for (const [file, { doc }] of rendered.files) {
    if (rendered.failed.has(doc)) continue;
    const r = renderedAt.get(file)!;
    ready.push({ file, from: r.from, bytes: r.bytes, entry: { sha256: r.sha256, inputs: inputsOf.get(file)!, browser: browserVersion, edition: doc.edition.id } });
  }
  const folders = new FolderSwitch(session.workDir);
  for (const r of ready) folders.moveIn(r.file, r.from);
  recordBuilt(
    ready.map((r) => ({ file: r.file, entry: r.entry })),
    (file, data) => folders.writeFile(file, data),
  );
  folders.commit();
  const written: Written[] = ready.map((r) => ({ path: r.file, bytes: r.bytes }));
  for (const w of written) log(`wrote ${path.relative(cwd, w.path)} (${Math.round(w.bytes / 1000)} kB)`);
  for (const plan of plans) updateLatest(options.outDir, plan, log, cwd, session.workDir);
  const problems = [...planProblems, ...(fit?.problems ?? []), ...rendered.problems];
  if (problems.length > 0) throw new BriefError(problems, written.length > 0 ? written.length : undefined);
  return { written, plans };
}
