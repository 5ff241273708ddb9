// Content hashes (never file times): of a file, of a folder's files, of several inputs at once.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every file under `dir` (relative, '/'-separated, sorted), skipping the folders in `skip`. */
export function listFiles(dir: string, skip: string[] = []): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.') || skip.includes(r)) continue;
      if (entry.isDirectory()) walk(r);
      else if (entry.isFile()) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** sha256 of each file under `dir`. */
export function hashFiles(dir: string, skip: string[] = []): Record<string, string> {
  return Object.fromEntries(listFiles(dir, skip).map((f) => [f, sha256(fs.readFileSync(path.join(dir, f)))]));
}

/** One hash for a set of named file hashes (order-independent). */
export function hashOfHashes(hashes: Record<string, string>): string {
  return sha256(
    Object.keys(hashes)
      .sort()
      .map((k) => `${k}\0${hashes[k]}\n`)
      .join(''),
  );
}
