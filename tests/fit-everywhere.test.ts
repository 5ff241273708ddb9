// The two-page fit is checked wherever a brief is accepted: `brief check` lays drafts out (unless
// --no-fit), HTML- and DOCX-only builds refuse a brief that does not fit as the PDF build does,
// and the message points at the first block that does not fit, a pushed page-top figure included,
// with a truthful count. Real CLI runs on real briefs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftContent, runCli } from './support/run-cli.js';

const OVERFLOW = path.join(import.meta.dirname, 'fixtures/overflow');
const PHOTO = path.join(import.meta.dirname, 'fixtures/constructs/IF10009/figures/photo.png');

function tempOut(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'brief-fit-out-'));
}

describe('the fit, wherever it matters', () => {
  it('`brief check` fails an overflowing draft with file:line and how much; --no-fit skips the layout', () => {
    const r = runCli(['check', 'IF10003', '--content', OVERFLOW]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/overflow\/IF10003\/brief\.md:\d+:1: error: IF10003 does not fit its two pages: \d+ lines \([\d.]+ pt\) overflow page 2, starting “/);
    const line = Number(/brief\.md:(\d+):1: error: IF10003 does not fit/.exec(r.stderr)![1]);
    // The line named holds the text the overflow starts with.
    const starts = /starting “(.{20})/.exec(r.stderr)![1]!;
    expect(fs.readFileSync(path.join(OVERFLOW, 'IF10003/brief.md'), 'utf8').split('\n')[line - 1]).toContain(starts.trim().split(' ').slice(0, 2).join(' '));
    const skipped = runCli(['check', 'IF10003', '--content', OVERFLOW, '--no-fit']);
    expect(skipped.status, skipped.stderr).toBe(0);
    expect(skipped.stdout).toMatch(/^ok IF10003 version 1 \(draft\)/m);
  });

  it('`brief check` says a brief that fits fits', () => {
    const r = runCli(['check', 'IF11415', '--content', draftContent()]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ok IF11415 version 1 \(draft\), fits two pages with \d+ lines? to spare/m);
    expect(r.stderr).toBe('');
  });

  it('`brief check` warns, at the source\'s last line, of a brief that leaves page 2 mostly empty', () => {
    const content = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-fit-short-'));
    fs.mkdirSync(path.join(content, 'IF10079'));
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    fs.writeFileSync(path.join(content, 'IF10079/brief.md'), `---\nproduct: IF10079\ntitle: "Short"\ndate: 2026-04-20\nversion: 1\nstatus: new\nauthors:\n  - name: Ada Analyst\n    title: Specialist\n---\n\n${words}.\n`);
    const r = runCli(['check', 'IF10079', '--content', content]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/IF10079\/brief\.md:12:1: warning: IF10079 leaves page 2 mostly empty: \d+ lines to spare/);
  });

  it('an HTML-only or DOCX-only build refuses the brief that does not fit, writing nothing; --allow-overflow lets it through with a warning', () => {
    for (const format of ['html', 'docx']) {
      const out = tempOut();
      const r = runCli(['build', 'IF10003', '--content', OVERFLOW, '--out', out, '--format', format]);
      expect(r.status, format).toBe(1);
      expect(r.stderr).toMatch(/error: IF10003 does not fit its two pages: \d+ lines/);
      expect(fs.readdirSync(out).filter((f) => !f.startsWith('.'))).toEqual([]);
    }
    const out = tempOut();
    const allowed = runCli(['build', 'IF10003', '--content', OVERFLOW, '--out', out, '--format', 'html', '--allow-overflow']);
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stderr).toMatch(/warning: IF10003 does not fit its two pages/);
    expect(fs.existsSync(path.join(out, 'IF10003/1/IF10003.html'))).toBe(true);
  });

  it('a page-top figure pushed off page 2 is reported at its own line, with its height in lines', () => {
    const content = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-fit-pushed-'));
    const dir = path.join(content, 'IF10078');
    fs.mkdirSync(path.join(dir, 'figures'), { recursive: true });
    fs.copyFileSync(PHOTO, path.join(dir, 'figures/photo.png'));
    const paragraph = 'Congress has many tools to shape policy, among them appropriations, authorizations, oversight hearings, and the confirmation of nominees, and each is used in turn.';
    // A page and a half of text, then the figure's anchor on page 2, then a short close.
    const body = Array.from({ length: 40 }, (_, i) => `${paragraph} (${i + 1})`).join('\n\n');
    const source = `---\nproduct: IF10078\ntitle: "A Pushed Figure"\ndate: 2026-04-20\nversion: 1\nstatus: new\nauthors:\n  - name: Ada Analyst\n    title: Specialist in Testing\n---\n\n${body}\n\n::figure[A Photograph]{#fig-1 src="figures/photo.png" place="page-top"}\n\nA closing line.\n`;
    fs.writeFileSync(path.join(dir, 'brief.md'), source);
    const figureLine = source.split('\n').findIndex((l) => l.startsWith('::figure')) + 1;
    const r = runCli(['check', 'IF10078', '--content', content]);
    expect(r.status, r.stderr + r.stdout).toBe(1);
    const m = new RegExp(`IF10078/brief\\.md:${figureLine}:1: error: IF10078 does not fit its two pages: (\\d+) lines \\(([\\d.]+) pt\\) overflow page 2, starting “the figure placed at the top of page 3: Figure 1\\. A Photograph`).exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(3);
  });
});
