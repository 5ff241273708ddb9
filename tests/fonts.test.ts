// The Gill Sans MT stand-in (Gillius ADF No2, shipped in fonts/gillius-adf-no2/ under GPL-2+ with
// the font exception): its licence is in the repository, the PDF embeds it, and the DOCX embeds it
// under the name the house style asks for, 'Gill Sans MT', cut down from the shipped files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { FACES, fontFile } from '../src/render/shared/fonts.js';
import { NEWEST_EDITION } from '../src/style/edition.js';
import { EDITIONS } from '../src/style/editions.js';
import { pdfFonts } from './support/pdf-text.js';
import { readSfnt } from './support/sfnt.js';
import { draftContent, ROOT, runCli } from './support/run-cli.js';

const DIR = path.join(ROOT, 'fonts/gillius-adf-no2');
const SHIPPED = ['GilliusADFNo2-Regular.ttf', 'GilliusADFNo2-Italic.ttf', 'GilliusADFNo2-Bold.ttf'];
/** The edition's Gill Sans MT stand-in: the first family of its sans stack. */
const GILL_SANS_STAND_IN = /^'([^']+)'/.exec(EDITIONS[NEWEST_EDITION].fonts.sans.css)![1]!;

let out: string;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-fonts-'));
  const r = runCli(['build', 'IF11415', '--content', draftContent(), '--format', 'pdf,docx', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

describe('Gill Sans MT stand-in', () => {
  it('ships its font files with their licence and where they came from', () => {
    for (const f of [...SHIPPED, 'GPL-2.txt', 'COPYRIGHT-debian.txt', 'README.md', 'make-ttf.py']) {
      expect(fs.existsSync(path.join(DIR, f)), f).toBe(true);
    }
    const copyright = fs.readFileSync(path.join(DIR, 'COPYRIGHT-debian.txt'), 'utf8');
    expect(copyright).toMatch(/As a special exception, if you create a document which uses Gillius/);
    expect(fs.readFileSync(path.join(DIR, 'GPL-2.txt'), 'utf8')).toMatch(/GNU GENERAL PUBLIC LICENSE\s+Version 2, June 1991/);
    expect(fs.readFileSync(path.join(DIR, 'README.md'), 'utf8')).toMatch(/fonts-adf-gillius/);
    // Every face the pipeline uses is one of the shipped files, in TrueType.
    const faces = FACES.filter((f) => f.family === GILL_SANS_STAND_IN);
    expect(faces.map((f) => `${f.weight} ${f.style}`).sort()).toEqual(['400 italic', '400 normal', '700 normal']);
    for (const face of faces) {
      const file = fontFile(face, 'all');
      expect(SHIPPED).toContain(path.basename(file));
      expect([...fs.readFileSync(file).subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    }
  });

  it('is embedded in the PDF (headings bold, Source lines regular)', () => {
    const fonts = pdfFonts(path.join(out, 'IF11415/1/IF11415.pdf'));
    for (const name of ['GilliusADFNo2-Bold', 'GilliusADFNo2-Regular']) {
      const font = fonts.find((f) => f.name.endsWith(`+${name}`));
      expect(font, `${name} in ${fonts.map((f) => f.name).join(', ')}`).toBeDefined();
      expect(font!.embedded).toBe(true);
    }
  });

  it("is embedded in the DOCX under 'Gill Sans MT', each face a subset of the shipped file (its name, its glyphs' widths)", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, 'IF11415/1/IF11415.docx')));
    const table = await zip.file('word/fontTable.xml')!.async('string');
    const rels = await zip.file('word/_rels/fontTable.xml.rels')!.async('string');
    const entry = /<w:font w:name="Gill Sans MT">(.*?)<\/w:font>/.exec(table)?.[1];
    expect(entry).toBeDefined();
    expect(entry).toContain(`<w:altName w:val="${GILL_SANS_STAND_IN}"/>`);
    const embeds = [...entry!.matchAll(/<w:(embed\w+) r:id="(rId\d+)" w:fontKey="(\{[0-9A-F-]+\})"\/>/g)];
    expect(embeds.map((m) => m[1])).toEqual(['embedRegular', 'embedBold', 'embedItalic']);
    const expected: Record<string, string> = { embedRegular: SHIPPED[0]!, embedBold: SHIPPED[2]!, embedItalic: SHIPPED[1]! };
    for (const [, element, id, key] of embeds) {
      const target = new RegExp(`Id="${id}" [^>]*Target="([^"]+)"`).exec(rels)![1]!;
      const data = await zip.file(`word/${target}`)!.async('uint8array');
      // Undo the obfuscation: the first 32 bytes XOR the key's 16 bytes, read backwards.
      const hex = key!.replace(/[{}-]/g, '');
      const keyBytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).reverse();
      const plain = Uint8Array.from(data);
      for (let i = 0; i < 32; i++) plain[i]! ^= keyBytes[i % 16]!;
      const [sub, whole] = [readSfnt(plain), readSfnt(fs.readFileSync(path.join(DIR, expected[element!]!)))];
      expect(sub.family, element).toBe(whole.family);
      expect(sub.glyphs, element).toBeLessThan(whole.glyphs);
      expect(sub.cmap.size, element).toBeGreaterThan(100);
      for (const [ch, glyph] of sub.cmap) expect(sub.advance(glyph), `${element} U+${ch.toString(16)}`).toBe(whole.advance(whole.cmap.get(ch)!));
    }
  });
});
