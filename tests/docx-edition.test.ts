// The DOCX follows the brief's edition (src/style/editions) and its front matter `layout:`: the
// Word styles, the page and the font table are derived from the same numbers the PDF's stylesheet
// reads, none written in the DOCX renderer. Temp briefs go through the real pipeline
// (buildDocument → renderDocx) and the package's XML is read back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../src/model/build-document.js';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { quoteCharacterSpacing } from '../src/render/docx/styles.js';
import { halfPoints, twips } from '../src/render/docx/units.js';
import type { Edition, EditionId } from '../src/style/edition.js';
import { EDITIONS } from '../src/style/editions.js';
import { all, one, parseXml, type El } from './support/xml.js';

const BODY = `## Overview

A paragraph of the body.

- One item.
- Another item.

### A Subsection

Another paragraph.
`;

/** A brief in a temp folder, with `extra` front matter lines, built to a DOCX and opened. */
async function docx(extra: string): Promise<{ part: (name: string) => Promise<El>; edition: Edition }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-docx-edition-'));
  const product = path.join(dir, 'IF10011');
  fs.mkdirSync(product);
  fs.writeFileSync(
    path.join(product, 'brief.md'),
    `---\nproduct: IF10011\ntitle: "Edition Test"\ndate: 2026-04-20\nversion: 1\nstatus: new\n${extra}authors:\n  - name: Ada Analyst\n    title: Specialist\n---\n\n${BODY}`,
  );
  const doc = await buildDocument(path.join(product, 'brief.md'), dir);
  const zip = await JSZip.loadAsync(await renderDocx(doc));
  const parts = new Map<string, El>();
  const part = async (name: string) => {
    if (!parts.has(name)) parts.set(name, parseXml((await zip.file(name)?.async('string')) ?? ''));
    return parts.get(name)!;
  };
  return { part, edition: doc.edition };
}

const attr = (el: El | undefined, name: string): string | undefined => el?.attrs[name];

/** A style's element in word/styles.xml, by id. */
function style(styles: El, id: string): El {
  const s = all(styles, 'w:style').find((x) => x.attrs['w:styleId'] === id);
  if (!s) throw new Error(`no style ${id} in word/styles.xml`);
  return s;
}
const spacing = (styles: El, id: string) => one(one(style(styles, id), 'w:pPr')!, 'w:spacing')!;

describe('the DOCX follows the edition', () => {
  it('Normal takes the paragraph gap and line pitch of the edition, and of the brief\'s layout:', async () => {
    const plain = await docx('style: in-focus-2020\n');
    const laidOut = await docx('style: in-focus-2020\nlayout:\n  paragraphSpacing: 6\n  linePitch: 10.5\n');
    expect(plain.edition.body).toMatchObject({ paragraphGap: 11, line: 11 });
    expect(laidOut.edition.body).toMatchObject({ paragraphGap: 6, line: 10.5 });

    const normal = spacing(await plain.part('word/styles.xml'), 'Normal');
    expect(attr(normal, 'w:after')).toBe('220');
    expect(attr(normal, 'w:line')).toBe('220');
    expect(attr(normal, 'w:lineRule')).toBe('exact');

    const styles = await laidOut.part('word/styles.xml');
    const laidOutNormal = spacing(styles, 'Normal');
    expect(attr(laidOutNormal, 'w:after')).toBe('120');
    expect(attr(laidOutNormal, 'w:line')).toBe('210');
    expect(attr(laidOutNormal, 'w:lineRule')).toBe('exact');
    // The document defaults under every style: the same pitch.
    expect(attr(one(one(styles, 'w:pPrDefault')!, 'w:spacing'), 'w:line')).toBe('210');
    // A source line keeps its own pitch; the paragraph gap under it is the brief's.
    expect(attr(spacing(styles, 'SourceNote'), 'w:after')).toBe('120');
    expect(attr(spacing(styles, 'SourceNote'), 'w:line')).toBe(String(twips(laidOut.edition.figure.sourceLine)));

    // In the body: the list's last item ends with the paragraph gap (not the item gap), in both.
    const lastItem = async (part: (name: string) => Promise<El>) => {
      const items = all(await part('word/document.xml'), 'w:p').filter((p) => attr(one(p, 'w:pStyle'), 'w:val') === 'ListBullet');
      expect(items).toHaveLength(2);
      return { first: attr(one(items[0]!, 'w:spacing'), 'w:after'), last: attr(one(items[1]!, 'w:spacing'), 'w:after') };
    };
    expect(await lastItem(plain.part)).toEqual({ first: undefined, last: '220' });
    expect(await lastItem(laidOut.part)).toEqual({ first: undefined, last: '120' });
    // The items between take the item gap from the List Bullet style.
    expect(attr(spacing(styles, 'ListBullet'), 'w:after')).toBe(String(twips(laidOut.edition.lists.itemGap)));
  });

  it('the heading and list knobs of layout: (headingBefore, headingAfter, listLinePitch) set the Word styles', async () => {
    const { part, edition } = await docx('layout:\n  paragraphSpacing: 3\n  linePitch: 10.5\n  headingBefore: 11\n  headingAfter: 2.6\n  listLinePitch: 11.5\n');
    expect(edition.headings.h2).toMatchObject({ before: 11, after: 2.6 });
    expect(edition.lists.line).toBe(11.5);
    const styles = await part('word/styles.xml');
    // Word adds the paragraph's 3 pt after to the heading's before: the heading keeps the rest.
    expect(attr(spacing(styles, 'Heading1'), 'w:before')).toBe(String(twips(11 - 3)));
    expect(attr(spacing(styles, 'Heading1'), 'w:after')).toBe(String(twips(2.6)));
    expect(attr(spacing(styles, 'ListBullet'), 'w:line')).toBe(String(twips(11.5)));
    expect(attr(spacing(styles, 'ListBullet'), 'w:lineRule')).toBe('exact');
    // Without the knobs: the edition's (no space after a heading; list lines on the body's pitch).
    const plain = await (await docx('')).part('word/styles.xml');
    expect(attr(spacing(plain, 'Heading1'), 'w:after')).toBe('0');
    expect(attr(spacing(plain, 'ListBullet'), 'w:line')).toBeUndefined();
  });

  it('a table with widths= has exactly those columns, centred past the margins when wider', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-docx-widths-'));
    fs.mkdirSync(path.join(dir, 'IF10011'));
    fs.writeFileSync(
      path.join(dir, 'IF10011/brief.md'),
      `---\nproduct: IF10011\ntitle: "Widths"\ndate: 2026-04-20\nversion: 1\nstatus: new\nauthors:\n  - name: Ada Analyst\n    title: Specialist\n---\n\nText.\n\n:::table[Wide]{place="span" widths="87.6pt 88pt 248.6pt 62.3pt 74.2pt"}\n| a | b | c | d | e |\n| - | - | - | - | - |\n| 1 | 2 | 3 | 4 | 5 |\n:::\n`,
    );
    const doc = await buildDocument(path.join(dir, 'IF10011/brief.md'), dir);
    const xml = parseXml((await (await JSZip.loadAsync(await renderDocx(doc))).file('word/document.xml')!.async('string')));
    const grid = all(one(xml, 'w:tblGrid')!, 'w:gridCol').map((c) => Number(c.attrs['w:w']));
    expect(grid).toEqual([87.6, 88, 248.6, 62.3, 74.2].map(twips));
    const tblPr = one(xml, 'w:tblPr')!;
    expect(attr(one(tblPr, 'w:jc'), 'w:val')).toBe('center');
    expect(Number(attr(one(tblPr, 'w:tblW'), 'w:w'))).toBe(grid.reduce((a, b) => a + b, 0));
  });

  it.each(['in-focus-2020', 'in-focus-2026'] satisfies EditionId[])('%s: headings, page and fonts are the edition\'s numbers', async (id) => {
    const { part } = await docx(`style: ${id}\n`);
    const edition = EDITIONS[id];
    const styles = await part('word/styles.xml');

    // Heading 1 is `##`: the edition's h2, in its sans font and heading colour.
    const h1 = style(styles, 'Heading1');
    expect(attr(one(h1, 'w:sz'), 'w:val')).toBe(String(halfPoints(edition.headings.h2.size)));
    expect(attr(one(h1, 'w:spacing'), 'w:line')).toBe(String(twips(edition.headings.h2.line)));
    expect(attr(one(h1, 'w:color'), 'w:val')).toBe(edition.colors.heading.slice(1));
    expect(attr(one(h1, 'w:rFonts'), 'w:ascii')).toBe(edition.fonts.sans.word);
    expect(attr(one(style(styles, 'Heading2'), 'w:sz'), 'w:val')).toBe(String(halfPoints(edition.headings.h3.size)));
    expect(attr(one(style(styles, 'Title'), 'w:sz'), 'w:val')).toBe(String(halfPoints(edition.band.titleSize)));
    expect(attr(one(style(styles, 'Quote'), 'w:ind'), 'w:left')).toBe(String(twips(edition.quote.indent)));
    // Quotes set tighter, as the PDF's negative word spacing sets them: -0.68 pt a space is -2/20 pt a character.
    expect(attr(one(one(style(styles, 'Quote'), 'w:rPr')!, 'w:spacing'), 'w:val')).toBe(String(quoteCharacterSpacing(edition.quote.wordSpacing)));
    expect(quoteCharacterSpacing(edition.quote.wordSpacing)).toBe(-2);

    // The page: Letter, the edition's margins, columns and gap; the masthead at the header
    // distance; the footer's line where the PDF's is.
    const doc = await part('word/document.xml');
    const sect = all(doc, 'w:sectPr')[1]!;
    expect(attr(one(sect, 'w:pgSz'), 'w:w')).toBe(String(twips(edition.page.width)));
    const margin = one(sect, 'w:pgMar')!;
    expect(margin.attrs).toMatchObject({
      'w:top': String(twips(edition.page.top)),
      'w:bottom': String(twips(edition.page.bottom)),
      'w:left': String(twips(edition.page.side)),
      'w:header': String(twips(edition.band.mastheadTop)),
      'w:footer': String(twips(edition.page.height - edition.furniture.footerTop - edition.furniture.footerLine)),
    });
    expect(attr(one(sect, 'w:cols'), 'w:space')).toBe(String(twips(edition.page.gap)));

    // The font table embeds the first family of each CSS stack under the Word name.
    const fonts = all(await part('word/fontTable.xml'), 'w:font');
    for (const font of Object.values(edition.fonts)) {
      const entry = fonts.find((f) => f.attrs['w:name'] === font.word);
      expect(attr(one(entry!, 'w:altName'), 'w:val')).toBe(font.css.split(',')[0]!.trim().replace(/'/g, ''));
    }
  });
});
