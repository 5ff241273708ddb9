// The preview's HTTP server (plain node:http), on 127.0.0.1 only. It serves its own routes and
// nothing else (no files from any path):
//   GET /             the shell page (shell/), which shows the pages and the fit meter
//   GET /shell.js, /shell.css
//   GET /pages.html   the last good rendering: static, sealed HTML (its CSP, no scripts)
//   GET /status.json  the session's status (status.ts)
//   GET /events       server-sent events: the status after every rebuild
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { srcFile } from '../render/shared/paths.js';
import { SEALED_CSP } from '../render/shared/sealed-html.js';
import type { PreviewSession } from './session.js';

export const HOST = '127.0.0.1';

const SHELL_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// The pages document keeps its own sealed CSP; framed by the shell only.
const PAGES_CSP = `${SEALED_CSP}; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`;
const HEARTBEAT_MS = 20_000;

const shellFile = (name: string) => fs.readFileSync(srcFile('preview/shell', name), 'utf8');

interface Route {
  type: string;
  csp?: string;
  body: () => string;
}

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(session: PreviewSession, port: number): Promise<PreviewServer> {
  const [shellHtml, shellJs, shellCss] = ['shell.html', 'shell.js', 'shell.css'].map(shellFile) as [string, string, string];
  const routes: Record<string, Route> = {
    '/': { type: 'text/html; charset=utf-8', csp: SHELL_CSP, body: () => shellHtml },
    '/shell.js': { type: 'text/javascript; charset=utf-8', body: () => shellJs },
    '/shell.css': { type: 'text/css; charset=utf-8', body: () => shellCss },
    '/pages.html': { type: 'text/html; charset=utf-8', csp: PAGES_CSP, body: () => session.pages },
    '/status.json': { type: 'application/json; charset=utf-8', body: () => JSON.stringify(session.status) },
  };
  const clients = new Set<http.ServerResponse>();
  let listeningPort = port;

  const server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
    const refuse = (status: number, text: string) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${text}\n`);
    };
    // Only as 127.0.0.1 or localhost: a page elsewhere that rebinds its own name to 127.0.0.1
    // must not read the draft.
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${listeningPort}` && host !== `localhost:${listeningPort}`) return refuse(403, 'the preview answers to 127.0.0.1 only');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return refuse(405, 'GET only');
    }
    const raw = req.url ?? '/';
    // No paths are served, but a path that tries to climb out is refused as such.
    if (/(^|[/\\])\.\.([/\\]|$)|%2e|%2f|%5c|\\/i.test(raw)) return refuse(400, 'no such path');
    const pathname = raw.split('?')[0]!;
    if (pathname === '/events') return events(req, res);
    const route = routes[pathname];
    if (!route) return refuse(404, 'not found');
    const body = route.body();
    res.writeHead(200, { 'Content-Type': route.type, 'Content-Length': Buffer.byteLength(body), ...(route.csp ? { 'Content-Security-Policy': route.csp } : {}) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  function events(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    // A lost connection comes back within a second (EventSource reconnects by itself).
    res.write(`retry: 1000\n\n`);
    send(res, session.status);
    clients.add(res);
    req.on('close', () => clients.delete(res));
  }

  const send = (res: http.ServerResponse, status: unknown) => res.write(`event: status\ndata: ${JSON.stringify(status)}\n\n`);
  const unsubscribe = session.onUpdate((status) => {
    for (const res of clients) send(res, status);
  });
  // Keeps idle connections open through proxies and lets a client notice a dead server.
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  listeningPort = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${listeningPort}/`,
    port: listeningPort,
    async close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
