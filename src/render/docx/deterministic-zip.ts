// A zip that is the same bytes for the same parts: entries in a fixed order (content types and
// package relationships first, as Office writes them, then by name), every entry dated with the
// version's instant rather than the clock, DEFLATE at a fixed level, no directory entries.
import JSZip from 'jszip';

const FIRST = ['[Content_Types].xml', '_rels/.rels'];

export function entryOrder(names: Iterable<string>): string[] {
  const rank = (n: string) => (FIRST.includes(n) ? FIRST.indexOf(n) : FIRST.length);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export async function deterministicZip(parts: ReadonlyMap<string, string | Uint8Array>, date: Date): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const name of entryOrder(parts.keys())) {
    zip.file(name, parts.get(name)!, { date, createFolders: false, binary: typeof parts.get(name) !== 'string' });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
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
