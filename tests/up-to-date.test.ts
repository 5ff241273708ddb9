// The no-op build's shortcut (src/publish/up-to-date.ts): it says "up to date" from hashes alone only
// when the full build would say the same, and leaves every other case to the full build, which
// then rebuilds or reports as before. Built for real (the CLI, Chromium), a published version and a
// draft, then changed one way at a time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { upToDateLines } from '../src/publish/up-to-date.js';
import { ROOT, runCli } from './support/run-cli.js';

const P = 'IF10005';
let content: string;
let out: string;
const cli = (...args: string[]) => runCli([...args, '--content', content, '--out', out]);
const check = (formats: ('html' | 'pdf' | 'docx')[] = ['html', 'pdf', 'docx'], allowOverflow = false) => upToDateLines({ contentDir: content, outDir: out, formats, allowOverflow });

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-up-to-date-'));
  content = path.join(dir, 'content');
  out = path.join(dir, 'output');
  fs.cpSync(path.join(ROOT, 'tests/fixtures/versions', P), path.join(content, P), { recursive: true });
  // Version 1 published, then a draft of version 2, built.
  expect(cli('release', P).status).toBe(0);
  const draft = path.join(content, P, 'brief.md');
  fs.writeFileSync(draft, fs.readFileSync(draft, 'utf8').replace(/^version: 1$/m, 'version: 2').replace(/^status: new$/m, 'status: updated').replace('Negotiations continue', 'Negotiations go on'));
  const built = cli('build', P);
  expect(built.status, built.stderr).toBe(0);
});

/** Runs `change`, expects the shortcut to leave the answer to the full build, then undoes it. */
function notSure(change: () => () => void): void {
  const undo = change();
  try {
    expect(check()).toBeNull();
  } finally {
    undo();
  }
  expect(check()).not.toBeNull();
}

describe('the no-op build', () => {
  it('says up to date, version by version, as the full build does, and changes nothing', () => {
    expect(check()).toEqual([`up to date ${P} 1`, `up to date ${P} 2 (draft)`]);
    const before = fs.readFileSync(path.join(out, P, '2', `${P}.pdf`));
    const r = cli('build', P);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([`up to date ${P} 1`, `up to date ${P} 2 (draft)`]);
    expect(fs.readFileSync(path.join(out, P, '2', `${P}.pdf`)).equals(before)).toBe(true);
  });

  it('leaves an edited draft, a missing or hand-edited file, other options and a killed build to the full build', () => {
    const draft = path.join(content, P, 'brief.md');
    const edit = (file: string, how: (s: string) => string) => () => {
      const was = fs.readFileSync(file);
      fs.writeFileSync(file, how(was.toString('utf8')));
      return () => fs.writeFileSync(file, was);
    };
    notSure(edit(draft, (s) => s.replace('Negotiations go on', 'Negotiations went on')));
    notSure(edit(path.join(out, P, '1', `${P}.html`), (s) => s.replace('</body>', '<!-- by hand --></body>')));
    notSure(edit(path.join(out, P, 'latest', `${P}.docx`), (s) => s + ' '));
    notSure(() => {
      const file = path.join(out, P, '2', `${P}.docx`);
      fs.renameSync(file, `${file}.away`);
      return () => fs.renameSync(`${file}.away`, file);
    });
    notSure(() => {
      fs.mkdirSync(path.join(out, '.brief'));
      return () => fs.rmSync(path.join(out, '.brief'), { recursive: true });
    });
    // A published version's source changed: refused by the full build, with its file named.
    const frozen = path.join(content, P, 'versions', '1', 'brief.md');
    notSure(edit(frozen, (s) => s + '\n'));
    const restore = edit(frozen, (s) => s + '\n')();
    try {
      const r = cli('build', P);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/versions\/1\/brief\.md:1:1: error: .*published/);
    } finally {
      restore();
    }
    // A PDF built without --allow-overflow is not the one asked for with it.
    expect(check(['pdf'], true)).toBeNull();
    expect(check(['pdf'], false)).not.toBeNull();
    // A product that does not exist is the full build's usage error.
    expect(upToDateLines({ contentDir: content, outDir: out, products: ['IF99999'], formats: ['pdf'] })).toBeNull();
  });
});
