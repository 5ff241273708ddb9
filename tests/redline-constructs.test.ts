// Redlines of the constructs: two versions of the every-construct brief (tests/fixtures/constructs),
// B editing a table cell, inserting and deleting rows, a figure's subtitle, Source and Notes, the
// table's caption and note, a superscript, a link's target only, a quote, a list item, the title
// and the date. The HTML redline must show each; the tracked-changes DOCX must carry the cell edit
// inside the table cell (w:tc), the rows as inserted/deleted rows, and the title and date edits in
// the title band; LibreOffice must open it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../src/model/build-document.js';
import { briefBlocks } from '../src/render/redline/blocks.js';
import { compareBlocks } from '../src/render/redline/compare.js';
import { renderRedlineHtml } from '../src/render/redline/redline-html.js';
import { renderTrackedDocx } from '../src/render/redline/tracked-docx.js';
import { all, one, parseXml, type El } from './support/xml.js';
import { ROOT } from './support/run-cli.js';

/** The text of the runs under el of one kind: w:t (kept or inserted) or w:delText (deleted). */
const texts = (el: El, tag: 'w:t' | 'w:delText') => all(el, tag).map((t) => t.text).join('');
// (Without the empty marks of a row's or paragraph mark's insertion or deletion.)
const inserted = (el: El) => all(el, 'w:ins').map((i) => texts(i, 'w:t')).filter(Boolean).join('|');
const deleted = (el: El) => all(el, 'w:del').map((d) => texts(d, 'w:delText')).filter(Boolean).join('|');

const P = 'IF10009';
const FIXTURE = path.join(ROOT, 'tests/fixtures/constructs', P);

/** Version B: the same brief with one edit of each kind (each replacement must apply). */
const EDITS: [string, string][] = [
  ['title: "Every Construct: A Test Brief"', 'title: "Every Construct: A Revised Test Brief"'],
  ['date: 2026-04-20', 'date: 2026-05-04'],
  ['version: 1', 'version: 2'],
  ['status: new', 'status: updated'],
  ['The 119^th^ Congress', 'The 119^st^ Congress'],
  ['[Congress.gov site](https://www.congress.gov/)', '[Congress.gov site](https://www.congress.gov/search)'],
  ['subtitle="A photograph"', 'subtitle="A photograph, 2024"'],
  ['source="U.S. Marine Corps, [photo page]', 'source="U.S. Navy, [photo page]'],
  ['notes="Shown *as printed*."', 'notes="Shown *as first printed*."'],
  ['mineral resources', 'mineral and energy resources'],
  ['3. Third numbered step.', '3. Third and last numbered step.'],
  [':::table[Programs and Funding]', ':::table[Programs and FY2026 Funding]'],
  ['| SNAP | Food and Nutrition Act | $103.955 billion |\n', ''],
  ['| CSFP | Agriculture and Consumer Protection Act | $460 million |', '| CSFP | Agriculture and Consumer Protection Act | $470 million |\n| WIC | Child Nutrition Act | $7.6 billion |'],
  ['administrative funds only.', 'administrative funds only, FY2026.'],
];

let dir: string;
let html: string;
let docxPath: string;
let doc: El;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-redline-constructs-'));
  for (const v of ['a', 'b']) fs.cpSync(FIXTURE, path.join(dir, v, P), { recursive: true });
  const bSource = path.join(dir, 'b', P, 'brief.md');
  let text = fs.readFileSync(bSource, 'utf8');
  for (const [from, to] of EDITS) {
    expect(text, `version B edit: ${from}`).toContain(from);
    text = text.replace(from, to);
  }
  fs.writeFileSync(bSource, text);
  const a = await buildDocument(path.join(dir, 'a', P, 'brief.md'), path.join(dir, 'a'));
  const b = await buildDocument(bSource, path.join(dir, 'b'));
  const changes = compareBlocks(briefBlocks(a), briefBlocks(b));
  html = renderRedlineHtml(a, b, changes);
  docxPath = path.join(dir, `${P}-2-tracked-changes.docx`);
  fs.writeFileSync(docxPath, await renderTrackedDocx(b, changes, 1));
  const zip = await JSZip.loadAsync(fs.readFileSync(docxPath));
  doc = parseXml(await zip.file('word/document.xml')!.async('string'));
}, 120_000);

describe('HTML redline of every construct', () => {
  it('a table cell edit, labelled by table, row and column, inside a table', () => {
    expect(html).toMatch(/<td class="block changed"><span class="change-note">Changed table 1, row 2, Funding<\/span> <del>\$460<\/del><ins>\$470<\/ins> million<\/td>/);
    expect(html).toMatch(/<table class="redline-table">/);
  });

  it('a deleted and an inserted row, cell by cell', () => {
    expect(html).toMatch(/<span class="change-note">Deleted table 1, row 1, Program<\/span> <del>SNAP<\/del>/);
    expect(html).toMatch(/<span class="change-note">Deleted table 1, row 1, Funding<\/span> <del>\$103\.955 billion<\/del>/);
    expect(html).toMatch(/<span class="change-note">Inserted table 1, row 3, Program<\/span> <ins>WIC<\/ins>/);
    expect(html).toMatch(/<span class="change-note">Inserted table 1, row 3, Statute<\/span> <ins>Child Nutrition Act<\/ins>/);
  });

  it('the table caption and its note', () => {
    expect(html).toMatch(/Changed table caption<\/span> Table 1\. Programs and <ins>FY2026 <\/ins>Funding/);
    expect(html).toMatch(/Changed table note<\/span> a\. Entitlement foods and administrative funds only<ins>, FY2026<\/ins>\./);
  });

  it('the figure’s subtitle, Source and Notes', () => {
    expect(html).toMatch(/Changed figure subtitle<\/span> A photograph<ins>, 2024<\/ins>/);
    expect(html).toMatch(/Changed figure source<\/span> Source: U\.S\. <del>Marine Corps<\/del><ins>Navy<\/ins>, photo page/);
    expect(html).toMatch(/Changed figure notes<\/span> Notes: Shown as <ins>first <\/ins>printed\./);
  });

  it('a superscript whose text changed, shown as superscript', () => {
    expect(html).toContain('119<del><sup>th</sup></del><ins><sup>st</sup></ins> Congress');
  });

  it('a link whose target alone changed: the block is changed and the targets are shown', () => {
    const block = html.split('\n').find((l) => l.includes('Congress.gov') && l.includes('class="block changed"'));
    expect(block, 'the paragraph with the link is a changed block').toBeDefined();
    expect(block).toContain('Congress.gov <del>site<span class="link-target"> ⟨https://www.congress.gov/⟩</span></del><ins>site<span class="link-target"> ⟨https://www.congress.gov/search⟩</span></ins>.');
    // Targets of links that did not change, and of unchanged blocks, are left out.
    expect(block).not.toContain('#fig-1');
    const same = html.split('\n').filter((l) => l.includes('class="block same"'));
    expect(same.some((l) => l.includes('link-target'))).toBe(false);
  });

  it('a quote and a numbered list item', () => {
    expect(html).toMatch(/<blockquote class="block changed"><p><span class="change-note">Changed quote<\/span> .*mineral <ins>and energy <\/ins>resources/);
    expect(html).toMatch(/<li class="block changed"><span class="change-note">Changed list item<\/span> Third <ins>and last <\/ins>numbered step\./);
  });

  it('the title and the date', () => {
    expect(html).toMatch(/<dt>Title<\/dt><dd class="block changed">.*Every Construct: A <ins>Revised <\/ins>Test Brief/);
    expect(html).toMatch(/<dt>Date<\/dt><dd class="block changed">.*<del>April 20<\/del><ins>Updated May 4<\/ins>, 2026/);
  });
});

describe('tracked-changes DOCX of every construct', () => {
  let table: El;
  beforeAll(() => {
    table = all(doc, 'w:tbl').find((t) => texts(t, 'w:t').includes('Emergency Food Assistance Act'))!;
    expect(table).toBeDefined();
  });

  it('the cell edit is a w:del and a w:ins inside that table cell', () => {
    const cell = all(table, 'w:tc').find((tc) => inserted(tc) === '$470')!;
    expect(cell, 'a w:tc with "$470" inserted').toBeDefined();
    expect(deleted(cell)).toBe('$460');
    expect(texts(cell, 'w:t')).toBe('$470 million');
  });

  it('the deleted row is a deleted w:tr; the new row an inserted one', () => {
    const rows = all(table, 'w:tr');
    const gone = rows.find((tr) => texts(tr, 'w:delText').includes('SNAP'))!;
    expect(gone).toBeDefined();
    expect(one(one(gone, 'w:trPr')!, 'w:del')).toBeDefined();
    expect(all(gone, 'w:tc').map((tc) => texts(tc, 'w:delText'))).toEqual(['SNAP', 'Food and Nutrition Act', '$103.955 billion']);
    const added = rows.find((tr) => texts(tr, 'w:t').includes('WIC'))!;
    expect(one(one(added, 'w:trPr')!, 'w:ins')).toBeDefined();
    expect(all(added, 'w:tc').map(inserted)).toEqual(['WIC', 'Child Nutrition Act', '$7.6 billion']);
    // The deleted row stands where it stood: before TEFAP's row, under the header.
    expect(rows.indexOf(gone)).toBe(1);
  });

  it('the title and the date carry their edits in the title band', () => {
    const styled = (id: string) => all(doc, 'w:p').find((p) => one(p, 'w:pStyle')?.attrs['w:val'] === id)!;
    const title = styled('Title');
    expect(inserted(title)).toBe('Revised ');
    expect(texts(title, 'w:t')).toBe('Every Construct: A Revised Test Brief');
    const date = styled('Date');
    expect(deleted(date)).toBe('April 20');
    expect(inserted(date)).toBe('Updated May 4');
  });

  it('a changed superscript is a tracked superscript run', () => {
    const ins = all(doc, 'w:ins').find((i) => texts(i, 'w:t') === 'st')!;
    expect(ins).toBeDefined();
    expect(one(ins, 'w:vertAlign')?.attrs['w:val']).toBe('superscript');
  });

  it('figure Source and table caption edits are tracked in their paragraphs', () => {
    const para = (style: string, has: string) => all(doc, 'w:p').find((p) => one(p, 'w:pStyle')?.attrs['w:val'] === style && texts(p, 'w:t').includes(has))!;
    expect(inserted(para('SourceNote', 'photo page'))).toBe('Navy');
    expect(deleted(para('SourceNote', 'photo page'))).toBe('Marine Corps');
    expect(inserted(para('TableCaption', 'Programs'))).toBe('FY2026 ');
  });

  it('LibreOffice opens and prints it', () => {
    const out = path.join(dir, 'lo');
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, docxPath], { encoding: 'utf8', timeout: 200_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(out, `${P}-2-tracked-changes.pdf`))).toBe(true);
  }, 240_000);
});
