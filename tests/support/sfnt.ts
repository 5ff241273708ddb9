// Reading a TrueType font in tests: its tables, glyph count, character map (format 4), advance
// widths and family name; enough to tell a subset from the file it was cut from.
export interface Sfnt {
  glyphs: number;
  /** Character → glyph id, for every character the font maps to a glyph other than .notdef. */
  cmap: Map<number, number>;
  advance(glyph: number): number;
  /** The name table's family (name ID 1, Windows platform). */
  family: string;
}

export function readSfnt(data: Uint8Array): Sfnt {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = new Map<string, number>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + i * 16;
    tables.set(String.fromCharCode(...data.subarray(at, at + 4)), view.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`no ${tag} table`);
    return at;
  };
  const glyphs = view.getUint16(table('maxp') + 4);

  const cmap = new Map<number, number>();
  const c = table('cmap');
  for (let i = 0; i < view.getUint16(c + 2); i++) {
    const sub = c + view.getUint32(c + 4 + i * 8 + 4);
    if (view.getUint16(sub) !== 4) continue;
    const segments = view.getUint16(sub + 6) / 2;
    const ends = sub + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const ranges = deltas + segments * 2;
    for (let k = 0; k < segments; k++) {
      const [end, start, delta, range] = [view.getUint16(ends + k * 2), view.getUint16(starts + k * 2), view.getUint16(deltas + k * 2), view.getUint16(ranges + k * 2)];
      for (let ch = start; ch <= end && ch !== 0xffff; ch++) {
        let glyph = range === 0 ? ch : view.getUint16(ranges + k * 2 + range + (ch - start) * 2);
        if (range === 0 || glyph !== 0) glyph = (glyph + delta) & 0xffff;
        if (glyph !== 0) cmap.set(ch, glyph);
      }
    }
  }

  const metrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number) => view.getUint16(hmtx + Math.min(glyph, metrics - 1) * 4);

  let family = '';
  const n = table('name');
  const strings = n + view.getUint16(n + 4);
  for (let i = 0; i < view.getUint16(n + 2); i++) {
    const r = n + 6 + i * 12;
    if (view.getUint16(r) !== 3 || view.getUint16(r + 6) !== 1) continue;
    const [length, offset] = [view.getUint16(r + 8), view.getUint16(r + 10)];
    family = Buffer.from(data.subarray(strings + offset, strings + offset + length)).swap16().toString('utf16le');
    break;
  }
  return { glyphs, cmap, advance, family };
}
