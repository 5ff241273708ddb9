// The source syntax of real briefs' constructs (image figures, tables, superscripts, quotes,
// lists, links, colons in text): what builds, and for every wrong use one clear message with the
// file, line and what was expected. Briefs are written to a temp folder and read by the real
// pipeline (buildDocument); one case goes through the CLI for the exit code and the untouched output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../src/model/build-document.js';
import { BriefError, formatMessage } from '../src/report.js';
import { runCli } from './support/run-cli.js';

const CONSTRUCTS = path.join(import.meta.dirname, 'fixtures/constructs/IF10009');
const PHOTO = path.join(CONSTRUCTS, 'figures/photo.png');

const FRONT = `---
product: IF10010
title: "A Test"
date: 2026-04-20
version: 1
status: new
authors:
  - name: Ada Analyst
    title: Specialist
---
`;

/** A brief with `body` (after the 10 lines of front matter, so the body starts on line 12) and files. */
function brief(body: string, files: Record<string, string | Uint8Array> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-constructs-'));
  const product = path.join(dir, 'IF10010');
  fs.mkdirSync(path.join(product, 'figures'), { recursive: true });
  fs.writeFileSync(path.join(product, 'brief.md'), `${FRONT}\n${body}`);
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(product, name), data);
  return path.join(product, 'brief.md');
}

async function errorsOf(body: string, files: Record<string, string | Uint8Array> = {}): Promise<string[]> {
  const file = brief(body, files);
  try {
    await buildDocument(file, path.dirname(path.dirname(file)));
  } catch (err) {
    if (err instanceof BriefError) return err.messages.map((m) => formatMessage(m, path.dirname(path.dirname(file))));
    throw err;
  }
  return [];
}

async function html(body: string, files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const file = brief(body, files);
  return toHtml((await buildDocument(file, path.dirname(path.dirname(file)))).body);
}

const png = fs.readFileSync(PHOTO);

describe('image figures', () => {
  it('a PNG becomes a numbered figure with caption, subtitle, picture at its natural size, Source and Notes', async () => {
    const out = await html('Text.\n\n::figure[A Photo]{#fig-1 src="figures/p.png" subtitle="In *millions*" source="CRS, [site](https://www.crs.gov/)." notes="Rounded."}\n', { 'figures/p.png': png });
    expect(out).toMatch(/<figure id="fig-1" class="figure" data-place="column" data-figure="1"><figcaption><span class="figure-label">Figure 1\.<\/span> A Photo<\/figcaption>/);
    expect(out).toContain('<p class="figure-subtitle">In <em>millions</em></p>');
    // 523 px placed at 220 ppi in the original: 171.2 pt wide (the dev set's IF11755 Figure 2).
    expect(out).toMatch(/<img class="figure-image" src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Figure 1\. A Photo" width="228" height="128" style="width:171.17pt">/);
    expect(out).toContain('<p class="figure-source"><strong>Source:</strong> CRS, <a href="https://www.crs.gov/">site</a>.</p>');
    expect(out).toContain('<p class="figure-notes"><strong>Notes:</strong> Rounded.</p>');
  });

  it('numbers picture and data figures together, and takes alt text and placement', async () => {
    const timeline = fs.readFileSync(path.join(import.meta.dirname, '../content/IF11415/figures/timeline.yaml'));
    const out = await html('::figure[Data]{data="figures/t.yaml" place="page-top"}\n\n::figure[Picture]{src="figures/p.png" alt="A vehicle at sea" place="span"}\n', { 'figures/t.yaml': timeline, 'figures/p.png': png });
    expect(out).toMatch(/<figure id="figure-1" class="figure" data-place="page-top" data-figure="1">/);
    expect(out).toMatch(/<figure id="figure-2" class="figure" data-place="span" data-figure="2"><figcaption><span class="figure-label">Figure 2\.<\/span> Picture/);
    expect(out).toContain('alt="A vehicle at sea"');
  });

  it('an SVG picture is measured from its own width and height', async () => {
    const svg = fs.readFileSync(path.join(CONSTRUCTS, 'figures/chart.svg'));
    const out = await html('::figure[Chart]{src="figures/c.svg"}\n', { 'figures/c.svg': svg });
    expect(out).toMatch(/<img class="figure-image" src="data:image\/svg\+xml;base64,[^"]+" alt="Figure 1\. Chart" width="320" height="160" style="width:240pt">/);
  });

  const bad: { name: string; body: string; files?: Record<string, string | Uint8Array>; says: RegExp }[] = [
    { name: 'a missing file', body: '::figure[X]{src="figures/nope.png"}', says: /figure: src file `figures\/nope\.png` not found .*expected an existing file/ },
    { name: 'a path leaving the folder', body: '::figure[X]{src="../../etc/passwd.png"}', says: /is outside the brief's folder: expected a relative path under/ },
    { name: 'an absolute path', body: '::figure[X]{src="/etc/hosts"}', says: /is outside the brief's folder/ },
    { name: 'another format', body: '::figure[X]{src="figures/x.gif"}', files: { 'figures/x.gif': 'GIF89a' }, says: /picture `figures\/x\.gif` is a `\.gif`; expected a PNG \(\.png\), JPEG \(\.jpg, \.jpeg\) or SVG \(\.svg\) picture/ },
    { name: 'content that is no picture', body: '::figure[X]{src="figures/x.png"}', files: { 'figures/x.png': 'hello' }, says: /is not a PNG, JPEG or SVG picture/ },
    { name: 'a name that lies about the content', body: '::figure[X]{src="figures/x.jpg"}', files: { 'figures/x.jpg': png }, says: /is named `\.jpg` but its content is PNG/ },
    { name: 'a truncated (corrupt) PNG', body: '::figure[X]{src="figures/x.png"}', files: { 'figures/x.png': png.subarray(0, png.length / 2) }, says: /cannot be read as PNG .*expected a complete, undamaged picture/ },
    {
      name: 'an oversized picture',
      body: '::figure[X]{src="figures/x.png"}',
      files: { 'figures/x.png': Buffer.concat([png.subarray(0, 16), Buffer.from([0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20]), png.subarray(24)]) },
      says: /is 20000 × 20000 pixels; expected at most 25 megapixels/,
    },
    { name: 'both data and src', body: '::figure[X]{src="figures/x.png" data="figures/x.yaml"}', says: /both `data` and `src`: expected one/ },
    { name: 'neither data nor src', body: '::figure[X]{#f}', says: /missing `src` or `data`/ },
    { name: 'an unknown placement', body: '::figure[X]{src="figures/x.png" place="float"}', files: { 'figures/x.png': png }, says: /place="float" is not known: expected "column", "page-top", "span"/ },
    { name: 'an unknown attribute', body: '::figure[X]{src="figures/x.png" width="3in"}', files: { 'figures/x.png': png }, says: /unknown attribute `width`: expected one of id, data, src, place, subtitle, source, notes, alt/ },
    { name: 'a source that is not inline', body: '::figure[X]{src="figures/x.png" source="# Heading"}', files: { 'figures/x.png': png }, says: /`source` must be one line of inline Markdown/ },
  ];
  for (const c of bad) {
    it(`refuses ${c.name}, at the directive's line`, async () => {
      const errors = await errorsOf(`Text.\n\n${c.body}\n`, c.files);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/\/IF10010\/brief\.md:14:1: error: /);
      expect(errors[0]).toMatch(c.says);
    });
  }
});

describe('tables', () => {
  const TABLE = ':::table[Funding]{#tab-1 source="CRS, from [OMB](https://www.whitehouse.gov/omb/)." place="span"}\n| Program | Funding | Share |\n| --- | :---: | ---: |\n| SNAP | $103 billion | 90%^a^ |\n\na. Rounded.\n\nb) Preliminary.\n:::\n';

  it('become a numbered table figure: caption, table with alignments, Source, notes with labels', async () => {
    const out = await html(`See [Table 1](#tab-1).\n\n${TABLE}`);
    expect(out).toMatch(/<figure id="tab-1" class="table-figure" data-place="span" data-table="1"><figcaption><span class="figure-label">Table 1\.<\/span> Funding<\/figcaption><table>/);
    expect(out).toMatch(/<th>Program<\/th>\s*<th align="center">Funding<\/th>\s*<th align="right">Share<\/th>/);
    expect(out).toMatch(/<td align="right">90%<sup>a<\/sup><\/td>/);
    expect(out).toContain('<p class="figure-source"><strong>Source:</strong> CRS, from <a href="https://www.whitehouse.gov/omb/">OMB</a>.</p>');
    expect(out).toMatch(/<div class="table-notes">\s*<p class="table-note"><span class="note-label">a\.<\/span> Rounded\.<\/p>/);
    expect(out).toContain('<p class="table-note"><span class="note-label">b)</span> Preliminary.</p>');
  });

  it('take the column widths an author sets (widths=), in pt, in, cm or mm, as points on the model', async () => {
    const out = await html(TABLE.replace('place="span"', 'place="span" widths="1in 20mm 72pt"'));
    expect(out).toContain('data-widths="72 56.7 72"');
    // A table without widths carries none: each writer sizes its columns to their content.
    expect(await html(TABLE)).not.toContain('data-widths');
  });

  it('are numbered apart from figures', async () => {
    const out = await html(`::figure[P]{src="figures/p.png"}\n\n${TABLE}\n${TABLE.replace('#tab-1', '#tab-2')}`, { 'figures/p.png': png });
    expect(out).toContain('data-figure="1"');
    expect(out).toMatch(/<span class="figure-label">Table 1\.<\/span>[\s\S]*<span class="figure-label">Table 2\.<\/span>/);
  });

  const bad: { name: string; body: string; says: RegExp; at?: string }[] = [
    { name: 'a container without a table', body: ':::table[X]\nJust text.\n:::', says: /table: no table inside: expected one GFM table/ },
    { name: 'two tables', body: ':::table[X]\n| a |\n| - |\n| 1 |\n\n| b |\n| - |\n| 2 |\n:::', says: /table: 2 tables inside/ },
    { name: 'a list inside', body: ':::table[X]\n| a |\n| - |\n| 1 |\n\n- no\n:::', says: /table: a list inside the table container/, at: '19:1' },
    { name: 'no caption', body: ':::table\n| a |\n| - |\n| 1 |\n:::', says: /table: missing caption: expected `:::table\[Caption text\]/ },
    { name: 'a page-top table', body: ':::table[X]{place="page-top"}\n| a |\n| - |\n| 1 |\n:::', says: /table: place="page-top" is not known: expected "column", "span"/ },
    { name: 'an unknown attribute', body: ':::table[X]{notes="n"}\n| a |\n| - |\n| 1 |\n:::', says: /table: unknown attribute `notes`: expected one of id, place, source/ },
    { name: 'the leaf form', body: '::table[X]', says: /unknown directive `::table` \(`table` is written `:::table`\)/ },
    { name: 'widths without units', body: ':::table[X]{widths="80 80"}\n| a | b |\n| - | - |\n| 1 | 2 |\n:::', says: /table: widths="80 80": `80` is not a width: expected one width per column with its unit/ },
    { name: 'widths for another number of columns', body: ':::table[X]{widths="1in 1in 1in"}\n| a | b |\n| - | - |\n| 1 | 2 |\n:::', says: /table: widths="1in 1in 1in" gives 3 widths for 2 columns: expected one per column/ },
    { name: 'widths wider than the column', body: ':::table[X]{widths="2in 2in"}\n| a | b |\n| - | - |\n| 1 | 2 |\n:::', says: /table: widths="2in 2in" add up to 288 pt: expected at most 241.2 pt for a table in a column \(place="span" sets it across both\)/ },
    { name: 'widths wider than the page allows', body: ':::table[X]{place="span" widths="5in 4in"}\n| a | b |\n| - | - |\n| 1 | 2 |\n:::', says: /table: widths="5in 4in" add up to 648 pt: expected at most 576 pt for a table across both columns/ },
  ];
  for (const c of bad) {
    it(`refuses ${c.name}, with its line`, async () => {
      const errors = await errorsOf(`Text.\n\n${c.body}\n`);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`/IF10010/brief\\.md:${c.at ?? '14:1'}: error: `));
      expect(errors[0]).toMatch(c.says);
    });
  }
});

describe('text constructs', () => {
  it('colons inside text are text: times, ratios, Note:, URLs, a word:word', async () => {
    const out = await html('The meeting began at 10:30 a.m.; the vote was 3:1. Note: see https://www.congress.gov/ and a:b or :smile: too.\n');
    expect(out).toContain('<p>The meeting began at 10:30 a.m.; the vote was 3:1. Note: see <a href="https://www.congress.gov/">https://www.congress.gov/</a> and a:b or :smile: too.</p>');
  });

  it('a line that starts with a colon-word but is no directive stays text when escaped', async () => {
    expect(await html('\\::note this\n')).toContain('<p>::note this</p>');
  });

  it('superscripts: ^text^, escapes, and carets that are not superscripts', async () => {
    const out = await html('The 119^th^ Congress; $552 million^a^; 2^10 and 3 ^ 4; x^a b^; a \\^not\\^ one; ^^.\n');
    expect(out).toContain('<p>The 119<sup>th</sup> Congress; $552 million<sup>a</sup>; 2^10 and 3 ^ 4; x^a b^; a ^not^ one; ^^.</p>');
  });

  it('block quotes, numbered and nested lists', async () => {
    const out = await html('> Quoted text.\n\n1. One\n2. Two\n   - nested\n');
    expect(out).toContain('<blockquote>\n<p>Quoted text.</p>\n</blockquote>');
    expect(out).toMatch(/<ol>\s*<li>One<\/li>\s*<li>\s*Two\s*<ul>\s*<li>nested<\/li>/);
  });

  it('footnotes are refused with where and what to write instead', async () => {
    const errors = await errorsOf('A claim.[^1]\n\n[^1]: The note.\n');
    expect(errors[0]).toMatch(/\/IF10010\/brief\.md:12:9: error: footnotes are not part of the In Focus style: expected the note in the text, a link, or a `notes`\/`source` line/);
  });

  const links: { name: string; body: string; says: RegExp; at: string }[] = [
    { name: 'a relative file', body: 'See [the other brief](other.html).', says: /link to `other\.html`: expected an http:\/\/ or https:\/\/ address, a mailto: address, or #id/, at: '12:5' },
    { name: 'an ftp address', body: 'See [files](ftp://example.gov/x).', says: /link to `ftp:\/\/example\.gov\/x`/, at: '12:5' },
    { name: 'javascript', body: 'See [x](javascript:alert(1)).', says: /link to `javascript:alert\(1\)`/, at: '12:5' },
    { name: 'an anchor nothing has', body: '## Background\n\nSee [Figure 9](#fig-9).', says: /link to `#fig-9`: no heading, figure or table has that id; expected one of #background/, at: '14:5' },
    { name: 'a raw HTML anchor to a file', body: 'See <a href="notes.pdf">notes</a>.', says: /link to `notes\.pdf`/, at: '12:5' },
  ];
  for (const c of links) {
    it(`refuses a link to ${c.name}`, async () => {
      const errors = await errorsOf(`${c.body}\n`);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`/IF10010/brief\\.md:${c.at}: error: `));
      expect(errors[0]).toMatch(c.says);
    });
  }

  it('keeps http(s), mailto and internal links', async () => {
    const out = await html('## Background\n\n[a](https://a.gov/x?y=1) [b](http://b.gov) [c](mailto:c@d.gov) [d](#background)\n');
    expect(out).toContain('<a href="https://a.gov/x?y=1">a</a> <a href="http://b.gov">b</a> <a href="mailto:c@d.gov">c</a> <a href="#background">d</a>');
  });
});

describe('through the command line', () => {
  it('a corrupt picture: exit 1, file:line, nothing written, the earlier output intact', () => {
    const file = brief('Text.\n\n::figure[X]{src="figures/x.png"}\n', { 'figures/x.png': png.subarray(0, 2000) });
    const content = path.dirname(path.dirname(file));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-constructs-out-'));
    fs.mkdirSync(path.join(out, 'IF10010/1'), { recursive: true });
    fs.writeFileSync(path.join(out, 'IF10010/1/IF10010.html'), 'before');
    const r = runCli(['build', '--content', content, '--out', out, '--format', 'html']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/IF10010\/brief\.md:14:1: error: figure: picture `figures\/x\.png` cannot be read as PNG/);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(fs.readFileSync(path.join(out, 'IF10010/1/IF10010.html'), 'utf8')).toBe('before');
    expect(fs.readdirSync(path.join(out, 'IF10010/1'))).toEqual(['IF10010.html']);
  });
});
