// Parsing a brief runs in a worker thread with a time limit, so that no input can freeze the
// command line: the input limits refuse every shape known to make remark or rehype run away, and
// should another slip through, the worker is terminated when its time is up and the brief gets
// `file:1:1: error: parsing took longer than N s`. One worker serves a whole run (starting one
// costs more than parsing a brief); a worker that timed out or died is replaced on the next call.
// The parsed model (hast, metadata, figures) comes back by structured clone, which keeps its
// shape, property order and shared references, so outputs stay byte-identical.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VFileMessage } from 'vfile-message';
import { BriefError, fatalMessage } from '../report.js';
import type { ParsedBrief } from './parse-brief.js';
import { PROJECT_ROOT } from '../render/shared/paths.js';

export interface ParseOptions {
  /** Time allowed for reading, checking and parsing one brief (default PARSE_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * A real brief parses in well under a second; 30 s leaves room for a loaded machine.
 * `BRIEF_PARSE_TIMEOUT` (seconds) overrides it.
 */
export const PARSE_TIMEOUT_MS = 30_000;
/** Starting the worker (loading the pipeline, compiling TypeScript on a cold tsx cache) on a busy machine. */
const STARTUP_TIMEOUT_MS = 120_000;
/** A runaway parse runs out of this much heap, not the machine's. */
const WORKER_HEAP_MB = 1024;

export function parseTimeoutMs(options: ParseOptions = {}): number {
  if (options.timeoutMs !== undefined) return options.timeoutMs;
  const env = Number(process.env.BRIEF_PARSE_TIMEOUT);
  return Number.isFinite(env) && env > 0 ? env * 1000 : PARSE_TIMEOUT_MS;
}

/** A vfile message as it crosses between threads (structured clone drops its class). */
export interface WireMessage {
  reason: string;
  file?: string;
  place?: VFileMessage['place'];
  ruleId?: string;
  source?: string;
  fatal?: boolean | null;
}

export function messageToWire(m: VFileMessage): WireMessage {
  return { reason: m.reason, ...(m.file ? { file: m.file } : {}), ...(m.place ? { place: m.place } : {}), ...(m.ruleId ? { ruleId: m.ruleId } : {}), ...(m.source ? { source: m.source } : {}), fatal: m.fatal };
}

export function messageFromWire(w: WireMessage): VFileMessage {
  const m = new VFileMessage(w.reason, { ...(w.place ? { place: w.place } : {}), ...(w.ruleId ? { ruleId: w.ruleId } : {}), ...(w.source ? { source: w.source } : {}) });
  if (w.file) m.file = w.file;
  m.fatal = w.fatal;
  return m;
}

export type WorkerRequest = { id: number; sourcePath: string; cwd: string };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'parsed'; id: number; parsed: Omit<ParsedBrief, 'warnings'> & { warnings: WireMessage[] } }
  | { type: 'refused'; id: number; messages: WireMessage[] }
  | { type: 'crashed'; id: number; error: { name: string; message: string; stack?: string } };

/** Under tsx (or vitest) this module is TypeScript and so is the worker's: it registers tsx first. */
const BOOT_WITH_TSX = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });`;

function startWorker(): { worker: Worker; ready: Promise<void> } {
  // TypeScript (tests, tsx): the worker's source next to this one; compiled: its bundle in dist/.
  const typescript = fileURLToPath(import.meta.url).endsWith('.ts');
  const entry = typescript ? new URL('./parse-worker.ts', import.meta.url) : pathToFileURL(path.join(PROJECT_ROOT, 'dist', 'parse-worker.js'));
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  const worker = typescript
    ? new Worker(BOOT_WITH_TSX, { eval: true, execArgv: [], workerData: { entry: entry.href, tsx: import.meta.resolve('tsx/esm/api') }, resourceLimits })
    : new Worker(entry, { resourceLimits });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the parsing worker did not start within ${STARTUP_TIMEOUT_MS / 1000} s`)), STARTUP_TIMEOUT_MS);
    const done = (err?: Error) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', done).off('exit', onExit);
      if (err) reject(err);
      else resolve();
    };
    const onMessage = (m: WorkerReply) => m.type === 'ready' && done();
    const onExit = (code: number) => done(new Error(`the parsing worker exited with code ${code} before it started`));
    worker.on('message', onMessage).on('error', done).on('exit', onExit);
  });
  // Handled by whoever awaits it; without this a failed start would also be an unhandled rejection.
  ready.catch(() => undefined);
  const started = { worker, ready };
  // An 'error' with no listener would throw in this thread; between jobs, just forget the worker.
  worker.on('error', () => {
    if (current === started) current = undefined;
  });
  return started;
}

let current: { worker: Worker; ready: Promise<void> } | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

/** Parse one brief in the worker; throws BriefError for the brief's problems (a timeout included). */
export function parseInWorker(sourcePath: string, cwd: string, options: ParseOptions = {}): Promise<ParsedBrief> {
  // One brief at a time: the worker is single-threaded anyway, and a timeout must be the brief's own.
  const job = queue.then(() => parseNow(sourcePath, cwd, parseTimeoutMs(options)));
  queue = job.catch(() => undefined);
  return job;
}

async function parseNow(sourcePath: string, cwd: string, timeoutMs: number): Promise<ParsedBrief> {
  const w = (current ??= startWorker());
  w.worker.ref();
  try {
    await w.ready;
  } catch (err) {
    discard(w);
    throw err;
  }
  const id = nextId++;
  return new Promise<ParsedBrief>((resolve, reject) => {
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      w.worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      // Idle, the worker must not keep a library user's process alive.
      if (current === w) w.worker.unref();
      settle();
    };
    const timer = setTimeout(() => {
      discard(w);
      const seconds = Number((timeoutMs / 1000).toFixed(3));
      finish(() =>
        reject(
          new BriefError([
            fatalMessage(sourcePath, cwd, `parsing took longer than ${seconds} s and was stopped: expected a brief to parse in well under a second (simplify deeply nested or repeated markup)`, 1, 'parse-timeout'),
          ]),
        ),
      );
    }, timeoutMs);
    const onMessage = (m: WorkerReply) => {
      if (m.type === 'ready' || m.id !== id) return;
      if (m.type === 'parsed') finish(() => resolve({ ...m.parsed, warnings: m.parsed.warnings.map(messageFromWire) }));
      else if (m.type === 'refused') finish(() => reject(new BriefError(m.messages.map(messageFromWire))));
      else finish(() => reject(Object.assign(new Error(m.error.message), { name: m.error.name, stack: m.error.stack })));
    };
    const onError = (err: Error & { code?: string }) => {
      discard(w);
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish(() => reject(new BriefError([fatalMessage(sourcePath, cwd, `parsing used more than ${WORKER_HEAP_MB} MB and was stopped: expected a brief of ordinary size and nesting`, 1, 'parse-memory')])));
      } else finish(() => reject(err));
    };
    const onExit = (code: number) => {
      discard(w);
      finish(() => reject(new Error(`the parsing worker exited with code ${code} while parsing ${sourcePath}`)));
    };
    w.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    w.worker.postMessage({ id, sourcePath, cwd } satisfies WorkerRequest);
  });
}

function discard(w: { worker: Worker }): void {
  if (current === w) current = undefined;
  void w.worker.terminate();
}

/**
 * Start the worker ahead of the first parse: its start-up (Node's, then the unified pipeline's
 * modules) then runs beside the caller's own loading instead of after it.
 */
export function startParseWorker(): void {
  current ??= startWorker();
  current.worker.unref();
}

/** Stop the worker now (tests; the command line simply exits). */
export async function stopParseWorker(): Promise<void> {
  const w = current;
  current = undefined;
  await w?.worker.terminate();
}
