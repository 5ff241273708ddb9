// Results of slow, pure steps (cutting fonts down, WOFF2 → TrueType, rasterising an SVG) kept by
// the content hash of everything they are made from: in memory for a run, so a batch makes each
// once, and on disk across runs, in node_modules/.cache/crs-briefs/<kind>/. The locked dependencies
// (package-lock.json) are part of every key, and `npm ci` removes the folder with the packages
// that filled it. Only time is saved: a result is the same bytes whether made or read back, and a
// cache that cannot be read or written is simply not used.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../write-atomic.js';
import { PROJECT_ROOT } from './paths.js';

export const CACHE_DIR = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'crs-briefs');

let toolchain: string | undefined;
/** The locked dependency versions: a new harfbuzz or resvg makes new entries. */
function lockedDependencies(): string {
  if (toolchain === undefined) {
    try {
      toolchain = createHash('sha256').update(fs.readFileSync(path.join(PROJECT_ROOT, 'package-lock.json'))).digest('hex');
    } catch {
      toolchain = 'no-lock-file';
    }
  }
  return toolchain;
}

const memory = new Map<string, Promise<Uint8Array>>();

/** The key of some inputs: each one length-prefixed, so no two lists of inputs share a key. */
function keyOf(kind: string, inputs: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256').update(`${kind}\0${lockedDependencies()}\0`);
  for (const input of inputs) {
    const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    hash.update(`${typeof input}:${bytes.byteLength}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/** `make()`'s result for these inputs, made at most once per run and kept across runs. */
export function cachedBytes(kind: string, inputs: readonly (string | Uint8Array)[], make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const key = keyOf(kind, inputs);
  let result = memory.get(key);
  if (result === undefined) {
    const file = path.join(CACHE_DIR, kind, key.slice(0, 2), key);
    result = (async () => {
      try {
        return new Uint8Array(fs.readFileSync(file));
      } catch {
        // Not made yet (or unreadable): make it.
      }
      const made = await make();
      try {
        writeFileAtomic(file, made);
      } catch {
        // A read-only or full disk: the next run makes it again.
      }
      return made;
    })();
    memory.set(key, result);
    result.catch(() => memory.delete(key));
  }
  return result;
}
