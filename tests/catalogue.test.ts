// Publishing a catalogue (issue 14), through the real CLI and Chromium: a broken draft does not stop
// the others; shards of a catalogue together are the whole build, byte for byte; a published
// version's files are the record (a template change leaves them as released, they come back byte for
// byte after output/ is lost, and `brief verify` says what today's toolchain would change); every
// file's build record names the browser and the edition.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/run-cli.js';

const FIXTURE = path.join(ROOT, 'tests/fixtures/versions/IF10005');
const GOOD = ['IF10005', 'IF10007', 'IF10008', 'IF10009'];
const BROKEN = 'IF10006';

/** The fixture brief as product `code` (its front matter names it). */
function copyBrief(content: string, code: string, edit: (s: string) => string = (s) => s): void {
  fs.mkdirSync(path.join(content, code), { recursive: true });
  const text = fs.readFileSync(path.join(FIXTURE, 'brief.md'), 'utf8').replace(/^product: IF10005$/m, `product: ${code}`);
  fs.writeFileSync(path.join(content, code, 'brief.md'), edit(text));
}

/** Every file under `dir`, relative, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else out.set(r, fs.readFileSync(path.join(dir, r)));
    }
  };
  walk('');
  return out;
}

let dir: string;
let content: string;
let whole: string;
let wholeRun: ReturnType<typeof runCli>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-catalogue-'));
  content = path.join(dir, 'content');
  for (const code of GOOD) copyBrief(content, code);
  // A draft with an impossible date: its line is reported, the others are built anyway.
  copyBrief(content, BROKEN, (s) => s.replace(/^date: .*$/m, 'date: 2022-13-45'));
  // One product published: its version 1 is restored from the record, never rendered, in every build below.
  const released = runCli(['release', 'IF10005', '--content', content, '--out', path.join(dir, 'release-out')]);
  expect(released.status, released.stderr).toBe(0);
  whole = path.join(dir, 'whole');
  wholeRun = runCli(['build', '--content', content, '--out', whole]);
});

describe('a catalogue with a broken draft', () => {
  it('builds every other brief, reports the broken one with its file and line, and exits 1', () => {
    expect(wholeRun.status).toBe(1);
    expect(wholeRun.stderr).toMatch(new RegExp(`/${BROKEN}/brief\\.md:4:7: error: \`date\`: expected the date`));
    expect(wholeRun.stderr).toMatch(/^1 problem in 1 brief, not written; 12 files of the other briefs written$/m);
    for (const code of GOOD) for (const ext of ['html', 'pdf', 'docx']) expect(fs.existsSync(path.join(whole, code, '1', `${code}.${ext}`)), `${code}.${ext}`).toBe(true);
    expect(fs.existsSync(path.join(whole, BROKEN))).toBe(false);
    // The published version was restored from its record, not rendered.
    expect(wholeRun.stdout).toMatch(/^build IF10005 1: html, pdf, docx: restored from the published record$/m);
    for (const ext of ['html', 'pdf', 'docx']) {
      expect(fs.readFileSync(path.join(whole, 'IF10005/1', `IF10005.${ext}`)).equals(fs.readFileSync(path.join(content, 'IF10005/versions/1/published', `IF10005.${ext}`)))).toBe(true);
    }
  });

  it('names the browser and the edition in the build record of every file', () => {
    for (const code of GOOD) {
      const record = JSON.parse(fs.readFileSync(path.join(whole, code, '1', '.build.json'), 'utf8')) as Record<string, { browser: string; edition: string }>;
      expect(Object.keys(record).sort()).toEqual([`${code}.docx`, `${code}.html`, `${code}.pdf`]);
      for (const [name, entry] of Object.entries(record)) {
        expect(entry.browser, name).toMatch(/^(Headless)?Chrome\/\d+\.\d+/);
        expect(entry.edition, name).toBe('in-focus-2026');
      }
    }
  });
});

describe('shards', () => {
  it('1/3, 2/3 and 3/3 split the catalogue and together are the whole build, byte for byte', () => {
    const merged = path.join(dir, 'merged');
    const seen: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const out = path.join(dir, `shard-${i}`);
      const r = runCli(['build', '--shard', `${i}/3`, '--content', content, '--out', out]);
      const products = /^shard \d\/3: (.*)$/m.exec(r.stdout)![1]!.split(' ');
      seen.push(...products);
      expect(r.status, r.stderr).toBe(products.includes(BROKEN) ? 1 : 0);
      if (fs.existsSync(out)) fs.cpSync(out, merged, { recursive: true });
    }
    // Every product in exactly one shard; the partition is the same on every run.
    expect(seen.sort()).toEqual([...GOOD, BROKEN].sort());
    expect(/^shard 2\/3: (.*)$/m.exec(runCli(['build', '--shard', '2/3', '--content', content, '--out', path.join(dir, 'again')]).stdout)![1]).toBe(
      /^shard 2\/3: (.*)$/m.exec(runCli(['build', '--shard', '2/3', '--content', content, '--out', path.join(dir, 'again-2')]).stdout)![1],
    );
    const a = tree(whole);
    const b = tree(merged);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [file, bytes] of a) expect(b.get(file)!.equals(bytes), file).toBe(true);
  });

  it('refuses a malformed shard', () => {
    for (const bad of ['0/3', '4/3', '1of3', '/2']) {
      const r = runCli(['build', '--shard', bad, '--content', content, '--out', path.join(dir, 'bad')]);
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toMatch(/--shard .*: expected I\/N with 1 ≤ I ≤ N/);
    }
  });
});

describe('published files are the record', () => {
  it('a template change leaves them as released, they come back after output/ is lost, and verify reports the change', () => {
    // A copy of the project whose stylesheet changes, so the real templates are never touched.
    const project = path.join(dir, 'project');
    for (const part of ['bin', 'src', 'templates', 'fonts']) fs.cpSync(path.join(ROOT, part), path.join(project, part), { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(ROOT, file), path.join(project, file));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
    const brief = (...args: string[]) => spawnSync(process.execPath, [path.join(project, 'bin/brief.js'), ...args, '--content', path.join(project, 'content')], { cwd: project, encoding: 'utf8', timeout: 170_000 });
    copyBrief(path.join(project, 'content'), 'IF10005');
    const out = path.join(project, 'output');
    expect(brief('release', 'IF10005', '--out', out).status).toBe(0);
    const kept = path.join(project, 'content/IF10005/versions/1/published');
    const released = tree(kept);

    fs.appendFileSync(path.join(project, 'templates/in-focus/paged.css'), '\n.paged h2 { letter-spacing: 0.5pt; }\n');
    const rebuilt = brief('build', '--out', out);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toMatch(/^up to date IF10005 1$/m);
    for (const [name, bytes] of released) expect(fs.readFileSync(path.join(out, 'IF10005/1', name)).equals(bytes), name).toBe(true);

    fs.rmSync(out, { recursive: true });
    const restored = brief('build', '--out', out);
    expect(restored.status, restored.stderr).toBe(0);
    for (const [name, bytes] of released) expect(fs.readFileSync(path.join(out, 'IF10005/1', name)).equals(bytes), name).toBe(true);
    expect(tree(kept)).toEqual(released);

    // Today's toolchain sets the headings otherwise: verify says which files would change, and changes none.
    const verify = brief('verify');
    expect(verify.status, verify.stderr).toBe(1);
    expect(verify.stdout).toMatch(/^changed IF10005 1 IF10005\.pdf: /m);
    expect(verify.stdout).toMatch(/published files would change with today's toolchain/);
    expect(tree(kept)).toEqual(released);
  });

  it('a published file changed by hand is refused, naming it', () => {
    const file = path.join(content, 'IF10005/versions/1/published/IF10005.html');
    const was = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.concat([was, Buffer.from('<!-- edited -->')]));
    try {
      const r = runCli(['build', 'IF10005', '--content', content, '--out', path.join(dir, 'tampered')]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/IF10005\/versions\/1\/published\/IF10005\.html:1:1: error: .*published file `IF10005\.html` has changed/);
    } finally {
      fs.writeFileSync(file, was);
    }
  });
});
