// One zip per version: its files and a SHA256SUMS (GNU sha256sum format), inside a folder named
// after the version (IF10005-2/) so that unzipping two versions side by side does not mix their
// identically named files; `cd IF10005-2 && sha256sum -c SHA256SUMS` checks them.
// The same files give the same bytes: fixed entry order, every entry dated with the version's own
// instant (JSZip writes DOS times in UTC), DEFLATE at a fixed level, no directory entries.
import JSZip from 'jszip';
import { versionInstant } from '../../model/dates.js';
import { sha256 } from '../content-hash.js';

export const SUMS = 'SHA256SUMS';

/** `<sha256>  <name>` per file, in the given order: what `sha256sum` prints and `-c` reads. */
export function sha256sums(parts: ReadonlyMap<string, Uint8Array>): string {
  return [...parts].map(([name, data]) => `${sha256(data)}  ${name}\n`).join('');
}

export async function versionZip(folder: string, parts: ReadonlyMap<string, Uint8Array>, isoDate: string): Promise<Uint8Array> {
  const date = versionInstant(isoDate);
  const zip = new JSZip();
  const entries = new Map<string, string | Uint8Array>([...parts, [SUMS, sha256sums(parts)]]);
  for (const [name, data] of entries) {
    zip.file(`${folder}/${name}`, data, { date, createFolders: false, binary: typeof data !== 'string' });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
}
