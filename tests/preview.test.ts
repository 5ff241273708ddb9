// The live preview (`brief preview`), as an author uses it: the real command line serving a copy
// of IF11415, and a second Chromium page, pointed at the preview's shell, as the author's browser.
// Each step saves the brief and waits for the shell to show the result.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../src/model/build-document.js';
import type { PreviewStatus } from '../src/preview/status.js';
import { launchBrowser } from '../src/render/pdf/browser.js';
import { renderPdfPages } from '../src/render/pdf/render-pdf.js';
import { ROOT, runCli } from './support/run-cli.js';

let content: string;
let source: string;
let original: string;
let port: number;
let server: ChildProcess;
let serverExit: Promise<number | null>;
let serverOutput = '';
let browser: Browser;
let shell: Page;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const base = () => `http://127.0.0.1:${port}`;

async function status(): Promise<PreviewStatus> {
  const res = await fetch(`${base()}/status.json`);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as PreviewStatus;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${serverOutput}`);
    await sleep(50);
  }
}

/** Save the brief; resolves with the status of the rebuild it caused, once the shell shows it. */
async function save(text: string): Promise<PreviewStatus> {
  const before = await status();
  fs.writeFileSync(source, text);
  const after = await until('the rebuild', async () => {
    const s = await status();
    return s.version > before.version ? s : undefined;
  });
  await shell.waitForFunction(
    (v, pv) => document.body.dataset.version !== undefined && Number(document.body.dataset.version) >= v && document.body.dataset.pagesVersion === String(pv),
    { timeout: 60_000 },
    after.version,
    after.pagesVersion,
  );
  return after;
}

/** What the shell shows: the text of the pages on show, the meter, the error panel. */
const shown = () =>
  shell.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.pages:not(.back)')!;
    const doc = frame.contentDocument!;
    const errors = document.getElementById('errors')!;
    return {
      pagesText: doc.body.textContent!.replace(/\s+/g, ' '),
      pages: doc.querySelectorAll('.pages > .page').length,
      overflowPages: [...doc.querySelectorAll('.preview-overflow')].map((p) => p.textContent!.replace(/\s+/g, ' ')),
      overflowStart: doc.querySelectorAll('.preview-overflow-start').length,
      outline: getComputedStyle(doc.querySelector('.preview-overflow .page-columns') ?? doc.body).outlineStyle,
      scripts: doc.querySelectorAll('script').length,
      meter: document.getElementById('meter')!.textContent!,
      meterClass: document.getElementById('meter')!.className,
      errorsShown: !errors.hidden,
      errorsText: errors.textContent!.replace(/\s+/g, ' '),
    };
  });

function get(rawPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject).end();
  });
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port: p } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return p;
}

beforeAll(async () => {
  content = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-preview-'));
  fs.cpSync(path.join(ROOT, 'content/IF11415'), path.join(content, 'IF11415'), { recursive: true, filter: (src) => !src.includes(`${path.sep}versions`) });
  source = path.join(content, 'IF11415/brief.md');
  original = fs.readFileSync(source, 'utf8');
  port = await freePort();
  server = spawn(process.execPath, [path.join(ROOT, 'bin/brief.js'), 'preview', 'IF11415', '--content', content, '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (c: Buffer) => (serverOutput += c.toString()));
  server.stderr!.on('data', (c: Buffer) => (serverOutput += c.toString()));
  serverExit = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
  browser = await launchBrowser();
  await until('the first rendering', async () => ((await status()).version >= 1 ? true : undefined), 150_000);
  shell = await browser.newPage();
  await shell.setViewport({ width: 1200, height: 900 });
  await shell.goto(base(), { waitUntil: 'load' });
  await shell.waitForFunction(() => Number(document.body.dataset.pagesVersion) >= 1, { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGKILL');
    await serverExit;
  }
  if (content) fs.rmSync(content, { recursive: true, force: true });
});

describe('brief preview', () => {
  it('shows the brief laid out as its PDF, with the fit the PDF layout reports', async () => {
    const s = await status();
    expect(s).toMatchObject({ product: 'IF11415', errors: [], fit: { fits: true, overflowLines: 0 } });
    expect(s.version).toBeGreaterThanOrEqual(1);
    expect(s.ms).toBeGreaterThan(0);
    // The PDF renderer's own layout of the same source agrees.
    const doc = await buildDocument(source, ROOT);
    const { report } = await renderPdfPages(browser, doc, { layoutOnly: true });
    expect(report.overflow).toBeNull();
    expect(s.fit!.spareLines).toBe(report.spare!.lines);
    const view = await shown();
    expect(view.meter).toBe(`fits \u2014 ${report.spare!.lines} line${report.spare!.lines === 1 ? '' : 's'} to spare on page 2`);
    expect(view.meterClass).toContain('fits');
    expect(view.pages).toBe(report.contentPages + 1);
    expect(view.pagesText).toContain('Diplomacy with North Korea: A Status Report');
    expect(view.scripts).toBe(0);
    expect(view.errorsShown).toBe(false);
  });

  it('shows an edit: the new words are on the page', async () => {
    expect(original).toContain('first agreed in March 2018');
    const s = await save(original.replace('first agreed in March 2018', 'Quixotically agreed in March 2018'));
    expect(s.errors).toEqual([]);
    expect((await shown()).pagesText).toContain('Quixotically agreed');
  });

  it('overflowing: the meter says by how much and from where, and the overflow is highlighted', async () => {
    const extra = Array.from({ length: 12 }, (_, i) => `Overflowing paragraph ${i + 1} adds sentences about sanctions, summits and envoys until the brief no longer fits its two pages.`);
    const text = `${original.trimEnd()}\n\n${extra.join('\n\n')}\n`;
    const s = await save(text);
    expect(s.errors).toEqual([]);
    expect(s.fit).toMatchObject({ fits: false, spareLines: 0 });
    expect(s.fit!.overflowLines).toBeGreaterThan(0);
    const view = await shown();
    const m = /^overflows by (\d+) lines?, from ‘(.+)’ \(brief\.md:(\d+)\)$/.exec(view.meter);
    expect(m, view.meter).not.toBeNull();
    expect(Number(m![1])).toBe(s.fit!.overflowLines);
    // The line named holds the words the overflow starts with.
    const line = text.split('\n')[Number(m![3]) - 1]!;
    expect(line).toContain(s.fit!.overflow!.startsWith.split(' ').slice(0, 3).join(' '));
    expect(view.meterClass).toContain('overflows');
    // Highlighted: the pages past page 2 hold the overflow, outlined, its first block marked.
    expect(view.overflowPages.length).toBeGreaterThan(0);
    expect(view.overflowPages.join(' ')).toContain(s.fit!.overflow!.startsWith.slice(0, 30));
    expect(view.overflowPages.join(' ')).toContain('Overflowing paragraph 12');
    expect(view.overflowStart).toBe(1);
    expect(view.outline).toBe('dashed');
    expect(view.pagesText).toContain('DRAFT \u2014 overflows two pages');
  });

  it('a broken date: the error panel names file:line over the last good rendering, and the server lives on', async () => {
    const shownBefore = await status();
    const s = await save(fs.readFileSync(source, 'utf8').replace('date: 2020-01-22', 'date: 2026-13-45'));
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]).toMatchObject({ line: 4, column: expect.any(Number) });
    expect(s.errors[0]!.file).toMatch(/IF11415\/brief\.md$/);
    expect(s.errors[0]!.message).toContain('2026-13-45');
    // The last good rendering stays on show.
    expect(s.pagesVersion).toBe(shownBefore.pagesVersion);
    const view = await shown();
    expect(view.errorsShown).toBe(true);
    expect(view.errorsText).toMatch(/IF11415\/brief\.md:4:\d+: .*2026-13-45/);
    expect(view.pagesText).toContain('Overflowing paragraph 12');
    expect(view.meterClass).toContain('stale');
    // Alive: it answers, and the shell's own files and the pages are still served.
    expect((await status()).errors).toHaveLength(1);
    expect((await get('/pages.html')).status).toBe(200);
  });

  it('fixing the source recovers by itself', async () => {
    const before = await status();
    const s = await save(original.replace('first agreed in March 2018', 'Recovered agreed in March 2018'));
    expect(s.errors).toEqual([]);
    expect(s.version).toBeGreaterThan(before.version);
    expect(s.pagesVersion).toBe(s.version);
    expect(s.fit).toMatchObject({ fits: true });
    const view = await shown();
    expect(view.errorsShown).toBe(false);
    expect(view.pagesText).toContain('Recovered agreed');
    expect(view.pagesText).not.toContain('Overflowing paragraph');
    expect(view.meter).toMatch(/^fits — \d+ lines? to spare on page 2$/);
  });

  it('serves its own routes only, sealed, to 127.0.0.1 only', async () => {
    const pages = await get('/pages.html');
    expect(pages.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(pages.headers['content-security-policy']).not.toMatch(/script-src/);
    expect(pages.body).toContain('http-equiv="Content-Security-Policy"');
    expect(pages.body).not.toMatch(/<script/i);
    const page = await get('/');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect((await get('/../../etc/passwd')).status).toBe(400);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(400);
    expect((await get('/brief.md')).status).toBe(404);
    expect((await get('/IF11415/brief.md')).status).toBe(404);
    expect((await get('/status.json', { Host: 'attacker.example:80' })).status).toBe(403);
    expect((await get('/status.json', {}, 'POST')).status).toBe(405);
  });

  it('refuses a port outside 1024–65535 as a usage error', () => {
    const r = runCli(['preview', 'IF11415', '--content', content, '--port', '80']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--port 80: expected a port number from 1024 to 65535/);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    server.kill('SIGTERM');
    const code = await Promise.race([serverExit, sleep(30_000).then(() => 'timeout' as const)]);
    expect(code, serverOutput).toBe(0);
    expect(serverOutput).toMatch(/SIGTERM, stopping/);
  });
});
