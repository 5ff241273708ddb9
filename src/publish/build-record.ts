// Incremental builds: each version folder keeps .build.json, the content hashes of what every
// output file was built from (the version's sources, the templates, the renderer code) and of the
// file itself. A file is rebuilt only when one of those differs, and the build says which.
import fs from 'node:fs';
import path from 'node:path';
import { hashFiles, hashOfHashes, sha256 } from './content-hash.js';
import { PROJECT_ROOT, TEMPLATES_DIR } from '../render/shared/paths.js';

export const BUILD_RECORD = '.build.json';

export interface Inputs {
  sources: string;
  templates: string;
  code: string;
  /** Build options that change the file (`--allow-overflow` for a PDF); absent when none. */
  options?: string;
}

export interface FileRecord {
  sha256: string;
  inputs: Inputs;
  /** The Chromium the batch laid out and printed with (`HeadlessChrome/…`), or why none. */
  browser: string;
  /** The house style edition the brief was set in. */
  edition: string;
  /** Copied from the published record (content/<P>/versions/<n>/published/), not rendered. */
  restored?: boolean;
}

type BuildRecord = Record<string, FileRecord>;

let toolchain: Omit<Inputs, 'sources'> | undefined;

/** Hashes of the templates and of the renderer code (src/ and the locked dependencies). */
export function toolchainInputs(): Omit<Inputs, 'sources'> {
  toolchain ??= {
    templates: hashOfHashes(hashFiles(TEMPLATES_DIR)),
    code: hashOfHashes({ ...hashFiles(path.join(PROJECT_ROOT, 'src')), 'package-lock.json': sha256(fs.readFileSync(path.join(PROJECT_ROOT, 'package-lock.json'))) }),
  };
  return toolchain;
}

/**
 * What a file is built from: its version's sources, the toolchain and, for a draft's PDF built
 * with --allow-overflow, that option (such a PDF differs from one built without). The one
 * definition, for the build and for the no-op shortcut (up-to-date.ts) alike.
 */
export function fileInputs(sources: string, overflowAllowed: boolean): Inputs {
  return { sources, ...toolchainInputs(), ...(overflowAllowed ? { options: '--allow-overflow' } : {}) };
}

/** A version folder's .build.json, or nothing when it has none (or an unreadable one). */
export function readBuildRecord(dir: string): BuildRecord {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, BUILD_RECORD), 'utf8')) as BuildRecord;
  } catch {
    return {};
  }
}

const WHY: Record<keyof Inputs, string> = { sources: 'its source changed', templates: 'the templates changed', code: 'the renderer changed', options: 'the build options changed' };

/** Why `file` must be built, or null when it is up to date. */
export function staleReason(file: string, inputs: Inputs): string | null {
  const entry = readBuildRecord(path.dirname(file))[path.basename(file)];
  if (!fs.existsSync(file)) return 'not built yet';
  if (!entry) return 'no build record';
  if (sha256(fs.readFileSync(file)) !== entry.sha256) return 'the file was changed by hand';
  const changed = (Object.keys(WHY) as (keyof Inputs)[]).filter((k) => (entry.inputs[k] ?? '') !== (inputs[k] ?? ''));
  return changed.length > 0 ? changed.map((k) => WHY[k]).join(', ') : null;
}

/** The record entries for files just written, merged into each folder's .build.json. */
export function recordBuilt(built: { file: string; entry: FileRecord }[], write: (file: string, data: string) => void): void {
  const byDir = new Map<string, typeof built>();
  for (const b of built) byDir.set(path.dirname(b.file), [...(byDir.get(path.dirname(b.file)) ?? []), b]);
  for (const [dir, entries] of byDir) {
    const record = readBuildRecord(dir);
    for (const e of entries) record[path.basename(e.file)] = e.entry;
    const sorted = Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]]));
    write(path.join(dir, BUILD_RECORD), JSON.stringify(sorted, null, 2) + '\n');
  }
}
