// A short brief using every construct (tests/fixtures/constructs/IF10009) released twice through
// the real CLI, with a table cell, a figure's Source and a superscript edited in between: both
// versions build in all three formats, and the redline and the tracked-changes DOCX carry the
// edits, the cell's inside the Word table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/run-cli.js';
import { all, deletedTextOf, parseXml, textOf } from './support/xml.js';

const P = 'IF10009';
let content: string;
let out: string;
const cli = (...args: string[]) => runCli([...args, '--content', content, '--out', out]);
let release1: ReturnType<typeof runCli>;
let release2: ReturnType<typeof runCli>;
let diff: ReturnType<typeof runCli>;

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-constructs-release-'));
  content = path.join(dir, 'content');
  out = path.join(dir, 'output');
  fs.cpSync(path.join(ROOT, 'tests/fixtures/constructs', P), path.join(content, P), { recursive: true });
  release1 = cli('release', P);
  const draft = path.join(content, P, 'brief.md');
  const edited = fs
    .readFileSync(draft, 'utf8')
    .replace('| CSFP | Agriculture and Consumer Protection Act | $460 million |', '| CSFP | Agriculture and Consumer Protection Act | $470 million |')
    .replace('source="CRS."', 'source="CRS, from OMB."')
    .replace('The 119^th^ Congress', 'The 120^th^ Congress');
  fs.writeFileSync(draft, edited);
  release2 = cli('release', P, '--date', '2026-05-01');
  diff = cli('diff', P, '1', '2');
});

describe('a brief with every construct, released twice', () => {
  it('releases version 1 and version 2 with all three formats', () => {
    expect(release1.status, release1.stderr).toBe(0);
    expect(release2.status, release2.stderr).toBe(0);
    for (const v of ['1', '2']) for (const f of ['html', 'pdf', 'docx']) expect(fs.existsSync(path.join(out, P, v, `${P}.${f}`)), `${v}/${P}.${f}`).toBe(true);
  });

  it('the HTML redline shows the cell, the Source and the superscript edits', () => {
    expect(diff.status, diff.stderr).toBe(0);
    const html = fs.readFileSync(path.join(out, P, 'diffs/1-2', `${P}-1-2-redline.html`), 'utf8');
    expect(html).toMatch(/<del[^>]*>\$460<\/del>\s*<ins[^>]*>\$470<\/ins>|<del[^>]*>\$460 million<\/del>\s*<ins[^>]*>\$470 million<\/ins>/);
    expect(html).toMatch(/<ins[^>]*>[^<]*OMB[^<]*<\/ins>/);
    expect(html).toMatch(/<del[^>]*>[^<]*119[^<]*<\/del>\s*<ins[^>]*>[^<]*120[^<]*<\/ins>/);
  });

  it('the tracked-changes DOCX carries the cell edit inside the Word table cell', async () => {
    const docx = fs.readFileSync(path.join(out, P, 'diffs/1-2', `${P}-2-tracked-changes.docx`));
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const cells = all(parseXml(xml), 'w:tc');
    const edited = cells.filter((c) => all(c, 'w:ins').length > 0 || all(c, 'w:del').length > 0);
    expect(edited).toHaveLength(1);
    expect(all(edited[0]!, 'w:del').map(deletedTextOf).join('')).toContain('460');
    expect(all(edited[0]!, 'w:ins').map(textOf).join('')).toContain('470');
    // No other cell changed, and the rest of the table reads as before.
    expect(cells.map(textOf).join(' | ')).toContain('$552 million');
  });
});
