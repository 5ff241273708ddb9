// Hostile briefs too big or too binary to commit (10,000-deep nesting, 50,000 link openers,
// multi-megabyte files, invalid UTF-8): made at test time, each from a few lines of code, so what
// a case holds is readable here. See tests/fixtures/hostile/cases.ts for what each must produce.
import fs from 'node:fs';
import path from 'node:path';

export const PRODUCT = 'IF10100';

/** Front matter of 10 lines and a blank line: a generated body starts on line 12. */
export const FRONT = `---
product: ${PRODUCT}
title: "Hostile Input"
date: 2026-04-20
version: 1
status: new
authors:
  - name: Ada Analyst
    title: Specialist
---

`;

/** 24 words: a body above the near-empty threshold. */
export const PROSE = 'The committee met to review the program and its funding, and it heard testimony from agencies, analysts and the public over two days.';

/** A brief whose body is PROSE (line 12), a blank line, then `rest` from line 14. */
export const brief = (rest: string) => `${HEAD}${rest}\n`;
/** Everything before line 14. */
const HEAD = `${FRONT}${PROSE}\n\n`;

/** A minimal valid timeline (figure data); its line 7 is the first event's label. */
export const TIMELINE = `kind: timeline
start: 2016-01-01
end: 2019-12-31
events:
  - date: 2016-01-06
    kind: nuclear-test
    label: Fourth nuclear test
    source: CTBTO statement
`;

export type FileSpec = string | Uint8Array | { symlink: string } | { folder: true };

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? utf8(p) : Buffer.from(p))));
const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');

/** The timeline with a Latin-1 é (one byte, 0xE9) ending its line 7, the first label. */
function latin1Label(): Buffer {
  const at = TIMELINE.indexOf('Fourth nuclear test') + 'Fourth nuclear test'.length;
  return bytes(TIMELINE.slice(0, at), [0xe9], TIMELINE.slice(at));
}

/** Every generated case: its files, relative to the product folder. */
export const GENERATED: Record<string, () => Record<string, FileSpec>> = {
  // Encodings.
  'enc-invalid-utf8-title': () => {
    // "Hostile é" saved as Latin-1: the é is the single byte 0xE9, on line 3, column 17.
    const at = FRONT.indexOf('Hostile Input') + 'Hostile '.length;
    return { 'brief.md': bytes(FRONT.slice(0, at), [0xe9], FRONT.slice(at), PROSE, '\n') };
  },
  'enc-invalid-utf8-body': () => ({ 'brief.md': bytes(FRONT, 'Caf', [0xe9], ' ', PROSE, '\n') }),
  'enc-nul-title': () => ({ 'brief.md': bytes(FRONT.replace('Hostile Input', 'Hostile\0Input'), PROSE, '\n') }),
  'enc-nul-body': () => ({ 'brief.md': brief('A NUL \0 in the text.') }),
  'enc-c0-control': () => ({ 'brief.md': brief('A bell \u0007 in the text.') }),
  'enc-c1-control': () => ({ 'brief.md': brief('A next-line \u0085 control from a Windows-1252 mix-up.') }),
  'enc-noncharacter': () => ({ 'brief.md': brief('A noncharacter \uFFFE in the text.') }),
  'enc-replacement-char': () => ({ 'brief.md': brief('Text lost in conversion: \uFFFD.') }),
  'enc-lone-surrogate-bytes': () => ({ 'brief.md': bytes(HEAD, 'A surrogate ', [0xed, 0xa0, 0x80], ' encoded as UTF-8.\n') }),
  'enc-overlong-slash': () => ({ 'brief.md': bytes(HEAD, 'An overlong slash ', [0xc0, 0xaf], ' (CVE-2000-0884).\n') }),
  'enc-truncated-sequence': () => ({ 'brief.md': bytes(HEAD, 'A cut euro sign ', [0xe2, 0x82], '\n') }),
  'enc-utf16': () => ({ 'brief.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(brief('Saved as UTF-16.'), 'utf16le')]) }),
  'enc-char-ref-nul': () => ({ 'brief.md': brief('A reference to NUL: &#0; here.') }),
  'enc-char-ref-surrogate': () => ({ 'brief.md': brief('A reference to a surrogate: &#xD800; here.') }),
  'enc-char-ref-too-big': () => ({ 'brief.md': brief('A reference past Unicode: &#x110000; here.') }),
  'enc-bom': () => ({ 'brief.md': bytes([0xef, 0xbb, 0xbf], brief('A byte order mark starts the file.')) }),
  'enc-crlf': () => ({ 'brief.md': brief('Windows line ends.\n\n- one\n- two').replace(/\n/g, '\r\n') }),
  'enc-figure-data-invalid-utf8': () => ({ 'brief.md': brief('::figure[Timeline]{data="figures/t.yaml"}'), 'figures/t.yaml': latin1Label() }),
  'enc-figure-data-nul': () => ({ 'brief.md': brief('::figure[Timeline]{data="figures/t.yaml"}'), 'figures/t.yaml': TIMELINE.replace('CTBTO statement', 'CTBTO\0statement') }),

  // Pathological Markdown (each starts on line 14).
  'md-deep-blockquote': () => ({ 'brief.md': brief(`${'>'.repeat(10_000)} deep`) }),
  'md-deep-blockquote-lines': () => ({ 'brief.md': brief(lines(200, (i) => `${'> '.repeat(i + 1)}level ${i + 1}`)) }),
  'md-deep-ordered-list': () => ({ 'brief.md': brief(`${'1. '.repeat(5_000)}deep`) }),
  'md-deep-bullet-list': () => ({ 'brief.md': brief(`${'- '.repeat(9_000)}deep`) }),
  'md-deep-indented-list': () => ({ 'brief.md': brief(lines(200, (i) => `${'  '.repeat(i)}- level ${i + 1}`)) }),
  'md-nested-divs': () => ({ 'brief.md': brief(lines(10_000, () => '<div>')) }),
  'md-nested-divs-one-line': () => ({ 'brief.md': brief('<div>'.repeat(3_000)) }),
  'md-nested-inline-html': () => ({ 'brief.md': brief(`Text ${'<span>'.repeat(2_000)}`) }),
  'md-nested-emphasis': () => ({ 'brief.md': brief(`${'*'.repeat(10_000)}a${'*'.repeat(10_000)}`) }),
  'md-emphasis-paragraph': () => ({ 'brief.md': brief(lines(100, () => '*a _b '.repeat(25))) }),
  'md-link-openers': () => ({ 'brief.md': brief(lines(500, () => '['.repeat(100))) }),
  'md-links-everywhere': () => ({ 'brief.md': brief(lines(60, () => `${'[x](https://www.crs.gov/) '.repeat(100)}\n`)) }),
  'md-huge-line': () => ({ 'brief.md': brief('word '.repeat(6_000)) }),
  'md-huge-table': () => ({ 'brief.md': brief(`${'| h '.repeat(20)}|\n${'| - '.repeat(20)}|\n${lines(1_000, () => `${'| x '.repeat(20)}|`)}`) }),
  'md-many-tables': () => ({ 'brief.md': brief(lines(60, () => '| a | b |\n| - | - |\n| 1 | 2 |\n')) }),
  'md-many-headings': () => ({ 'brief.md': brief(lines(600, (i) => `## Heading ${i + 1}\n`)) }),
  'md-many-lines': () => ({ 'brief.md': brief(lines(6_000, () => 'line')) }),
  'md-many-html-tags': () => ({ 'brief.md': brief(lines(100, () => 'a<br>'.repeat(100))) }),

  // Oversized content.
  'size-source-too-big': () => ({ 'brief.md': brief(lines(4_000, () => PROSE)) }),
  'size-source-multi-mb': () => ({ 'brief.md': brief('x'.repeat(5 * 1024 * 1024)) }),
  'size-too-many-figures': () => ({ 'brief.md': brief(lines(60, (i) => `::figure[Figure ${i + 1}]{src="figures/f.png"}\n`)) }),
  'size-figure-data-too-big': () => ({
    'brief.md': brief('::figure[Timeline]{data="figures/t.yaml"}'),
    'figures/t.yaml': TIMELINE + lines(3_000, (i) => `  - date: 2017-01-01\n    kind: missile-launch\n    label: Launch ${i}\n    source: "${PROSE}"`),
  }),

  // Paths reaching outside through the file system.
  'path-symlink-picture-out': () => ({ 'brief.md': brief('::figure[Escape]{src="figures/out.png"}'), 'figures/out.png': { symlink: '/etc/passwd' } }),
  'path-symlink-data-out': () => ({ 'brief.md': brief('::figure[Escape]{data="figures/t.yaml"}'), 'figures/t.yaml': { symlink: '../../outside.yaml' }, '../outside.yaml': TIMELINE }),
  'path-symlink-folder-out': () => ({ 'brief.md': brief('::figure[Escape]{data="figures/passwd"}'), figures: { symlink: '/etc' } }),
  'path-brief-is-a-folder': () => ({ 'brief.md': { folder: true } }),
};

/** Write a generated case under `root` (root/<PRODUCT>/…); returns the content folder. */
export function writeGenerated(name: string, root: string): string {
  const make = GENERATED[name];
  if (!make) throw new Error(`no generated hostile case ${name}`);
  const product = path.join(root, PRODUCT);
  for (const [rel, spec] of Object.entries(make())) {
    const target = path.join(product, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (typeof spec === 'object' && 'symlink' in spec) fs.symlinkSync(spec.symlink, target);
    else if (typeof spec === 'object' && 'folder' in spec) fs.mkdirSync(target, { recursive: true });
    else fs.writeFileSync(target, spec);
  }
  return root;
}
