// The distribution site (`brief dist`) on a two-version fixture product, built through the real
// CLI: the files, the manifest's checksums, the Atom feed, every link, the zips, axe-core in real
// Chromium, and byte-identical output from a second run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import JSZip from 'jszip';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/publish/content-hash.js';
import { launchBrowser } from '../src/render/pdf/browser.js';
import { ROOT, runCli } from './support/run-cli.js';

const P = 'IF10005';
const FORMATS = ['html', 'pdf', 'docx'] as const;
let dir: string;
let content: string;
let out: string;
let site: string;
let dist: ReturnType<typeof runCli>;
let distSeconds: number;

const cli = (...args: string[]) => runCli([...args, '--content', content, '--out', out]);
const siteFile = (rel: string) => path.join(site, ...rel.split('/'));
const read = (rel: string) => fs.readFileSync(siteFile(rel));
const parse = (rel: string): Root => fromHtml(read(rel).toString('utf8'));

/** Every file under a folder, relative and '/'-separated, with its bytes. */
function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else files.set(r, fs.readFileSync(path.join(root, r)));
    }
  };
  walk('');
  return files;
}

/** The zip's central directory: each entry's name, compression method and DOS date and time. */
function centralDirectory(zip: Buffer): { name: string; method: number; date: number[]; time: number[] }[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  return Array.from({ length: zip.readUInt16LE(eocd + 10) }, () => {
    const t = zip.readUInt16LE(at + 12);
    const d = zip.readUInt16LE(at + 14);
    const n = zip.readUInt16LE(at + 28);
    const entry = { name: zip.toString('utf8', at + 46, at + 46 + n), method: zip.readUInt16LE(at + 10), date: [(d >> 9) + 1980, (d >> 5) & 15, d & 31], time: [t >> 11, (t >> 5) & 63, (t & 31) * 2] };
    at += 46 + n + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    return entry;
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-site-'));
  content = path.join(dir, 'content');
  out = path.join(dir, 'output');
  site = path.join(out, 'site');
  fs.cpSync(path.join(ROOT, 'tests/fixtures/versions', P), path.join(content, P), { recursive: true });
  const draft = path.join(content, P, 'brief.md');
  const r1 = cli('release', P);
  expect(r1.status, r1.stderr).toBe(0);
  fs.writeFileSync(draft, fs.readFileSync(draft, 'utf8').replace('Negotiations continue on subsidies', 'Negotiations continue, slowly, on subsidies'));
  const r2 = cli('release', P, '--date', '2022-09-01');
  expect(r2.status, r2.stderr).toBe(0);
  // A draft of version 3 in progress: `make all` builds it as a preview; it must not reach the site.
  fs.writeFileSync(
    draft,
    fs
      .readFileSync(draft, 'utf8')
      .replace(/^version: 2$/m, 'version: 3')
      .replace('Whether the United States should accept', 'Whether and when the United States should accept'),
  );
  const t0 = performance.now();
  dist = cli('dist');
  distSeconds = (performance.now() - t0) / 1000;
  expect(dist.status, dist.stderr).toBe(0);
}, 240_000);

describe('brief dist', () => {
  it('writes both published versions’ files, the redline, the pages, feed and manifest, and no draft', () => {
    expect(dist.stderr).toBe('');
    for (const v of [1, 2]) {
      // Buffer.equals: vitest's deep equality walks a buffer byte by byte, far too slowly for a PDF.
      for (const f of FORMATS) expect(read(`${P}/${v}/${P}.${f}`).equals(fs.readFileSync(path.join(out, P, String(v), `${P}.${f}`))), `${v}/${f}`).toBe(true);
      expect(fs.existsSync(siteFile(`${P}/${v}/${P}-${v}.zip`))).toBe(true);
    }
    for (const f of [`${P}/diffs/1-2/${P}-1-2-redline.html`, `${P}/diffs/1-2/${P}-2-tracked-changes.docx`, `${P}/index.html`, 'index.html', 'feed.xml', 'manifest.json']) {
      expect(fs.existsSync(siteFile(f)), f).toBe(true);
    }
    expect(fs.existsSync(siteFile(`${P}/3`))).toBe(false);
    expect([...snapshot(site).keys()].filter((f) => f.includes('/3/') || f.includes('latest'))).toEqual([]);
    expect(dist.stdout).toMatch(/site .*: 1 product, 2 versions, 14 files/);
    console.log(`brief dist: ${distSeconds.toFixed(1)} s`);
  });

  it('index: the product with its title, latest version, date, status and files; an Atom alternate link', () => {
    const tree = parse('index.html');
    expect(select('html', tree)!.properties.lang).toBe('en-US');
    expect(select('link[rel=alternate][type="application/atom+xml"]', tree)!.properties.href).toBe('feed.xml');
    const row = select('tbody tr', tree)!;
    const cells = selectAll('th, td', row).map((c) => toText(c).trim());
    expect(cells.slice(0, 5)).toEqual(['Fisheries Subsidies at the WTO: A Test Brief', P, '2', 'September 1, 2022', 'Updated']);
    expect(selectAll('a', row).map((a) => [a.properties.href, toText(a)])).toEqual([
      [`${P}/index.html`, 'Fisheries Subsidies at the WTO: A Test Brief'],
      [`${P}/2/${P}.html`, expect.stringMatching(/^HTML of IF10005 version 2, \d+ kB$/)],
      [`${P}/2/${P}.pdf`, expect.stringMatching(/^PDF of IF10005 version 2, \d+ kB$/)],
      [`${P}/2/${P}.docx`, expect.stringMatching(/^DOCX of IF10005 version 2, \d+ kB$/)],
    ]);
  });

  it('product page: every version newest first with its files, zip and the redline from the one before', () => {
    const tree = parse(`${P}/index.html`);
    expect(toText(select('h1', tree)!)).toBe('Fisheries Subsidies at the WTO: A Test Brief');
    const rows = selectAll('tbody tr', tree);
    expect(rows.map((r) => toText(select('th', r)!))).toEqual(['Version 2', 'Version 1']);
    const hrefs = rows.map((r) => selectAll('a', r).map((a) => a.properties.href));
    expect(hrefs[0]).toEqual([`2/${P}.html`, `2/${P}.pdf`, `2/${P}.docx`, `2/${P}-2.zip`, `diffs/1-2/${P}-1-2-redline.html`, `diffs/1-2/${P}-2-tracked-changes.docx`]);
    expect(hrefs[1]).toEqual([`1/${P}.html`, `1/${P}.pdf`, `1/${P}.docx`, `1/${P}-1.zip`]);
    expect(toText(rows[0]!)).toMatch(/September 1, 2022\s*Updated/);
    expect(toText(rows[1]!)).toMatch(/June 17, 2022\s*New[\s\S]*First version/);
    // Link text says what it opens and how big it is.
    const size = (rel: string) => Math.round(read(rel).length / 1000);
    expect(toText(selectAll('a', rows[0]!)[1]!)).toBe(`PDF of IF10005 version 2, ${size(`${P}/2/${P}.pdf`)} kB`);
  });

  it('site pages are plain: lang, one h1, a main, a CSP without scripts, no script elements', () => {
    for (const rel of ['index.html', `${P}/index.html`]) {
      const tree = parse(rel);
      expect(selectAll('h1', tree)).toHaveLength(1);
      expect(selectAll('main', tree)).toHaveLength(1);
      expect(selectAll('script', tree)).toHaveLength(0);
      expect(select('meta[http-equiv=Content-Security-Policy]', tree)!.properties.content).toBe("default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:");
    }
  });

  it('manifest: every product and version, and each file’s size and SHA-256 match the file', () => {
    const m = JSON.parse(read('manifest.json').toString('utf8'));
    expect(m.products).toHaveLength(1);
    const [product] = m.products;
    expect(product).toMatchObject({ id: P, title: 'Fisheries Subsidies at the WTO: A Test Brief' });
    expect(product.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const listed: { path: string; size: number; sha256: string }[] = [];
    for (const v of product.versions) {
      expect(v).toMatchObject({ id: P, status: v.version === 1 ? 'new' : 'updated', date: v.version === 1 ? '2022-06-17' : '2022-09-01' });
      expect(v.authors).toEqual([{ name: 'Ann Analyst', title: 'Analyst in International Trade' }]);
      expect(v.formats.map((f: { format: string }) => f.format)).toEqual(['HTML', 'PDF', 'DOCX']);
      listed.push(...v.formats, v.zip);
      if (v.version === 1) expect(v.redline).toBeNull();
      else listed.push(v.redline.html, v.redline.trackedChangesDocx);
    }
    for (const f of listed) {
      const data = read(f.path);
      expect({ path: f.path, size: data.length, sha256: sha256(data) }).toEqual({ path: f.path, size: f.size, sha256: f.sha256 });
    }
    // Every site file but the pages, the feed and the manifest itself is listed.
    const unlisted = [...snapshot(site).keys()].filter((f) => !listed.some((l) => l.path === f));
    expect(unlisted.sort()).toEqual([`${P}/index.html`, 'feed.xml', 'index.html', 'manifest.json']);
  });

  it('feed.xml parses as Atom: one entry per version, newest first, with id, title, updated and a link that resolves', () => {
    const xml = read('feed.xml').toString('utf8');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['entry', 'link', 'author', 'category'].includes(name) }).parse(xml);
    expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(doc.feed.id).toMatch(/^tag:/);
    expect(doc.feed.updated).toBe('2022-09-01T12:00:00.000Z');
    expect(doc.feed.author[0].name).toBe('Congressional Research Service');
    const entries = doc.feed.entry as Record<string, unknown>[];
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => e.id)).toEqual([`tag:crsreports.congress.gov,2022-09-01:${P}/2`, `tag:crsreports.congress.gov,2022-06-17:${P}/1`]);
    expect(entries.map((e) => e.updated)).toEqual(['2022-09-01T12:00:00.000Z', '2022-06-17T12:00:00.000Z']);
    for (const e of entries) {
      expect((e.title as { '#text': string })['#text']).toMatch(/^IF10005 version [12]: Fisheries Subsidies at the WTO: A Test Brief$/);
      const link = (e.link as { '@_href': string }[])[0]!['@_href'];
      expect(link).toMatch(/^IF10005\/[12]\/IF10005\.html$/);
      expect(fs.existsSync(siteFile(link))).toBe(true);
      expect((e.author as { name: string }[])[0]!.name).toBe('Ann Analyst');
    }
    expect(xml).not.toContain('site.invalid');
  });

  it('every href and src in every site HTML page resolves to a file in the site', () => {
    const pages = [...snapshot(site).keys()].filter((f) => f.endsWith('.html'));
    expect(pages.sort()).toEqual([`${P}/1/${P}.html`, `${P}/2/${P}.html`, `${P}/diffs/1-2/${P}-1-2-redline.html`, `${P}/index.html`, 'index.html']);
    const broken: string[] = [];
    let checked = 0;
    for (const rel of pages) {
      visit(parse(rel), 'element', (el: Element) => {
        for (const attr of ['href', 'src'] as const) {
          const value = el.properties[attr];
          if (typeof value !== 'string') continue;
          if (value.startsWith('#') || value.startsWith('data:') || value.startsWith('https://crsreports.congress.gov')) continue;
          if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) {
            broken.push(`${rel}: ${attr}="${value}" leaves the site`);
            continue;
          }
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), decodeURI(value.split('#')[0]!.split('?')[0]!)));
          checked++;
          if (target.startsWith('../') || !fs.existsSync(siteFile(target)) || !fs.statSync(siteFile(target)).isFile()) broken.push(`${rel}: ${attr}="${value}" → ${target}`);
        }
      });
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('each version’s zip holds its three files and a SHA256SUMS whose lines match them', async () => {
    for (const v of [1, 2]) {
      const zip = await JSZip.loadAsync(read(`${P}/${v}/${P}-${v}.zip`));
      const folder = `${P}-${v}`;
      expect(Object.keys(zip.files)).toEqual([`${folder}/${P}.html`, `${folder}/${P}.pdf`, `${folder}/${P}.docx`, `${folder}/SHA256SUMS`]);
      const sums = await zip.file(`${folder}/SHA256SUMS`)!.async('string');
      const lines = sums.trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      for (const [i, f] of FORMATS.entries()) {
        const inZip = await zip.file(`${folder}/${P}.${f}`)!.async('uint8array');
        expect(Buffer.from(inZip).equals(read(`${P}/${v}/${P}.${f}`)), `${folder}/${P}.${f}`).toBe(true);
        expect(lines[i]).toBe(`${sha256(inZip)}  ${P}.${f}`);
      }
      // DEFLATE (8), dated noon UTC on the version's date (DOS date and time, as JSZip writes them).
      const date = v === 1 ? [2022, 6, 17] : [2022, 9, 1];
      for (const e of centralDirectory(read(`${P}/${v}/${P}-${v}.zip`))) {
        expect(e, e.name).toMatchObject({ method: 8, date, time: [12, 0, 0] });
      }
    }
  });

  it('axe-core finds no violations on the index, the product page and the redline in Chromium', async () => {
    const axe = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setBypassCSP(true);
      const found: string[] = [];
      for (const rel of ['index.html', `${P}/index.html`, `${P}/diffs/1-2/${P}-1-2-redline.html`]) {
        await page.goto(`file://${siteFile(rel)}`, { waitUntil: 'load' });
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () => {
          const r = await (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
          return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        });
        found.push(...violations.map((v) => `${rel}: ${v}`));
      }
      expect(found).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('a second dist, with the site and the redlines removed first, gives byte-identical site files', () => {
    const before = snapshot(site);
    fs.rmSync(site, { recursive: true });
    fs.rmSync(path.join(out, P, 'diffs'), { recursive: true });
    const again = cli('dist');
    expect(again.status, again.stderr).toBe(0);
    const after = snapshot(site);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const differ = [...before].filter(([f, data]) => !after.get(f)!.equals(data)).map(([f]) => f);
    expect(differ).toEqual([]);
    // Nothing changed, so a third run writes nothing.
    const third = cli('dist');
    expect(third.stdout).toMatch(/\(0 written, 14 unchanged, 0 removed\)/);
  });

  it('a draft with errors does not hold up the site of what is published', () => {
    const draft = path.join(content, P, 'brief.md');
    const good = fs.readFileSync(draft);
    fs.writeFileSync(draft, good.toString().replace(/^status: .*$/m, 'status: draft'));
    try {
      expect(cli('build').status).toBe(1);
      const r = cli('dist');
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/\(0 written, 14 unchanged, 0 removed\)/);
    } finally {
      fs.writeFileSync(draft, good);
    }
  });
});
