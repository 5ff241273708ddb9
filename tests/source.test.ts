// Bad input: every kind gets one clear message with file, line and column and what was expected,
// a non-zero exit, and nothing written: earlier outputs stay exactly as they were.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/bad');

const cases: { name: string; at: string; says: RegExp }[] = [
  { name: 'missing-field', at: '2:1', says: /missing field `title`: expected the title as text/ },
  { name: 'mistyped-field', at: '7:1', says: /unknown field `athors` \(did you mean `authors`\?\)/ },
  { name: 'bad-date', at: '4:7', says: /`date`: expected the date of this version as an ISO date, YYYY-MM-DD.*got "2021-02-30"/ },
  { name: 'unknown-status', at: '6:9', says: /`status`: expected `new` or `updated`, got "draft"/ },
  { name: 'bad-yaml', at: '3:8', says: /not valid YAML: this quoted value is never closed/ },
  { name: 'unterminated-front-matter', at: '1:1', says: /never closed: expected a line `---` after the last field/ },
  { name: 'unknown-directive', at: '16:1', says: /unknown directive `::chart`: expected `::figure\[Caption\]{…}` or `:::table\[Caption\]{…}`/ },
  { name: 'missing-figure-file', at: '16:1', says: /data file `figures\/prices.yaml` not found/ },
];

/** Every file under dir with its bytes, to prove a failed build changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const p = path.join(entry.parentPath, entry.name);
      out[path.relative(dir, p)] = fs.readFileSync(p, 'base64');
    }
  }
  return out;
}

describe('bad input', () => {
  for (const c of cases) {
    it(`${c.name}: names file, line and column, exits non-zero, writes nothing`, () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-bad-'));
      // An earlier build's output, which a failed build must leave alone.
      fs.mkdirSync(path.join(out, 'IF10001/1'), { recursive: true });
      fs.writeFileSync(path.join(out, 'IF10001/1/IF10001.html'), '<p>the build before</p>');
      const before = snapshot(out);

      const r = runCli(['build', '--content', path.join(FIXTURES, c.name), '--out', out, '--format', 'html']);

      expect(r.status).toBe(1);
      const errors = r.stderr.split('\n').filter((l) => l.includes(': error: '));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(`fixtures/bad/${c.name}/IF10001/brief.md:${c.at}: error: `);
      expect(errors[0]).toMatch(c.says);
      expect(r.stderr).toMatch(/nothing was written/);
      expect(snapshot(out)).toEqual(before);
    });
  }

  it('reports every problem of a brief in one run', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-multi-'));
    fs.mkdirSync(path.join(dir, 'IF10001'));
    fs.writeFileSync(
      path.join(dir, 'IF10001/brief.md'),
      '---\nproduct: IF10001\ntitle: ""\ndate: 2021-13-01\nversion: 0\nstatus: new\nauthors: []\n---\n\n# Not allowed\n\n::map\n',
    );
    const r = runCli(['check', '--content', dir]);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes(': error: ')).map((l) => l.replace(/^.*brief\.md:/, ''));
    expect(lines).toEqual([
      expect.stringMatching(/^3:8: error: `title`/),
      expect.stringMatching(/^4:7: error: `date`/),
      expect.stringMatching(/^5:10: error: `version`/),
      expect.stringMatching(/^7:10: error: `authors`/),
      expect.stringMatching(/^10:1: error: a `#` heading is not allowed/),
      expect.stringMatching(/^12:1: error: unknown directive `::map`/),
    ]);
  });

  it('a product folder that does not match the front matter is an error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-folder-'));
    fs.mkdirSync(path.join(dir, 'IF10009'));
    fs.copyFileSync(path.join(FIXTURES, '../good/raw-html/IF10002/brief.md'), path.join(dir, 'IF10009/brief.md'));
    const r = runCli(['check', '--content', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/IF10009\/brief\.md:2:10: error: product: `IF10002` does not match its folder `IF10009`/);
  });

  it('an unknown product or format is a usage error (exit 2)', () => {
    expect(runCli(['build', 'IF99999', '--format', 'html']).status).toBe(2);
    const r = runCli(['build', '--format', 'rtf']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown format rtf: expected html, pdf, docx/);
  });
});

describe('brief check', () => {
  it('checks the real briefs and writes nothing', () => {
    const r = runCli(['check']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok IF11415 version 1/m);
  });
});
