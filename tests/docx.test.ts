// The Word document: built by the real CLI, opened as a zip and its XML parsed as a reader would;
// its words against the HTML's; the same bytes every build; and LibreOffice, a real word
// processor, turning it into three pages of the brief.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../src/model/build-document.js';
import { assertStylesDefined, createContext, styledParagraph, styledRun } from '../src/render/docx/context.js';
import { checkStyleReferences } from '../src/render/docx/package.js';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { COMMON, fontTableParts } from '../src/render/docx/fonts.js';
import { ttfFonts } from '../src/render/shared/font-files.js';
import { readSfnt } from './support/sfnt.js';
import { layoutFidelity } from './support/fidelity.js';
import { pdfInfo, pdfFonts, pdfLines } from './support/pdf-text.js';
import { all, one, packageParts, parseXml, type El, textOf } from './support/xml.js';
import { draftContent, ROOT, runCli } from './support/run-cli.js';
import { docxWords, firstDifference, htmlWords, words } from './support/words.js';


let out: string;
let docxPath: string;
let bytes: Buffer;
let zip: JSZip;
let part: (name: string) => Promise<El>;

/** The relationship targets of a part (word/document.xml → word/_rels/document.xml.rels). */
async function relationships(partName: string): Promise<Map<string, { type: string; target: string }>> {
  const rels = await part(partName.replace(/([^/]+)$/, '_rels/$1.rels'));
  return new Map(all(rels, 'Relationship').map((r) => [r.attrs.Id!, { type: r.attrs.Type!, target: r.attrs.Target! }]));
}

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-docx-'));
  const r = runCli(['build', 'IF11415', '--content', draftContent(), '--format', 'docx,html', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  docxPath = path.join(out, 'IF11415/1/IF11415.docx');
  bytes = fs.readFileSync(docxPath);
  zip = await JSZip.loadAsync(bytes);
  part = packageParts(zip);
});

const MASTHEAD_ALT = 'Congressional Research Service: Informing the legislative debate since 1914. In Focus.';
const TITLE = 'Diplomacy with North Korea: A Status Report';
const SITE = 'https://crsreports.congress.gov';

describe('IF11415 DOCX: styles', () => {
  const REQUIRED: [string, string][] = [
    ['Title', 'Title'],
    ['Date', 'Date'],
    ['Heading1', 'Heading 1'],
    ['Heading2', 'Heading 2'],
    ['Heading3', 'Heading 3'],
    ['Normal', 'Normal'],
    ['ListBullet', 'List Bullet'],
    ['FigureCaption', 'Figure Caption'],
    ['SourceNote', 'Source Note'],
    ['Author', 'Author'],
    ['ProductCode', 'Product Code'],
    ['DisclaimerHeading', 'Disclaimer Heading'],
    ['Disclaimer', 'Disclaimer'],
  ];

  const style = async (id: string) => all(await part('word/styles.xml'), 'w:style').find((s) => s.attrs['w:styleId'] === id);

  it('defines every house style with its id and name', async () => {
    for (const [id, name] of REQUIRED) {
      const s = await style(id);
      expect(s, id).toBeDefined();
      expect(s!.attrs['w:type']).toBe('paragraph');
      expect(one(s!, 'w:name')?.attrs['w:val']).toBe(name);
    }
    const normal = (await style('Normal'))!;
    expect(normal.attrs['w:default']).toBe('1');
  });

  it('uses them: every paragraph names a style, and the brief uses each one it has content for', async () => {
    const doc = await part('word/document.xml');
    const used = new Set(all(doc, 'w:pStyle').map((s) => s.attrs['w:val']));
    for (const [id] of REQUIRED) if (id !== 'Heading3') expect(used, id).toContain(id);
    // Every body paragraph has a style of its own (none left to fall back on Normal silently).
    const unstyled = all(doc, 'w:p').filter((p) => !one(p, 'w:pStyle'));
    expect(unstyled.map(textOf)).toEqual([]);
    // And every style referred to anywhere is defined.
    const defined = new Set(all(await part('word/styles.xml'), 'w:style').map((s) => s.attrs['w:styleId']));
    for (const name of Object.keys(zip.files).filter((n) => /^word\/[^/]+\.xml$/.test(n))) {
      for (const ref of [...all(await part(name), 'w:pStyle'), ...all(await part(name), 'w:rStyle')]) expect(defined, `${name}: ${ref.attrs['w:val']}`).toContain(ref.attrs['w:val']);
    }
  });

  it('sets Normal in Times New Roman 10 pt on an exact 11 pt line; headings keep with the next paragraph', async () => {
    const normal = (await style('Normal'))!;
    expect(one(normal, 'w:rFonts')?.attrs['w:ascii']).toBe('Times New Roman');
    expect(one(normal, 'w:sz')?.attrs['w:val']).toBe('20');
    expect(one(normal, 'w:spacing')?.attrs).toMatchObject({ 'w:line': '220', 'w:lineRule': 'exact', 'w:after': '220' });
    for (const [id, font, size] of [
      ['Heading1', 'Gill Sans MT', '25'],
      ['Heading2', 'Gill Sans MT', '20'],
    ] as const) {
      const h = (await style(id))!;
      expect(one(h, 'w:keepNext'), id).toBeDefined();
      expect(one(h, 'w:rFonts')?.attrs['w:ascii']).toBe(font);
      expect(one(h, 'w:sz')?.attrs['w:val']).toBe(size);
      expect(one(h, 'w:color')?.attrs['w:val']).toBe('336A91');
      expect(one(h, 'w:b')).toBeDefined();
    }
    const h3 = (await style('Heading3'))!;
    expect(one(h3, 'w:keepNext')).toBeDefined();
    expect(one(h3, 'w:i')).toBeDefined();
    expect(one(h3, 'w:rFonts')?.attrs['w:ascii']).toBe('Times New Roman');
    expect(one((await style('Title'))!, 'w:sz')?.attrs['w:val']).toBe('36');
    expect(one((await style('ProductCode'))!, 'w:jc')?.attrs['w:val']).toBe('right');
  });

  it('bullets through List Bullet: a numbering level tied to the style, hanging 13.7 pt', async () => {
    const bullet = (await style('ListBullet'))!;
    expect(one(bullet, 'w:ind')?.attrs).toMatchObject({ 'w:left': '274', 'w:hanging': '274' });
    const numId = one(bullet, 'w:numId')?.attrs['w:val'];
    expect(numId).toBeDefined();
    const numbering = await part('word/numbering.xml');
    const num = all(numbering, 'w:num').find((n) => n.attrs['w:numId'] === numId)!;
    const abstractId = one(num, 'w:abstractNumId')!.attrs['w:val'];
    const abstract = all(numbering, 'w:abstractNum').find((a) => a.attrs['w:abstractNumId'] === abstractId)!;
    const level0 = all(abstract, 'w:lvl').find((l) => l.attrs['w:ilvl'] === '0')!;
    expect(one(level0, 'w:numFmt')?.attrs['w:val']).toBe('bullet');
    expect(one(level0, 'w:lvlText')?.attrs['w:val']).toBe('•');
    expect(one(level0, 'w:pStyle')?.attrs['w:val']).toBe('ListBullet');
    expect(one(level0, 'w:ind')?.attrs).toMatchObject({ 'w:hanging': '274' });
  });

  it('names the house fonts, embedding open look-alikes as their fallbacks', async () => {
    const table = await part('word/fontTable.xml');
    const fonts = new Map(all(table, 'w:font').map((f) => [f.attrs['w:name'], f]));
    for (const [name, alt] of [
      ['Times New Roman', 'Tinos'],
      ['Arial', 'Arimo'],
      ['Gill Sans MT', 'Gillius ADF No2'],
      ['Palatino Linotype', 'Crimson Pro'],
    ]) {
      const font = fonts.get(name);
      expect(font, name).toBeDefined();
      expect(one(font!, 'w:altName')?.attrs['w:val']).toBe(alt);
      const embed = font!.children.find((c) => c.name.startsWith('w:embed'))!;
      const target = (await relationships('word/fontTable.xml')).get(embed.attrs['r:id']!)!.target;
      // Undo the obfuscation (first 32 bytes XOR the key, read backwards) and find a TrueType font.
      const data = await zip.file(`word/${target}`)!.async('uint8array');
      const key = embed.attrs['w:fontKey']!.replace(/[{}-]/g, '');
      const keyBytes = Array.from({ length: 16 }, (_, i) => parseInt(key.slice(i * 2, i * 2 + 2), 16)).reverse();
      const head = data.slice(0, 4).map((b, i) => b ^ keyBytes[i]!);
      expect([...head], name).toEqual([0, 1, 0, 0]);
    }
  });
});

/** The embedded fonts of the font table: entry name, element, and the TrueType data de-obfuscated. */
async function embeddedFonts(): Promise<{ name: string; element: string; data: Uint8Array; part: string }[]> {
  const table = await part('word/fontTable.xml');
  const rels = await relationships('word/fontTable.xml');
  const out = [];
  for (const font of all(table, 'w:font')) {
    for (const embed of font.children.filter((c) => c.name.startsWith('w:embed'))) {
      const target = `word/${rels.get(embed.attrs['r:id']!)!.target}`;
      const data = await zip.file(target)!.async('uint8array');
      const key = embed.attrs['w:fontKey']!.replace(/[{}-]/g, '');
      const keyBytes = Array.from({ length: 16 }, (_, i) => parseInt(key.slice(i * 2, i * 2 + 2), 16)).reverse();
      const plain = Uint8Array.from(data);
      for (let i = 0; i < 32; i++) plain[i]! ^= keyBytes[i % 16]!;
      out.push({ name: font.attrs['w:name']!, element: embed.name.slice(2), data: plain, part: target });
    }
  }
  return out;
}

describe('IF11415 DOCX: embedded fonts', () => {
  it('are a fraction of the whole files: IF11415.docx under 205 kB (381 kB with the whole files and resvg\'s PNGs)', () => {
    expect(bytes.byteLength).toBeLessThan(205_000);
  });

  it('embed every shipped face of each look-alike, each a subset: COMMON and the text\'s characters, fewer glyphs than the shipped file', async () => {
    const shipped = await ttfFonts();
    const fonts = await embeddedFonts();
    // Tinos 4, Arimo 3, Gillius ADF No2 3, Crimson Pro bold.
    expect(fonts.map((f) => `${f.name} ${f.element}`)).toHaveLength(11);
    const alt = { 'Times New Roman': 'Tinos', Arial: 'Arimo', 'Gill Sans MT': 'Gillius ADF No2', 'Palatino Linotype': 'Crimson Pro' } as Record<string, string>;
    const face = { embedRegular: [400, 'normal'], embedBold: [700, 'normal'], embedItalic: [400, 'italic'], embedBoldItalic: [700, 'italic'] } as Record<string, [number, string]>;
    const text = new Set([...(await docxWords(bytes)).join(' ')].map((c) => c.codePointAt(0)!));
    for (const f of fonts) {
      const [weight, style] = face[f.element]!;
      const whole = shipped.find((s) => s.family === alt[f.name] && s.weight === weight && s.style === style && (s.subset === 'latin' || s.subset === 'all'))!;
      expect(whole, `${f.name} ${f.element}`).toBeDefined();
      const [sub, full] = [readSfnt(f.data), readSfnt(whole.data)];
      expect(sub.glyphs, `${f.name} ${f.element}`).toBeLessThan(full.glyphs * 0.6);
      // Every character the shipped face has, of COMMON and of the brief's text, and no other.
      const wanted = [...new Set([...COMMON, ...text])].filter((c) => full.cmap.has(c)).sort((a, b) => a - b);
      expect(wanted.length, `${f.name} ${f.element}`).toBeGreaterThan(COMMON.length - 10);
      expect([...sub.cmap.keys()].sort((a, b) => a - b), `${f.name} ${f.element}`).toEqual(wanted);
    }
  });

  it('are the files any brief of only common characters embeds, byte for byte (LibreOffice keeps the first it reads)', async () => {
    const { edition } = await buildDocument(path.join(ROOT, 'content/IF11415/brief.md'), ROOT);
    const plain = await fontTableParts(edition, []);
    for (const f of await embeddedFonts()) expect(Buffer.from((await zip.file(f.part)!.async('uint8array'))).equals(Buffer.from(plain.get(f.part) as Uint8Array)), f.part).toBe(true);
    // A brief that shows another character has it in its own files (and they differ).
    const accented = await fontTableParts(edition, [0xe9]);
    expect(Buffer.from(accented.get('word/fonts/font1.odttf') as Uint8Array).equals(Buffer.from(plain.get('word/fonts/font1.odttf') as Uint8Array))).toBe(false);
  });
});

describe('IF11415 DOCX: page layout', () => {
  const sections = async () => all(await part('word/document.xml'), 'w:sectPr');

  it('is Letter with 0.8 in sides, in five sections: title band, columns, figure band, columns, disclaimer', async () => {
    const s = await sections();
    expect(s).toHaveLength(5);
    for (const sect of s) {
      expect(one(sect, 'w:pgSz')?.attrs).toMatchObject({ 'w:w': '12240', 'w:h': '15840' });
      expect(one(sect, 'w:pgMar')?.attrs).toMatchObject({ 'w:left': '1152', 'w:right': '1152' });
    }
    const layout = s.map((sect) => ({
      type: one(sect, 'w:type')?.attrs['w:val'] ?? 'nextPage',
      columns: one(sect, 'w:cols')?.attrs['w:num'],
      space: one(sect, 'w:cols')?.attrs['w:space'],
    }));
    expect(layout).toEqual([
      { type: 'nextPage', columns: '1', space: undefined },
      { type: 'continuous', columns: '2', space: '288' },
      { type: 'nextPage', columns: '1', space: undefined },
      { type: 'continuous', columns: '2', space: '288' },
      { type: 'nextPage', columns: '1', space: undefined },
    ]);
  });

  it('puts each block in its section: title band, body, Figure 1 alone across page 2, the disclaimer last', async () => {
    const body = one(await part('word/document.xml'), 'w:body')!;
    const bySection: string[][] = [[]];
    for (const block of body.children) {
      if (block.name === 'w:p') bySection[bySection.length - 1]!.push(`${one(block, 'w:pStyle')?.attrs['w:val']}: ${textOf(block)}`);
      if (one(block, 'w:sectPr') && block.name === 'w:p') bySection.push([]);
    }
    // The last section's properties are the body's own, after its last paragraph.
    expect(body.children.at(-1)!.name).toBe('w:sectPr');
    expect(bySection[0]).toEqual(['Date: January 22, 2020', `Title: ${TITLE}`]);
    expect(bySection[1]![0]).toBe('Heading1: Overview');
    expect(bySection[1]!.at(-1)).toMatch(/^ListBullet: Kim in 2018 publicly agreed/);
    expect(bySection[2]!.map((p) => p.slice(0, 30))).toEqual(['FigureCaption: Figure 1. Timel', 'Figure: ', 'SourceNote: Source: CRS, from ']);
    expect(bySection[3]![0]).toMatch(/^ListBullet: North Korea has not tested/);
    expect(bySection[3]!.slice(-5).map((p) => p.slice(0, 20))).toEqual(['Author: Mark E. Many', 'Author: Emma Chanlet', 'Author: Mary Beth D.', 'Author: Dianne E. Re', 'ProductCode: IF11415']);
    expect(bySection[4]!.map((p) => p.split(':')[0])).toEqual(['DisclaimerHeading', 'Disclaimer']);
  });

  it('has a different first page: the masthead as an image with its text as alt text; later pages the title; footers', async () => {
    const s = await sections();
    expect(one(s[0]!, 'w:titlePg')).toBeDefined();
    const rels = await relationships('word/document.xml');
    const ref = (sect: El, kind: string, type: string) => {
      const r = all(sect, `w:${kind}Reference`).find((h) => h.attrs['w:type'] === type);
      return r ? `word/${rels.get(r.attrs['r:id']!)!.target}` : undefined;
    };
    const first = await part(ref(s[0]!, 'header', 'first')!);
    const docPr = one(first, 'wp:docPr')!;
    expect(docPr.attrs.descr).toBe(MASTHEAD_ALT);
    const blip = one(first, 'a:blip')!.attrs['r:embed']!;
    const image = (await relationships(ref(s[0]!, 'header', 'first')!)).get(blip)!;
    expect(image.target).toMatch(/\.png$/);
    const png = await zip.file(`word/${image.target}`)!.async('uint8array');
    expect([...png.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]); // "PNG"
    const running = await part(ref(s[0]!, 'header', 'default')!);
    expect(textOf(running)).toBe(TITLE);
    expect(one(all(running, 'w:p')[0]!, 'w:pStyle')?.attrs['w:val']).toBe('Header');
    for (const type of ['first', 'default']) expect(textOf(await part(ref(s[0]!, 'footer', type)!)), type).toBe(SITE);
    // The middle sections carry on the first section's (Word's "Link to Previous").
    for (const sect of s.slice(1, 4)) expect(all(sect, 'w:headerReference').concat(all(sect, 'w:footerReference'))).toEqual([]);
    // The last page: its own footer with product, version and status; the title above a rule.
    expect(textOf(await part(ref(s[4]!, 'footer', 'default')!))).toBe(`${SITE} | IF11415 · VERSION 1 · NEW`);
    expect(textOf(await part(ref(s[4]!, 'header', 'default')!))).toBe(TITLE);
  });

  it('has Figure 1 as SVG with a PNG fallback, at full width, with alt text', async () => {
    const doc = await part('word/document.xml');
    const drawing = all(doc, 'w:drawing')[0]!;
    expect(one(drawing, 'wp:docPr')?.attrs.descr).toBe('Figure 1. Timeline of North Korean Ballistic Missile and Nuclear Tests, UNSC Sanctions, and Major Summits, 2016-2019');
    const rels = await relationships('word/document.xml');
    const png = rels.get(one(drawing, 'a:blip')!.attrs['r:embed']!)!.target;
    const svg = rels.get(one(drawing, 'asvg:svgBlip')!.attrs['r:embed']!)!.target;
    expect(png).toMatch(/\.png$/);
    expect(svg).toMatch(/\.svg$/);
    expect(await zip.file(`word/${svg}`)!.async('string')).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // 496.8 pt wide, in EMU (12,700 to the point).
    expect(Number(one(drawing, 'wp:extent')!.attrs.cx)).toBeCloseTo(496.8 * 12700, -3);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('Extension="svg"');
    expect(types).toContain('Extension="png"');
  });

  it('sets the author block with bold names and the product code right-aligned', async () => {
    const doc = await part('word/document.xml');
    const authors = all(doc, 'w:p').filter((p) => one(p, 'w:pStyle')?.attrs['w:val'] === 'Author');
    expect(authors.map(textOf)).toEqual([
      'Mark E. Manyin, Specialist in Asian Affairs',
      'Emma Chanlett-Avery, Specialist in Asian Affairs',
      'Mary Beth D. Nikitin, Specialist in Nonproliferation',
      'Dianne E. Rennack, Specialist in Foreign Policy Legislation',
    ]);
    for (const a of authors) {
      const [name, rest] = all(a, 'w:r');
      expect(one(name!, 'w:b'), textOf(a)).toBeDefined();
      expect(one(rest!, 'w:b')).toBeUndefined();
    }
  });
});

describe('IF11415 DOCX: properties and bytes', () => {
  it('has title, creator (the authors), subject, keywords, description, language and the version date', async () => {
    const core = await part('docProps/core.xml');
    const get = (name: string) => one(core, name)?.text;
    expect(get('dc:title')).toBe(TITLE);
    expect(get('dc:creator')).toBe('Mark E. Manyin; Emma Chanlett-Avery; Mary Beth D. Nikitin; Dianne E. Rennack');
    expect(get('dc:subject')).toBe('CRS In Focus IF11415');
    expect(get('cp:keywords')).toBe('IF11415, North Korea, DPRK, denuclearization, sanctions, summit diplomacy');
    expect(get('dc:description')).toMatch(/^The status of U\.S\.-North Korea diplomacy since President Trump/);
    expect(get('dc:language')).toBe('en-US');
    expect(get('dcterms:created')).toBe('2020-01-22T12:00:00Z');
    expect(get('dcterms:modified')).toBe('2020-01-22T12:00:00Z');
    expect(one(await part('docProps/app.xml'), 'Application')?.text).toBe('crs-briefs');
  });

  it('is the same bytes when built twice, every zip entry dated noon UTC of the version date', async () => {
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-docx2-'));
    expect(runCli(['build', 'IF11415', '--content', draftContent(), '--format', 'docx', '--out', again]).status).toBe(0);
    expect(fs.readFileSync(path.join(again, 'IF11415/1/IF11415.docx')).equals(bytes)).toBe(true);
    const names = Object.keys(zip.files);
    expect(names[0]).toBe('[Content_Types].xml');
    for (const name of names) expect(zip.files[name]!.date.toISOString(), name).toBe('2020-01-22T12:00:00.000Z');
  });

  it('is the same bytes when rendered twice in one process (no process-wide ids or counters leak in)', async () => {
    const doc = await buildDocument(path.join(ROOT, 'content/IF11415/brief.md'), ROOT);
    const [a, b] = [await renderDocx(doc), await renderDocx(doc)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(bytes)).toBe(true);
  });

  it('says the same words, in the same order, as the HTML (figure source notes included)', async () => {
    const html = fs.readFileSync(path.join(out, 'IF11415/1/IF11415.html'), 'utf8');
    const ours = await docxWords(bytes);
    const expected = htmlWords(html, { sourceNotes: true });
    expect(firstDifference(ours, expected)).toBeNull();
    expect(ours.length).toBe(expected.length);
  });
});

describe('DOCX from other Markdown', () => {
  it('keeps the words of headings, lists, tables, quotes, links and a column figure, and styles them', async () => {
    const content = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-docx-md-'));
    const dir = path.join(content, 'IF10005');
    fs.mkdirSync(path.join(dir, 'figures'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'content/IF11415/figures/timeline.yaml'), path.join(dir, 'figures/timeline.yaml'));
    fs.writeFileSync(
      path.join(dir, 'brief.md'),
      [
        '---',
        'product: IF10005',
        'title: "Blocks of Every Kind"',
        'date: 2021-03-04',
        'version: 2',
        'status: updated',
        'authors:',
        '  - name: Ann Analyst',
        '    title: Analyst in Testing',
        '---',
        '',
        '## Overview',
        '',
        'Plain, *emphasised*, **strong** and `code` text,',
        'wrapped in the source, with a [link](https://crsreports.congress.gov) and one to [the figure](#prices).',
        '',
        '### Lists',
        '',
        '#### A run-in heading',
        '',
        '1. First numbered',
        '2. Second numbered',
        '   - nested bullet',
        '',
        '- Tight bullet',
        '- Another',
        '',
        '> A quoted paragraph.',
        '',
        '| Year | Tests |',
        '| ---- | ----: |',
        '| 2016 | 2 |',
        '| 2017 | 1 |',
        '',
        '::figure[Prices in a column]{#prices data="figures/timeline.yaml" source="CRS."}',
        '',
        'After the figure.',
        '',
      ].join('\n'),
    );
    const built = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-docx-md-out-'));
    const r = runCli(['build', '--content', content, '--format', 'docx,html', '--out', built]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const docx = fs.readFileSync(path.join(built, 'IF10005/2/IF10005.docx'));
    const html = fs.readFileSync(path.join(built, 'IF10005/2/IF10005.html'), 'utf8');
    const ours = await docxWords(docx);
    expect(firstDifference(ours, htmlWords(html))).toBeNull();
    const z = await JSZip.loadAsync(docx);
    const doc = parseXml(await z.file('word/document.xml')!.async('string'));
    const styles = all(doc, 'w:pStyle').map((s) => s.attrs['w:val']);
    expect(styles).toEqual(expect.arrayContaining(['Heading1', 'Heading2', 'Heading3', 'ListNumber', 'ListBullet', 'ListBullet2', 'Quote', 'TableText', 'TableHeading', 'FigureCaption', 'SourceNote']));
    expect(textOf(all(doc, 'w:p')[0]!)).toBe('Updated March 4, 2021');
    expect(all(doc, 'w:tbl')).toHaveLength(1);
    // A column figure stays in the columns: no section of its own.
    expect(all(doc, 'w:sectPr').map((s) => one(s, 'w:cols')?.attrs['w:num'])).toEqual(['1', '2', '1']);
    expect(Number(one(all(doc, 'w:drawing')[0]!, 'wp:extent')!.attrs.cx)).toBeLessThanOrEqual(241.2 * 12700);
    // Links: the external one through a relationship, the internal one to the figure's bookmark.
    const links = all(doc, 'w:hyperlink');
    expect(links.map(textOf)).toEqual(['link', 'the figure']);
    expect(links[1]!.attrs['w:anchor']).toBe('prices');
    expect(all(doc, 'w:bookmarkStart').map((b) => b.attrs['w:name'])).toContain('prices');
    expect(await z.file('word/_rels/document.xml.rels')!.async('string')).toMatch(/Id="rIdLink1"[^>]*Target="https:\/\/crsreports\.congress\.gov"/);
    const lastFooter = one(all(doc, 'w:sectPr').at(-1)!, 'w:footerReference')!.attrs['r:id']!;
    const target = new RegExp(`Id="${lastFooter}"[^>]*Target="([^"]+)"`).exec(await z.file('word/_rels/document.xml.rels')!.async('string'))![1];
    expect(textOf(parseXml(await z.file(`word/${target}`)!.async('string')))).toBe(`${SITE} | IF10005 · VERSION 2 · UPDATED`);
  });
});

describe('DOCX errors', () => {
  it('an unknown style is caught before packing, naming the style and where it was used', () => {
    const ctx = createContext({ sourcePath: path.join(ROOT, 'content/IF11415/brief.md') });
    styledParagraph(ctx, 'Normal', {}, 'content/IF11415/brief.md:14:1 (<p>)');
    styledParagraph(ctx, 'Bogus', {}, 'content/IF11415/brief.md:20:1 (<p>)');
    expect(() => assertStylesDefined(ctx.styleUses)).toThrow(/unknown paragraph style "Bogus" at content\/IF11415\/brief\.md:20:1 \(<p>\); expected one of .*ListBullet/);
  });

  it('an unknown character style, or a style of the wrong kind, is caught the same way', () => {
    const ctx = createContext();
    styledRun(ctx, { text: 'x', style: 'Hyperlnk' }, 'brief:3:1 (<a>)');
    expect(() => assertStylesDefined(ctx.styleUses)).toThrow(/unknown character style "Hyperlnk" at brief:3:1 \(<a>\)/);
    const wrong = createContext();
    styledParagraph(wrong, 'Hyperlink', {}, 'brief:4:1 (<p>)');
    expect(() => assertStylesDefined(wrong.styleUses)).toThrow(/style "Hyperlink" is a character style but is used as a paragraph style at brief:4:1/);
  });

  it('the packed XML is checked too: a reference to a style styles.xml lacks fails, naming the part', () => {
    const parts = new Map<string, string>([
      ['word/styles.xml', '<w:styles><w:style w:type="paragraph" w:styleId="Normal"/></w:styles>'],
      ['word/document.xml', '<w:document><w:body><w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p><w:p><w:pPr><w:pStyle w:val="Bogus"/></w:pPr></w:p></w:body></w:document>'],
    ]);
    expect(() => checkStyleReferences(parts)).toThrow(/word\/document\.xml refers to style "Bogus" \(w:pStyle\)/);
  });

  it('a broken figure file fails the build with the file, line and field; nothing is written', () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-docx-bad-'));
    const r = runCli(['build', '--content', path.join(ROOT, 'tests/fixtures/bad-figure/bad-date'), '--format', 'docx', '--out', target]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/figures\/timeline\.yaml:\d+:\d+: error: .*events\[1\]\.date/);
    expect(fs.readdirSync(target)).toEqual([]);
  });
});

describe('IF11415 DOCX in LibreOffice', () => {
  it('converts to a three-page PDF with the brief on it, every word, in our fonts', { timeout: 240_000 }, async () => {
    const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
    expect(soffice, 'LibreOffice (soffice) is not installed: run scripts/setup.sh --with-test-tools').not.toBe('');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-lo-'));
    // A private profile: no first-start dialogs, no clash with another soffice on the machine.
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docxPath], { encoding: 'utf8', timeout: 200_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/\berror\b/i);
    const pdf = path.join(dir, 'IF11415.pdf');
    expect(fs.existsSync(pdf), r.stdout + r.stderr).toBe(true);
    expect(pdfInfo(pdf).Pages).toBe('3');
    // Reading order (column by column), not the page's layout.
    const text = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text(1)).toContain(TITLE);
    expect(text(1)).toContain('the Trump Administration has emphasized the importance of');
    expect(text(2)).toMatch(/Figure 1\. Timeline of North Korean Ballistic Missile/);
    expect(text(2)).toMatch(/Mark E\. Manyin, Specialist in Asian Affairs.*Dianne E\. Rennack, Specialist in Foreign Policy Legislation.*IF11415/);
    expect(text(3)).toContain('Disclaimer This document was prepared by the Congressional Research Service (CRS).');
    expect(text(3)).toContain(`${SITE} | IF11415 · VERSION 1 · NEW`);
    // Two columns on the body pages.
    for (const p of pdfLines(pdf).pages.slice(0, 2)) {
      expect(p.lines.some((l) => l.x < 100)).toBe(true);
      expect(p.lines.some((l) => l.x > 300 && l.x < 320)).toBe(true);
    }
    // Set in the embedded fonts (Tinos, Gillius ADF No2, Arimo, Crimson Pro), not whatever the machine has.
    const fonts = pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts).toEqual(expect.arrayContaining(['Tinos-Regular', 'Tinos-Bold', 'GilliusADFNo2-Bold', 'Arimo-Regular', 'CrimsonPro-Bold']));
    // Nothing from a fallback font: the embedded subsets hold every glyph LibreOffice sets.
    for (const font of fonts) expect(font).toMatch(/^(Tinos|Arimo|GilliusADFNo2|CrimsonPro)-/);
    // Every word of the document is printed, as often as it occurs (pdftotext's reading order
    // differs around the figure band, so as counts, not in order). Hyphens aside: a compound
    // broken after its hyphen at a line's end is one word, and LibreOffice draws a non-breaking
    // hyphen without putting it in the text ("testlaunched").
    const unhyphenated = (w: string) => w.replace(/[-\u2011]/g, '');
    const printed = new Map<string, number>();
    const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/(\w)-\n(?=\w)/g, '$1-');
    for (const w of words(pdfText).map(unhyphenated)) printed.set(w, (printed.get(w) ?? 0) + 1);
    const missing = new Map<string, number>();
    for (const w of (await docxWords(bytes)).map(unhyphenated)) {
      const left = printed.get(w) ?? 0;
      if (left > 0) printed.set(w, left - 1);
      else missing.set(w, (missing.get(w) ?? 0) + 1);
    }
    expect([...missing]).toEqual([]);
    // Not line for line (another engine), but close: most of the original's lines in place.
    const f = layoutFidelity(pdf);
    expect(f.inPlace, f.misses.join('\n')).toBeGreaterThanOrEqual(170);
    expect(f.footerOnLastPage).toBe(true);
  });
});
