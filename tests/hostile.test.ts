// Hostile and broken input (issue 11): every case of tests/fixtures/hostile/cases.ts goes through
// the real build (buildBriefs: the planning step, the parsing worker, the HTML renderer) and must
// give its message at its file and line, write nothing, and finish quickly. A few of the cases that
// used to crash or hang also run through the command line, for the exit code and a message
// without a stack trace; and the parsing worker's time limit is tested on its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { toHtml } from 'hast-util-to-html';
import { afterAll, describe, expect, it } from 'vitest';
import type { VFileMessage } from 'vfile-message';
import { buildDocument } from '../src/model/build-document.js';
import { parseBrief } from '../src/model/parse-brief.js';
import { stopParseWorker } from '../src/model/parse-in-worker.js';
import { buildBriefs } from '../src/publish/build.js';
import { BriefError } from '../src/report.js';
import { LIMITS, scanLimits } from '../src/source/input-limits.js';
import { CASES, type HostileCase } from './fixtures/hostile/cases.js';
import { GENERATED, PRODUCT, writeGenerated } from './support/hostile-generators.js';
import { ROOT } from './support/run-cli.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/hostile');
/** A rejected case is refused before or while parsing: seconds at most, even on a loaded machine. */
const CASE_BOUND_MS = 20_000;

afterAll(stopParseWorker);

const lineOf = (m: VFileMessage) => (m.place ? ('start' in m.place ? m.place.start.line : m.place.line) : undefined);

/** Every file under dir, dotfiles (a build's lock or temp folder) aside. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).some((p) => p.startsWith('.')))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** The case's content folder: its fixture folder, or a temp folder its generator writes. */
function contentOf(c: HostileCase): string {
  if (c.from === 'fixture') return path.join(FIXTURES, c.name);
  // content/ inside a temp root, so a case may put a file beside the content folder.
  return writeGenerated(c.name, path.join(fs.mkdtempSync(path.join(os.tmpdir(), `hostile-${c.name}-`)), 'content'));
}

describe('the hostile corpus', () => {
  it('lists every fixture folder and generator, in every category', () => {
    const folders = fs.readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(CASES.filter((c) => c.from === 'fixture').map((c) => c.name).sort()).toEqual(folders.sort());
    expect(CASES.filter((c) => c.from === 'generator').map((c) => c.name).sort()).toEqual(Object.keys(GENERATED).sort());
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(45);
    expect(new Set(CASES.map((c) => c.category))).toEqual(new Set(['front matter', 'encoding', 'markdown', 'paths and links', 'size', 'body']));
  });

  for (const c of CASES) {
    it(`${c.category}: ${c.name} (${c.contains}) → ${c.expect.outcome}${'rule' in c.expect ? ` ${c.expect.rule}` : ''}`, async () => {
      const content = contentOf(c);
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-out-'));
      const warnings: string[] = [];
      const started = Date.now();
      const result = await buildBriefs({ contentDir: content, outDir: out, formats: ['html'], cwd: content, warn: (l) => warnings.push(l), log: () => undefined }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(Date.now() - started).toBeLessThan(CASE_BOUND_MS);

      const e = c.expect;
      if (e.outcome !== 'error') {
        expect(result).toBeUndefined();
        expect(filesUnder(out)).toContain(path.join(PRODUCT, '1', `${PRODUCT}.html`));
        if (e.outcome === 'warning') {
          expect(warnings).toEqual([expect.stringMatching(new RegExp(`\\b${PRODUCT}/brief\\.md:${e.line}:1: warning: .*\\[brief:${e.rule}\\]$`))]);
        } else expect(warnings).toEqual([]);
        return;
      }
      expect(result).toBeInstanceOf(BriefError);
      const messages = (result as BriefError).messages;
      const hit = messages.find((m) => m.ruleId === e.rule);
      expect(hit, `messages: ${(result as BriefError).message}`).toBeDefined();
      expect(hit!.file).toBe(`${PRODUCT}/${e.file ?? 'brief.md'}`);
      expect(lineOf(hit!)).toBe(e.line);
      expect(hit!.reason).toContain(e.says);
      for (const m of messages) {
        expect(m.fatal).toBe(true);
        expect(lineOf(m)).toBeGreaterThanOrEqual(1);
        expect(m.reason).not.toMatch(/\n\s+at /);
      }
      expect(filesUnder(out)).toEqual([]);
    });
  }
});

describe('input limits', () => {
  it('are far above every real brief: the largest measure of content/ and the dev set is at most a fifth of its limit', () => {
    const briefs = [path.join(ROOT, 'content/IF11415/brief.md'), ...fs.readdirSync(path.join(ROOT, 'tests/fixtures/devset'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(ROOT, 'tests/fixtures/devset', d.name, 'brief.md'))];
    expect(briefs.length).toBeGreaterThanOrEqual(7);
    for (const file of briefs) {
      const text = fs.readFileSync(file, 'utf8');
      expect(Buffer.byteLength(text)).toBeLessThan(LIMITS.sourceBytes / 5);
      const { problems, measures } = scanLimits(text);
      expect(problems).toEqual([]);
      for (const [name, value] of Object.entries(measures)) expect(value, `${path.relative(ROOT, file)}: ${name}`).toBeLessThanOrEqual(LIMITS[name as keyof typeof LIMITS] / 5);
    }
  });
});

describe('the parsing worker', () => {
  const IF11415 = path.join(ROOT, 'content/IF11415/brief.md');

  it('gives the same model as parsing in this thread (structured clone keeps it byte for byte)', async () => {
    const viaWorker = await buildDocument(IF11415, ROOT);
    const here = await parseBrief(IF11415, ROOT);
    expect(toHtml(viaWorker.body)).toBe(toHtml(here.body));
    expect(viaWorker.figures).toEqual(here.figures);
    expect(viaWorker.meta).toEqual(here.meta);
  });

  it('stops a parse that runs past its time, with the brief’s file:1:1, and parses the next brief in a new worker', async () => {
    const timedOut = await buildDocument(IF11415, ROOT, { timeoutMs: 1 }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(timedOut).toBeInstanceOf(BriefError);
    const [m] = (timedOut as BriefError).messages;
    expect(m!.ruleId).toBe('parse-timeout');
    expect(m!.file).toBe('content/IF11415/brief.md');
    expect(lineOf(m!)).toBe(1);
    expect(m!.reason).toMatch(/^parsing took longer than 0\.001 s/);
    expect((await buildDocument(IF11415, ROOT)).product).toBe('IF11415');
  });
});

describe('the command line on input that used to crash or hang', () => {
  const cli = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/brief.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const ERROR_LINE = /^\S+:\d+:\d+: error: .+ \[brief:[a-z-]+\]$/;

  it('briefs that crashed (alias bomb, deep nesting) or hung (emphasis, link openers): exit 1, one line per problem, no stack trace', () => {
    // One run over all of them (each under its own product code), as `make check` would meet them.
    const crashers = ['fm-alias-bomb', 'md-deep-blockquote', 'md-deep-ordered-list', 'md-deep-indented-list', 'md-nested-divs', 'md-nested-emphasis', 'md-link-openers'];
    const content = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-cli-'));
    const expected = crashers.map((name, i) => {
      const c = CASES.find((x) => x.name === name)!;
      const product = `IF${20100 + i}`;
      const from = path.join(contentOf(c), PRODUCT, 'brief.md');
      fs.mkdirSync(path.join(content, product));
      fs.writeFileSync(path.join(content, product, 'brief.md'), fs.readFileSync(from, 'utf8').replace(`product: ${PRODUCT}`, `product: ${product}`));
      if (c.expect.outcome !== 'error') throw new Error(`${name} is not an error case`);
      return `${path.relative(ROOT, path.join(content, product, 'brief.md'))}:${c.expect.line}:`;
    });
    const started = Date.now();
    const r = cli(['check', '--content', content]);
    expect(Date.now() - started).toBeLessThan(90_000);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ problems; nothing was written$/);
    for (const l of lines.slice(0, -1)) expect(l).toMatch(ERROR_LINE);
    for (const at of expected) expect(lines.some((l) => l.startsWith(at))).toBe(true);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('a parse past its time limit (BRIEF_PARSE_TIMEOUT) is the brief’s error, exit 1', () => {
    const r = cli(['check'], { BRIEF_PARSE_TIMEOUT: '0.001' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^content\/IF11415\/brief\.md:1:1: error: parsing took longer than 0\.001 s .*\[brief:parse-timeout\]$/m);
  });

  it('an internal error is one line with a hint to report it; --debug adds the stack trace', () => {
    // A file where a brief's folder of published versions should be: nothing expects it, so it
    // surfaces as an internal error.
    const notAFolder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-internal-')), 'content');
    fs.mkdirSync(path.join(notAFolder, 'IF11415'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'content/IF11415/brief.md'), path.join(notAFolder, 'IF11415/brief.md'));
    fs.writeFileSync(path.join(notAFolder, 'IF11415/versions'), 'not a folder');
    const plain = cli(['check', '--content', notAFolder]);
    expect(plain.status).toBe(1);
    expect(plain.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^brief: internal error: .*ENOTDIR.*please report it with the output of the same command run with --debug\)$/)]);
    const debug = cli(['check', '--content', notAFolder, '--debug']);
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/^brief: internal error: Error: ENOTDIR/);
    expect(debug.stderr).toMatch(/^\s+at .*versions\.ts/m);
  });
});
