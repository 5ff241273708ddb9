// `brief new`: a skeleton that passes `brief check` and builds a real PDF, written once and never
// over an existing brief; malformed product codes and empty titles are usage errors. Real CLI
// runs (and one through make) into temporary content folders, never the repository's content/.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NEWEST_EDITION } from '../src/style/edition.js';
import { ROOT, runCli } from './support/run-cli.js';

const temp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `brief-new-${name}-`));
/** Today as the analyst's calendar has it (sv-SE writes dates as ISO). */
const today = () => new Date().toLocaleDateString('sv-SE');

function frontMatter(file: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(fs.readFileSync(file, 'utf8'));
  expect(m, file).not.toBeNull();
  return parse(m![1]!) as Record<string, unknown>;
}

describe('brief new', () => {
  it('writes a skeleton that `brief check` accepts and that builds into a PDF with its title', () => {
    const content = temp('content');
    const out = temp('out');
    // YAML's specials (colon, quotes, #) and a dollar sign: the front matter must quote them.
    const title = 'Water: "Rights" #1 & $1.2 Trillion';
    const before = today();
    const r = runCli(['new', 'IF99002', '--title', title, '--content', content]);
    expect(r.status, r.stderr).toBe(0);
    const file = path.join(content, 'IF99002/brief.md');
    expect(r.stdout).toMatch(/^wrote .*IF99002\/brief\.md$/m);
    expect(fs.readdirSync(path.join(content, 'IF99002'))).toEqual(['brief.md']);

    const meta = frontMatter(file);
    expect(meta).toMatchObject({ product: 'IF99002', title, version: 1, status: 'new', style: NEWEST_EDITION });
    expect([before, today()]).toContain(meta.date);
    expect(meta.authors).toHaveLength(1);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/\n## Background\n\nReplace this paragraph/);

    const check = runCli(['check', '--content', content]);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^ok IF99002 version 1 \(draft\), fits two pages with \d+ lines to spare/m);
    // A skeleton is short: the warning the skeleton's text tells the analyst to expect.
    expect(check.stderr).toMatch(/IF99002\/brief\.md:\d+:1: warning: IF99002 leaves page 2 mostly empty/);

    const build = runCli(['build', 'IF99002', '--content', content, '--out', out, '--format', 'pdf']);
    expect(build.status, build.stderr).toBe(0);
    const pdf = path.join(out, 'IF99002/1/IF99002.pdf');
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(title);
    expect(text).toContain('Background');
  });

  it('cannot be released while it holds the skeleton\'s stand-ins: each named with its line, nothing written; released once replaced', () => {
    const content = temp('placeholders');
    const out = temp('placeholders-out');
    expect(runCli(['new', 'IF99003', '--content', content]).status).toBe(0);
    const file = path.join(content, 'IF99003/brief.md');
    const before = fs.readFileSync(file, 'utf8');
    const lineOf = (text: string) => before.split('\n').findIndex((l) => l.includes(text)) + 1;

    const refused = runCli(['release', 'IF99003', '--content', content, '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`IF99003/brief.md:${lineOf('Untitled Brief')}:1: error: the title is still the skeleton's "Untitled Brief"`);
    expect(refused.stderr).toContain(`IF99003/brief.md:${lineOf('Author Name')}:1: error: an author is still the skeleton's "Author Name"`);
    expect(refused.stderr).toContain(`IF99003/brief.md:${lineOf('Author Title')}:1: error: an author's title is still the skeleton's "Author Title"`);
    expect(refused.stderr).toContain(`IF99003/brief.md:${lineOf('Replace this paragraph')}:1: error: the skeleton's first paragraph`);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(content, 'IF99003/versions'))).toBe(false);
    expect(fs.readdirSync(out)).toEqual([]);

    fs.writeFileSync(
      file,
      before
        .replace('Untitled Brief', 'Water Rights in the West')
        .replace('Author Name', 'Jane Q. Analyst')
        .replace('Author Title', 'Specialist in Natural Resources Policy')
        .replace(/Replace this paragraph with the brief's first section/, 'Western water law allocates rivers by priority'),
    );
    const released = runCli(['release', 'IF99003', '--content', content, '--out', out]);
    expect(released.status, released.stderr).toBe(0);
    expect(fs.existsSync(path.join(content, 'IF99003/versions/1/release.json'))).toBe(true);
  }, 120_000);

  it('never overwrites: a second `brief new` of the same product, or into an existing folder, refuses (exit 1)', () => {
    const content = temp('again');
    expect(runCli(['new', 'IF99002', '--content', content]).status).toBe(0);
    const file = path.join(content, 'IF99002/brief.md');
    const first = fs.readFileSync(file);
    const again = runCli(['new', 'IF99002', '--title', 'Another Title', '--content', content]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/IF99002\/brief\.md:1:1: error: IF99002 already has a brief: brief new never overwrites one/);
    expect(fs.readFileSync(file).equals(first)).toBe(true);
    expect(fs.readdirSync(path.join(content, 'IF99002'))).toEqual(['brief.md']);

    // A folder without a brief (figures copied in first, say) is not brief new's to fill either.
    fs.mkdirSync(path.join(content, 'IF99004/figures'), { recursive: true });
    const folder = runCli(['new', 'IF99004', '--content', content]);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toMatch(/IF99004:1:1: error: the folder .*IF99004 already exists without a brief\.md/);
    expect(fs.readdirSync(path.join(content, 'IF99004'))).toEqual(['figures']);
  });

  it('refuses a malformed product code, an empty title, a missing content folder (exit 2), writing nothing', () => {
    const content = temp('usage');
    const cases: [string[], RegExp][] = [
      [['new', 'if99'], /`if99` is not a product code: expected a CRS product code, IF, IN, R, RL, RS or LSB followed by 4 to 6 digits/],
      [['new', 'if99002'], /`if99002` is not a product code \(did you mean IF99002\?\)/],
      [['new', 'XX99002'], /`XX99002` is not a product code/],
      [['new', 'IF99002', '--title', ''], /--title is empty/],
      [['new', 'IF99002', '--title', '   '], /--title is empty/],
      [['new', 'IF99002', '--title', 'Two\nlines'], /--title has a line break/],
      [['new', 'IF99002', '--content', path.join(content, 'nowhere')], /no content folder at .*nowhere/],
    ];
    for (const [argv, message] of cases) {
      const r = runCli([...argv, ...(argv.includes('--content') ? [] : ['--content', content])]);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(message);
    }
    expect(fs.readdirSync(content)).toEqual([]);
  });

  it('`make new PRODUCT=… TITLE=… CONTENT=…` writes the brief with the title as typed', () => {
    const content = temp('make');
    // -o: take the setup stamp as done (this test must not run npm ci or apt).
    const make = (...vars: string[]) => spawnSync('make', ['-s', '-o', 'node_modules/.setup-stamp', 'new', ...vars], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const title = `The $1.2 Trillion "Build" Act's Costs`;
    const r = make('PRODUCT=IF99003', `CONTENT=${content}`, `TITLE=${title}`);
    expect(r.status, r.stderr).toBe(0);
    expect(frontMatter(path.join(content, 'IF99003/brief.md')).title).toBe(title);
    const plain = make('PRODUCT=IF99005', `CONTENT=${content}`);
    expect(plain.status, plain.stderr).toBe(0);
    expect(frontMatter(path.join(content, 'IF99005/brief.md')).title).toBe('Untitled Brief');
    // make turns the CLI's exit 2 (usage) into its own 2, and a missing PRODUCT is one too.
    expect(make('PRODUCT=IF99006', `CONTENT=${content}`, 'TITLE=').status).toBe(2);
    const none = make(`CONTENT=${content}`);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/make new needs PRODUCT=<code>/);
    expect(fs.readdirSync(content).sort()).toEqual(['IF99003', 'IF99005']);
  });
});
