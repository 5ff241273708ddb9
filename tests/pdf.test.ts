// The In Focus PDF, printed by real Chromium and read back with poppler and pdf-lib.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../src/model/build-document.js';
import type { BriefDocument } from '../src/model/types.js';
import { chromiumExecutable, launchBrowser, withBrowser } from '../src/render/pdf/browser.js';
import { renderPdfPages, sealPage } from '../src/render/pdf/render-pdf.js';
import { layoutFidelity } from './support/fidelity.js';
import { pdfAltTexts, pdfInfo, pdfFonts, pdfText } from './support/pdf-text.js';
import { flatten, pdfOutline } from './support/pdf-outline.js';
import { draftContent, ROOT, runCli } from './support/run-cli.js';

let out: string;
let pdfPath: string;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-pdf-'));
  const r = runCli(['build', 'IF11415', '--content', draftContent(), '--format', 'pdf', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  pdfPath = path.join(out, 'IF11415/1/IF11415.pdf');
});

describe('IF11415 PDF', () => {
  it('has three Letter pages', () => {
    const info = pdfInfo(pdfPath);
    expect(info.Pages).toBe('3');
    expect(info['Page size']).toMatch(/^612 x 792 pts/);
  });

  it('puts at least 176 of the original 179 lines on the same page and in the same column', () => {
    const f = layoutFidelity(pdfPath);
    expect(f.lines).toBe(179);
    expect(f.inPlace, f.misses.join('\n')).toBeGreaterThanOrEqual(176);
    expect(f.footerOnLastPage).toBe(true);
  });

  it('has the footers, running header, masthead and author block where the house style puts them', () => {
    const pages = [1, 2, 3].map((n) => pdfText(pdfPath, n));
    const footer = (t: string) => t.trim().split('\n').pop()!.trim();
    expect(footer(pages[0]!)).toBe('https://crsreports.congress.gov');
    expect(footer(pages[1]!)).toBe('https://crsreports.congress.gov');
    expect(footer(pages[2]!)).toBe('https://crsreports.congress.gov | IF11415 · VERSION 1 · NEW');
    expect(pages[0]).toMatch(/Congressional Research Service/);
    expect(pages[0]).toMatch(/IN FOCUS/);
    expect(pages[0]).toMatch(/January 22, 2020\s+Diplomacy with North Korea: A Status Report/);
    expect(pages[0]!.split('\n')[0]).not.toMatch(/Diplomacy/); // no running header on page 1
    expect(pages[1]!.trimStart().split('\n')[0]!.trim()).toBe('Diplomacy with North Korea: A Status Report');
    expect(pages[1]).toMatch(/Figure 1\. Timeline of North Korean Ballistic Missile/);
    expect(pages[1]).toMatch(/Dianne E\. Rennack, Specialist in Foreign Policy[\s\S]*IF11415/);
  });

  it('holds the disclaimer, word for word, alone on page 3', () => {
    const text = pdfText(pdfPath, 3).replace(/\s+/g, ' ');
    expect(text).toContain('Disclaimer This document was prepared by the Congressional Research Service (CRS).');
    expect(text).toContain('in connection with CRS’s institutional role.');
    expect(text).toContain('wish to copy or otherwise use copyrighted material.');
    expect(text).not.toMatch(/Overview|Specialist/);
  });

  it('embeds every font it uses, all of them ours', () => {
    const fonts = pdfFonts(pdfPath);
    expect(fonts.length).toBeGreaterThan(3);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+(Tinos|Arimo|GilliusADFNo2|Cabin|CrimsonPro)-/);
    }
    expect(fonts.map((f) => f.name.slice(7))).toEqual(expect.arrayContaining(['Tinos-Regular', 'Tinos-Bold', 'GilliusADFNo2-Bold', 'Arimo-Regular', 'CrimsonPro-Bold']));
  });

  it('is tagged: headings, paragraphs, lists and a figure with alt text', () => {
    const struct = execFileSync('pdfinfo', ['-struct', pdfPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    for (const tag of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Figure', 'Caption']) expect(struct).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    expect(pdfAltTexts(pdfPath)).toEqual(expect.arrayContaining([expect.stringMatching(/^Figure 1\. Timeline of North Korean Ballistic Missile/)]));
    expect(pdfInfo(pdfPath).Tagged).toBe('yes');
  });

  it('has an outline from the headings', async () => {
    const titles = flatten(await pdfOutline(fs.readFileSync(pdfPath)));
    expect(titles).toEqual(
      expect.arrayContaining([
        'Diplomacy with North Korea: A Status Report',
        'Overview',
        'Status of U.S.-DPRK Negotiations',
        'Key Developments Since March 2018',
        'North Korea’s Nuclear and Missile Programs',
        'Other Developments',
      ]),
    );
  });

  it('carries the metadata: title, authors, subject, keywords, creator, language, the version date', () => {
    const info = pdfInfo(pdfPath);
    expect(info.Title).toBe('Diplomacy with North Korea: A Status Report');
    expect(info.Author).toBe('Mark E. Manyin; Emma Chanlett-Avery; Mary Beth D. Nikitin; Dianne E. Rennack');
    expect(info.Subject).toMatch(/^The status of U\.S\.-North Korea diplomacy/);
    expect(info.Keywords).toBe('IF11415, North Korea, DPRK, denuclearization, sanctions, summit diplomacy');
    expect(info.Creator).toMatch(/^crs-briefs/);
    expect(info.CreationDate).toMatch(/Jan 22 12:00:00 2020/);
    expect(fs.readFileSync(pdfPath, 'latin1')).toMatch(/\/Lang \(en-US\)/);
  });

  it('is the same bytes when built twice', () => {
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-pdf2-'));
    expect(runCli(['build', 'IF11415', '--content', draftContent(), '--format', 'pdf', '--out', again]).status).toBe(0);
    expect(fs.readFileSync(path.join(again, 'IF11415/1/IF11415.pdf')).equals(fs.readFileSync(pdfPath))).toBe(true);
  });
});

describe('fit', () => {
  it('a brief that overflows page 2 fails, says which brief, by how much and what, and writes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-overflow-'));
    const r = runCli(['build', '--content', path.join(ROOT, 'tests/fixtures/overflow'), '--out', dir, '--format', 'html,pdf']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /fixtures\/overflow\/IF10003\/brief\.md:49:1: error: IF10003 does not fit its two pages: \d+ lines \([\d.]+ pt\) overflow page 2, starting “fixture brief is deliberately/,
    );
    const lines = Number(/fit its two pages: (\d+) lines/.exec(r.stderr)![1]);
    expect(lines).toBeGreaterThan(5);
    expect(lines).toBeLessThan(25);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('sealed rendering', () => {
  let doc: BriefDocument;
  let server: http.Server;
  let hits = 0;
  let port = 0;

  beforeAll(async () => {
    doc = await buildDocument(path.join(ROOT, 'content/IF11415/brief.md'), ROOT);
    server = http.createServer((_, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('loads nothing from outside: a remote image in the page never reaches the server', async () => {
    const url = `http://127.0.0.1:${port}/tracker.png`;
    const result = await withBrowser((b) => renderPdfPages(b, doc, { extraCss: `body{background-image:url(${url})}` }));
    expect(hits).toBe(0);
    expect(result.pdf.byteLength).toBeGreaterThan(10_000);
  });

  it('refuses, at the request level, everything but data: URIs, even without the CSP', async () => {
    const url = `http://127.0.0.1:${port}/beacon`;
    await withBrowser(async (b) => {
      const page = await b.newPage();
      const blocked: string[] = [];
      await sealPage(page, blocked);
      await page.setContent(`<img src="${url}"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">`);
      expect(blocked).toEqual([url]);
    });
    expect(hits).toBe(0);
  });

  it('stops a render that hangs, with a clear error, and the browser still serves the batch', async () => {
    await withBrowser(async (b) => {
      await expect(renderPdfPages(b, doc, { timeoutMs: 30 })).rejects.toThrow(/rendering IF11415 did not finish within 0\.03 s; stopped/);
      const ok = await renderPdfPages(b, doc);
      expect(ok.report.overflow).toBeNull();
    });
  });

  it('closes the browser when a render fails', async () => {
    let seen: Awaited<ReturnType<typeof launchBrowser>> | undefined;
    await expect(
      withBrowser(async (b) => {
        seen = b;
        throw new Error('render failed');
      }),
    ).rejects.toThrow('render failed');
    expect(seen!.connected).toBe(false);
    const proc = seen!.process();
    if (proc) expect(proc.exitCode !== null || proc.signalCode !== null).toBe(true);
  });

  it('finds Chromium: PUPPETEER_EXECUTABLE_PATH first, then the system’s', () => {
    expect(chromiumExecutable({ PUPPETEER_EXECUTABLE_PATH: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
    const system = chromiumExecutable({});
    if (system) expect(fs.existsSync(system)).toBe(true);
  });
});
