// Versions, releases and redlines on a fixture product (not IF11415): two releases through the real
// CLI, the refusals, incremental rebuilds, the HTML redline and the tracked-changes DOCX.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo } from './support/pdf-text.js';
import { ROOT, runCli } from './support/run-cli.js';

let dir: string;
let content: string;
let out: string;
const P = 'IF10005';
const cli = (...args: string[]) => runCli([...args, '--content', content, '--out', out]);
const draft = () => path.join(content, P, 'brief.md');
const stat = (f: string) => {
  const s = fs.statSync(f);
  return { ino: s.ino, mtime: s.mtimeMs, sha: fs.readFileSync(f).toString('base64') };
};
let v1Before: Record<string, ReturnType<typeof stat>>;
let release1: ReturnType<typeof runCli>;
let release2: ReturnType<typeof runCli>;
let noChange: ReturnType<typeof runCli>;
let editedBuild: ReturnType<typeof runCli>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-versions-'));
  content = path.join(dir, 'content');
  out = path.join(dir, 'output');
  fs.cpSync(path.join(ROOT, 'tests/fixtures/versions', P), path.join(content, P), { recursive: true });
  release1 = cli('release', P);
  noChange = cli('release', P);
  v1Before = Object.fromEntries(['html', 'pdf', 'docx'].map((f) => [f, stat(path.join(out, P, '1', `${P}.${f}`))]));
  // The analyst edits the draft: a changed sentence, a new paragraph, a removed list item.
  const text = fs
    .readFileSync(draft(), 'utf8')
    .replace('Negotiations continue on subsidies', 'Negotiations continue, slowly, on subsidies')
    .replace('- How the agreement relates to U.S. fisheries programs.\n', '')
    .concat('\nCongress may consider implementing legislation once the agreement enters into force.\n');
  fs.writeFileSync(draft(), text);
  editedBuild = cli('build', '--format', 'html');
  release2 = cli('release', P, '--date', '2022-09-01');
});

describe('releases', () => {
  it('version 1: frozen source with its release record, outputs built, latest points to it', () => {
    expect(release1.status, release1.stderr).toBe(0);
    expect(release1.stdout).toMatch(/released IF10005 version 1 \(new, 2022-06-17\)/);
    const record = JSON.parse(fs.readFileSync(path.join(content, P, 'versions/1/release.json'), 'utf8'));
    expect(record).toMatchObject({ product: P, version: 1, date: '2022-06-17', status: 'new' });
    expect(Object.keys(record.sources)).toEqual(['brief.md']);
    // It named no edition: the one it was released in is written down, so it keeps it.
    expect(fs.readFileSync(path.join(content, P, 'versions/1/brief.md'), 'utf8')).toMatch(/^status: new\nstyle: in-focus-2026$/m);
  });

  it('refuses to release with no change', () => {
    expect(noChange.status).toBe(1);
    expect(noChange.stderr).toMatch(/IF10005\/brief\.md:1:1: error: nothing to release: IF10005 is version 1 as published on 2022-06-17; edit .* first/);
  });

  it('refuses to build edits over a published version, and says to release a new one', () => {
    expect(editedBuild.status).toBe(1);
    expect(editedBuild.stderr).toMatch(/IF10005\/brief\.md:5:1: error: IF10005 version 1 was published on 2022-06-17 and cannot change; release your edits as a new version: `make release PRODUCT=IF10005` \(which makes them version 2\)/);
  });

  it('version 2: updated, dated, in its own folder; version 1’s files untouched; latest moves', () => {
    expect(release2.status, release2.stderr).toBe(0);
    expect(release2.stdout).toMatch(/up to date IF10005 1/);
    expect(release2.stdout).toMatch(/released IF10005 version 2 \(updated, 2022-09-01\)/);
    const frozen = fs.readFileSync(path.join(content, P, 'versions/2/brief.md'), 'utf8');
    expect(frozen).toMatch(/^version: 2$/m);
    expect(frozen).toMatch(/^status: updated$/m);
    expect(frozen).toMatch(/^date: 2022-09-01$/m);
    expect(fs.readFileSync(draft(), 'utf8')).toBe(frozen);
    for (const f of ['html', 'pdf', 'docx']) {
      expect(stat(path.join(out, P, '1', `${P}.${f}`))).toEqual(v1Before[f]);
      expect(fs.readFileSync(path.join(out, P, 'latest', `${P}.${f}`))).toEqual(fs.readFileSync(path.join(out, P, '2', `${P}.${f}`)));
    }
    expect(fs.readFileSync(path.join(out, P, 'latest/VERSION'), 'utf8')).toBe('2\n');
    const html = fs.readFileSync(path.join(out, P, '2', `${P}.html`), 'utf8');
    expect(html).toContain('Updated September 1, 2022');
    expect(html).toContain('IF10005 · VERSION 2 · UPDATED');
  });

  it('refuses a published version whose frozen source was changed', () => {
    const file = path.join(content, P, 'versions/1/brief.md');
    const original = fs.readFileSync(file);
    fs.appendFileSync(file, '\nA sentence slipped in later.\n');
    try {
      const r = cli('check');
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/versions\/1\/brief\.md:1:1: error: IF10005 version 1 was published on 2022-06-17; its source `brief\.md` has changed since\. Published versions are permanent/);
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('rebuilds only what changed, and says why', () => {
    const again = cli('build');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^up to date IF10005 1$/m);
    expect(again.stdout).toMatch(/^up to date IF10005 2$/m);
    expect(again.stdout).not.toMatch(/wrote/);
    // --allow-overflow is a draft's working view: published versions are not rebuilt for it.
    const overflowOk = cli('build', '--format', 'pdf', '--allow-overflow');
    expect(overflowOk.status, overflowOk.stderr).toBe(0);
    expect(overflowOk.stdout).toMatch(/^up to date IF10005 1$/m);
    expect(overflowOk.stdout).toMatch(/^up to date IF10005 2$/m);
    // A preview of version 3: only it is built, because it is new.
    fs.writeFileSync(draft(), fs.readFileSync(draft(), 'utf8').replace('version: 2', 'version: 3').replace('slowly', 'very slowly'));
    try {
      const r = cli('build', '--format', 'html');
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^build IF10005 3 \(draft\): html: not built yet$/m);
      expect(r.stdout).toMatch(/^up to date IF10005 1$/m);
      fs.writeFileSync(draft(), fs.readFileSync(draft(), 'utf8').replace('very slowly', 'very, very slowly'));
      expect(cli('build', '--format', 'html').stdout).toMatch(/^build IF10005 3 \(draft\): html: its source changed$/m);
      // A file changed by hand is put back: a published version's from the record kept at release.
      fs.appendFileSync(path.join(out, P, '1', `${P}.html`), '<!-- edited -->');
      expect(cli('build', '--format', 'html').stdout).toMatch(/^build IF10005 1: html: restored from the published record$/m);
      expect(stat(path.join(out, P, '1', `${P}.html`)).sha).toBe(v1Before.html!.sha);
    } finally {
      fs.rmSync(path.join(out, P, '3'), { recursive: true, force: true });
      fs.writeFileSync(draft(), fs.readFileSync(path.join(content, P, 'versions/2/brief.md')));
    }
  });

  it('rebuilds any version from the repository to the same bytes', () => {
    const fresh = path.join(dir, 'fresh-output');
    const r = runCli(['build', '--content', content, '--out', fresh]);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['html', 'pdf', 'docx']) {
      expect(fs.readFileSync(path.join(fresh, P, '1', `${P}.${f}`)).toString('base64')).toBe(v1Before[f]!.sha);
    }
  });
});

describe('redlines', () => {
  let diff: ReturnType<typeof runCli>;
  let html: string;
  let docxPath: string;
  beforeAll(() => {
    diff = cli('diff', P, '1', '2');
    html = fs.readFileSync(path.join(out, P, 'diffs/1-2', `${P}-1-2-redline.html`), 'utf8');
    docxPath = path.join(out, P, 'diffs/1-2', `${P}-2-tracked-changes.docx`);
  });

  it('HTML: words inserted and deleted, block by block, readable without colour', () => {
    expect(diff.status, diff.stderr).toBe(0);
    expect(html).toMatch(/Negotiations continue<ins>, slowly, ?<\/ins> ?on subsidies/);
    expect(html).toMatch(/<span class="change-note">Inserted paragraph<\/span> <ins>Congress may consider implementing legislation/);
    expect(html).toMatch(/<span class="change-note">Deleted list item<\/span> <del>How the agreement relates to U\.S\. fisheries programs\.<\/del>/);
    expect(html).toMatch(/<dt>Date<\/dt><dd class="block changed">.*<del>June 17<\/del><ins>Updated September 1<\/ins>, 2022/);
    expect(html).toMatch(/<dt>Version<\/dt><dd class="block changed">.*<del>1<\/del><ins>2<\/ins>/);
    expect(html).toMatch(/ins \{ text-decoration: underline/);
    expect(html).toMatch(/del \{ text-decoration: line-through/);
    expect(html).not.toMatch(/<script/);
  });

  it('DOCX: version 2 with the changes as Word tracked changes (w:ins, w:del)', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(docxPath));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:ins [^>]*w:author="[^"]+"[^>]*>.*?, slowly,/s);
    expect(xml).toMatch(/<w:del [^>]*>.*?<w:delText[^>]*>How the agreement relates to U\.S\. fisheries programs\.<\/w:delText>/s);
    expect(xml).toMatch(/<w:ins [^>]*>.*?Congress may consider implementing legislation/s);
  });

  it('DOCX: LibreOffice opens it and prints it', () => {
    const pdfDir = path.join(dir, 'lo');
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, docxPath], { stdio: 'pipe', timeout: 170_000 });
    const pdf = path.join(pdfDir, `${P}-2-tracked-changes.pdf`);
    expect(Number(pdfInfo(pdf).Pages)).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
