// Reading PDFs back with poppler, as a reader's tools would: pdftotext for text and line boxes,
// pdffonts for embedded fonts, pdfinfo for page count and metadata.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export interface PdfLine {
  page: number;
  x: number;
  y: number;
  text: string;
}

export function pdfLines(pdfPath: string): { pages: { width: number; lines: PdfLine[] }[] } {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages: { width: number; lines: PdfLine[] }[] = [];
  const pageRe = /<page width="([\d.]+)" height="[\d.]+">([\s\S]*?)<\/page>/g;
  for (let m = pageRe.exec(xml); m; m = pageRe.exec(xml)) {
    const lines: PdfLine[] = [];
    const lineRe = /<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g;
    for (let l = lineRe.exec(m[2]!); l; l = lineRe.exec(m[2]!)) {
      const words = [...l[3]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decodeXml(w[1]!));
      lines.push({ page: pages.length + 1, x: Number(l[1]), y: Number(l[2]), text: words.join(' ') });
    }
    pages.push({ width: Number(m[1]), lines });
  }
  return { pages };
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function pdfText(pdfPath: string, page?: number): string {
  const args = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...args, '-layout', pdfPath, '-'], { encoding: 'utf8' });
}

export function pdfInfo(pdfPath: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

export function pdfFonts(pdfPath: string): { name: string; embedded: boolean }[] {
  const out = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type [encoding...] emb sub uni object ID: the flags are the 5th/4th/3rd from the end.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}

/** The /Alt texts of the PDF's structure elements (literal or UTF-16 hex strings), decoded. */
export function pdfAltTexts(pdfPath: string): string[] {
  const raw = fs.readFileSync(pdfPath).toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/\/Alt\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f\s]*)>)/g)) {
    if (m[1] !== undefined) out.push(m[1].replace(/\\([()\\])/g, '$1'));
    else {
      const hex = m[2]!.replace(/\s+/g, '');
      const bytes = Buffer.from(hex, 'hex');
      out.push(bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1'));
    }
  }
  return out;
}

/** A word with its box, as pdftotext -bbox gives it (page from 1). */
export interface PdfWord {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

export function pdfWords(pdf: string): PdfWord[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const words: PdfWord[] = [];
  let page = 0;
  for (const m of xml.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === '<page ') page++;
    else words.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]!.replace(/&amp;/g, '&') });
  }
  return words;
}
