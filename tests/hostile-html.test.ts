// Raw HTML attacks (tests/fixtures/hostile-html: a style with @import, scripts, handlers,
// javascript: and data: links, frames, objects, SVG and MathML, meta refresh, base, link, forms,
// templates, noscript, style attributes, media, parser mutations…) against every output: each
// attack brief is published, and so is one more brief whose version 2 adds every attack to its
// version 1; `brief dist` builds their HTML, PDF and DOCX, the redline and tracked-changes DOCX
// (every attack as an insertion), the site pages, the Atom feed and the manifest. No output may hold the payload text, an address of the attack or a
// script; the attack's addresses point at a local server, which must never be asked for anything,
// not while Chromium prints the PDFs nor when the HTML outputs are opened in Chromium.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import JSZip from 'jszip';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../src/model/build-document.js';
import { sha256 } from '../src/publish/content-hash.js';
import { BriefError } from '../src/report.js';
import { launchBrowser } from '../src/render/pdf/browser.js';
import { ROOT, runCli } from './support/run-cli.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/hostile-html');
const PRODUCTS = fs.readdirSync(FIXTURES).filter((p) => /^IF\d+$/.test(p)).sort();
/** The brief that gathers every attack into its version 2. */
const ALL = 'IF29999';

let dir: string;
let out: string;
let server: http.Server;
let origin = '';
const requests: string[] = [];
let dist: ReturnType<typeof runCli>;

function frontMatter(text: string, fields: Record<string, string>): string {
  let t = text;
  for (const [k, v] of Object.entries(fields)) t = t.replace(new RegExp(`^${k}: .*$`, 'm'), `${k}: ${v}`);
  return t;
}

/** content/<P>/versions/<n>/ as `brief release` leaves it: the frozen source and its record. */
function freeze(productDir: string, product: string, version: number, text: string): void {
  const vdir = path.join(productDir, 'versions', String(version));
  fs.mkdirSync(vdir, { recursive: true });
  fs.writeFileSync(path.join(vdir, 'brief.md'), text);
  const field = (k: string) => /^(\w+): "?(.*?)"?$/m.exec(text.split('\n').find((l) => l.startsWith(`${k}:`)) ?? '')![2]!;
  const record = { product, version, date: field('date'), status: field('status'), title: field('title'), sources: { 'brief.md': sha256(text) } };
  fs.writeFileSync(path.join(vdir, 'release.json'), JSON.stringify(record, null, 2) + '\n');
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `127.0.0.1:${(server.address() as { port: number }).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-hostile-html-'));
  const content = path.join(dir, 'content');
  out = path.join(dir, 'output');
  const attacks: string[] = [];
  for (const p of PRODUCTS) {
    // The attack's addresses go to the local server, so any request they cause is seen.
    const brief = fs.readFileSync(path.join(FIXTURES, p, 'brief.md'), 'utf8').replaceAll('attacker.test', origin);
    freeze(path.join(content, p), p, 1, brief);
    fs.writeFileSync(path.join(content, p, 'brief.md'), brief);
    attacks.push(brief.slice(brief.indexOf('\n## Attack\n') + '\n## Attack\n'.length));
  }
  // Version 1 of the first brief's overview alone; version 2 with every attack after it.
  const first = fs.readFileSync(path.join(content, PRODUCTS[0]!, 'brief.md'), 'utf8');
  const v1 = frontMatter(first.slice(0, first.indexOf('\n## Attack')), { product: ALL, title: '"Raw HTML Attack: All of Them"' }).replaceAll(PRODUCTS[0]!, ALL) + '\n';
  const v2 = frontMatter(v1, { version: '2', status: 'updated', date: '2024-06-03' }) + '\n## Attacks\n\n' + attacks.join('\n');
  freeze(path.join(content, ALL), ALL, 1, v1);
  freeze(path.join(content, ALL), ALL, 2, v2);
  fs.writeFileSync(path.join(content, ALL, 'brief.md'), v2);
  dist = runCli(['dist', '--content', content, '--out', out]);
}, 240_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Every file under a folder, relative. */
function files(root: string): string[] {
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** What a reader (or a tool) can get out of an output: its text, its markup, its addresses. */
async function readable(file: string): Promise<string> {
  if (file.endsWith('.pdf')) {
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }) + execFileSync('pdfinfo', ['-url', file], { encoding: 'utf8' });
  }
  if (file.endsWith('.docx') || file.endsWith('.zip')) {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => (/\.(xml|rels|html|json|txt)$|SHA256SUMS$/.test(f.name) ? f.async('string') : '')));
    return parts.join('\n');
  }
  return fs.readFileSync(file, 'utf8');
}

// In any output: the payload's words, the attack's addresses, script schemes, CSS that loads.
const FORBIDDEN = [/HOSTILE/, /attacker/i, /javascript:/i, /vbscript:/i, /@import/i, /expression\(/i, /behavior:/i];
// In HTML outputs also: elements that run, load or submit anything.
const FORBIDDEN_HTML = [/<script/i, /<iframe/i, /<object/i, /<embed/i, /<applet/i, /<meta http-equiv="?refresh/i, /<base\b/i, /<link\b(?![^>]*rel="alternate")/i, /<form/i, /<input/i, /<textarea/i, /<select/i, /<template/i, /<noscript/i, /<video/i, /<audio/i, /<math/i, /\sxmlns:xlink/i];

describe('raw HTML attacks in every output (tests/fixtures/hostile-html)', () => {
  it('there are at least 15 attack briefs, and dist publishes all of them', () => {
    expect(PRODUCTS.length).toBeGreaterThanOrEqual(15);
    expect(dist.status, dist.stderr).toBe(0);
    expect(dist.stdout).toMatch(new RegExp(`site .*: ${PRODUCTS.length + 1} products, ${PRODUCTS.length + 2} versions`));
  });

  it('no output of any format holds the payload, an address of the attack or a script', async () => {
    const outputs = files(out);
    const expected = [...PRODUCTS, ALL].flatMap((p) => [...['html', 'pdf', 'docx'].map((f) => `${p}/1/${p}.${f}`), `site/${p}/index.html`, `site/${p}/1/${p}-1.zip`]);
    const redline = [`${ALL}/diffs/1-2/${ALL}-1-2-redline.html`, `${ALL}/diffs/1-2/${ALL}-2-tracked-changes.docx`, `${ALL}/2/${ALL}.pdf`];
    expect(outputs).toEqual(expect.arrayContaining([...expected, ...redline, ...redline.map((f) => `site/${f}`), 'site/index.html', 'site/feed.xml', 'site/manifest.json']));
    const found: string[] = [];
    for (const rel of outputs) {
      // The site's copies of the versions' files are the same bytes (site.test.ts): read once.
      const original = path.join(out, rel.replace(/^site\//, ''));
      if (rel.startsWith('site/') && fs.existsSync(original) && fs.readFileSync(original).equals(fs.readFileSync(path.join(out, rel)))) continue;
      const text = await readable(path.join(out, rel));
      const patterns = [...FORBIDDEN, new RegExp(origin.replaceAll('.', '\\.')), ...(rel.endsWith('.html') ? FORBIDDEN_HTML : [])];
      for (const re of patterns) if (re.test(text)) found.push(`${rel}: ${re} (“…${text.slice(Math.max(0, text.search(re) - 40), text.search(re) + 60)}…”)`);
      if (rel.endsWith('.html')) {
        visit(fromHtml(text), 'element', (el: Element) => {
          for (const name of Object.keys(el.properties)) if (/^on[A-Z]/.test(name) || name === 'style' || name === 'srcDoc' || name === 'formAction') found.push(`${rel}: <${el.tagName} ${name}>`);
          for (const name of ['src', 'href', 'srcSet', 'data', 'poster', 'action']) {
            const v = el.properties[name];
            if (v !== undefined && !/^(data:|https:\/\/crsreports\.congress\.gov|#|[\w./-]+$)/.test(String(v))) found.push(`${rel}: <${el.tagName} ${name}="${String(v)}">`);
          }
        });
      }
    }
    expect(found).toEqual([]);
  });

  it('the outputs are the briefs, sanitised: each keeps its own text in every format', async () => {
    for (const p of PRODUCTS) {
      const benign = `Benign overview text of ${p}`;
      for (const f of ['html', 'pdf', 'docx']) expect((await readable(path.join(out, p, '1', `${p}.${f}`))).replace(/\s+/g, ' '), `${p}.${f}`).toContain(benign);
    }
    // The attack's own harmless words are kept (the words around the element that was dropped),
    // and the redline shows the attacks' words as inserted.
    expect(fs.readFileSync(path.join(out, 'IF20001/1/IF20001.html'), 'utf8')).toContain('Text before an inline stylesheet, and after it.');
    const redline = fs.readFileSync(path.join(out, `${ALL}/diffs/1-2/${ALL}-1-2-redline.html`), 'utf8');
    for (const words of ['A sentence with a script inside it.', 'Text after the form.', 'Text after the mutations.']) expect(redline).toContain(`<ins>${words}</ins>`);
    const tracked = await readable(path.join(out, `${ALL}/diffs/1-2/${ALL}-2-tracked-changes.docx`));
    expect(tracked).toContain('Text after the form.');
  });

  it('nothing asked the attack’s server for anything: not the PDF renderer, not the HTML outputs opened in Chromium', async () => {
    expect(requests).toEqual([]);
    const pages = files(out).filter((f) => f.endsWith('.html') && !f.includes('latest/') && (!f.startsWith('site/IF') || f.endsWith('/index.html')));
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const asked: string[] = [];
      page.on('request', (req) => {
        if (!/^(data:|file:|about:)/.test(req.url())) asked.push(req.url());
      });
      // The check can fail: a page that does load from the server is seen both here and there.
      const control = path.join(dir, 'control.html');
      fs.writeFileSync(control, `<p>control</p><img src="http://${origin}/control.png">`);
      await page.goto(`file://${control}`, { waitUntil: 'networkidle0' });
      expect(asked).toEqual([`http://${origin}/control.png`]);
      expect(requests).toEqual(['/control.png']);
      asked.length = 0;
      requests.length = 0;
      for (const rel of pages) await page.goto(`file://${path.join(out, rel)}`, { waitUntil: 'load' });
      expect(pages.length).toBeGreaterThan(PRODUCTS.length + 2);
      expect(asked).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('an element whose contents are dropped, opened and never closed, is an error at its line (it would hide the rest)', async () => {
    const file = path.join(dir, 'unclosed', 'IF20099', 'brief.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const brief = fs.readFileSync(path.join(FIXTURES, PRODUCTS[0]!, 'brief.md'), 'utf8').replace('IF20001', 'IF20099');
    fs.writeFileSync(file, brief.slice(0, brief.indexOf('## Attack')) + '## Attack\n\nA sentence with <style>p { color: red } and the rest of the brief.\n\nMore text.\n');
    const err = await buildDocument(file, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BriefError);
    expect((err as BriefError).message).toMatch(/unclosed\/IF20099\/brief\.md:19:17: error: raw HTML `<style>` is not closed: expected `<\/style>` after it/);
  });
});
