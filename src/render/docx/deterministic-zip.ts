// A zip that is the same bytes for the same parts: entries in a fixed order (content types and
// package relationships first, as Office writes them, then by name), every entry dated with the
// version's instant rather than the clock, DEFLATE at a fixed level, no directory entries.
// Written here with Node's own zlib (a zip is three small headers around deflated data): jszip's
// JavaScript deflate took a fifth of a catalogue build's time in Node. Read back with jszip.
import zlib from 'node:zlib';
import JSZip from 'jszip';

const FIRST = ['[Content_Types].xml', '_rels/.rels'];

export function entryOrder(names: Iterable<string>): string[] {
  const rank = (n: string) => (FIRST.includes(n) ? FIRST.indexOf(n) : FIRST.length);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** MS-DOS time and date fields of an instant, in UTC (zip has no time zone). */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export async function deterministicZip(parts: ReadonlyMap<string, string | Uint8Array>, date: Date): Promise<Uint8Array> {
  const dos = dosDateTime(date);
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of entryOrder(parts.keys())) {
    const part = parts.get(name)!;
    const data = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    const packed = zlib.deflateRawSync(data, { level: 9, memLevel: 9 });
    const fileName = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    // Version 2.0, UTF-8 names (bit 11), DEFLATE, the version's time, sizes, no extra fields.
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(dos.time, 10);
    header.writeUInt16LE(dos.date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.byteLength, 18);
    header.writeUInt32LE(data.byteLength, 22);
    header.writeUInt16LE(fileName.byteLength, 26);
    header.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: MS-DOS, version 2.0
    entry.writeUInt16LE(20, 6);
    header.copy(entry, 8, 6, 30); // flags … name length, as in the local header
    entry.writeUInt16LE(0, 30); // extra
    entry.writeUInt16LE(0, 32); // comment
    entry.writeUInt16LE(0, 34); // disk
    entry.writeUInt16LE(0, 36); // internal attributes
    entry.writeUInt32LE(0, 38); // external attributes
    entry.writeUInt32LE(offset, 42);
    local.push(header, fileName, packed);
    central.push(entry, fileName);
    offset += header.byteLength + fileName.byteLength + packed.byteLength;
  }
  const centralSize = central.reduce((n, b) => n + b.byteLength, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}

/** Every entry of a zip, text parts (XML, relationships) as strings. */
export async function readZip(bytes: Uint8Array): Promise<Map<string, string | Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string | Uint8Array>();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    parts.set(name, /\.(xml|rels)$/.test(name) ? await entry.async('string') : await entry.async('uint8array'));
  }
  return parts;
}
