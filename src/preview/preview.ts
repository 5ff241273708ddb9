// `brief preview PRODUCT [--port N]`: the author's loop. Serves the brief laid out as its PDF on
// 127.0.0.1, rebuilds on every save of the brief, its figures or the templates, and pushes each
// result to the page; runs until Ctrl-C (or SIGTERM/SIGHUP), then closes the watcher, the server
// and the browser, in that order.
import path from 'node:path';
import { TEMPLATES_DIR } from '../render/shared/paths.js';
import { findBriefs, UsageError } from '../source/find-briefs.js';
import { startServer, type PreviewServer } from './server.js';
import { PreviewSession } from './session.js';
import { watchSources } from './watch.js';

export const DEFAULT_PORT = 4177;

export function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 1024 && port <= 65535)) throw new UsageError(`--port ${value}: expected a port number from 1024 to 65535`);
  return port;
}

export interface PreviewOptions {
  contentDir: string;
  /** The positional arguments: exactly one product. */
  products: string[];
  /** --port, as given. */
  port?: string | undefined;
  cwd?: string;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

export async function runPreview(options: PreviewOptions): Promise<void> {
  const log = options.log ?? ((l: string) => console.log(l));
  const warn = options.warn ?? ((l: string) => console.error(l));
  if (options.products.length !== 1) throw new UsageError('preview needs one PRODUCT, e.g. `brief preview IF11415`');
  const port = parsePort(options.port);
  const [brief] = findBriefs(options.contentDir, options.products);
  const { product, sourcePath } = brief!;
  const session = new PreviewSession({ product, sourcePath, cwd: options.cwd ?? process.cwd(), log, warn });

  let server: PreviewServer;
  try {
    server = await startServer(session, port);
  } catch (err) {
    if ((err as { code?: string }).code === 'EADDRINUSE') throw new UsageError(`port ${port} on 127.0.0.1 is in use: choose another with --port N`);
    throw err;
  }
  // Watching before the first build, so a save made while it runs is not missed.
  const watcher = await watchSources({ briefDir: path.dirname(sourcePath), templatesDir: TEMPLATES_DIR }, (change) => session.touch(change));
  log(`brief preview: ${product} at ${server.url} (Ctrl-C to stop)`);
  session.touch({ brief: true });

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(s, () => resolve(s));
  });
  // A second signal while closing means: stop now.
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(s, () => process.exit(130));
  log(`brief preview: ${signal}, stopping`);
  await watcher.close();
  await server.close();
  await session.close();
}
