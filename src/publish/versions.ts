// Published versions of a product. The draft is content/<P>/ (brief.md, figures/…); each
// published version is frozen in content/<P>/versions/<n>/ with a release.json recording the
// sha256 of every source file, so any version can be rebuilt at any time from the repository,
// and a changed published source is caught and refused.
import fs from 'node:fs';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { BriefError, fatalMessage } from '../report.js';
import { hashFiles } from './content-hash.js';

export const VERSIONS_DIR = 'versions';
export const RELEASE_RECORD = 'release.json';
/** content/<P>/versions/<n>/published/: the files as released, the record offices were given. */
export const PUBLISHED_DIR = 'published';

export interface ReleaseRecord {
  product: string;
  version: number;
  date: string;
  status: 'new' | 'updated';
  title: string;
  /** sha256 of each source file of the version, relative to its folder. */
  sources: Record<string, string>;
  /**
   * sha256 of each published file (`IF11415.pdf`…) kept in published/: builds restore these
   * rather than render the version again. Absent in versions released before files were kept.
   */
  published?: Record<string, string>;
  /** The Chromium that laid out and printed the published files, and the house style edition. */
  browser?: string;
  edition?: string;
}

export interface PublishedVersion {
  product: string;
  version: number;
  dir: string;
  sourcePath: string;
  record: ReleaseRecord;
}

export function versionsDir(productDir: string): string {
  return path.join(productDir, VERSIONS_DIR);
}

export function publishedVersions(productDir: string): PublishedVersion[] {
  const dir = versionsDir(productDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[1-9]\d*$/.test(d.name) && fs.existsSync(path.join(dir, d.name, RELEASE_RECORD)))
    .map((d) => {
      const vdir = path.join(dir, d.name);
      const record = readReleaseRecord(path.join(vdir, RELEASE_RECORD));
      return { product: path.basename(productDir), version: Number(d.name), dir: vdir, sourcePath: path.join(vdir, 'brief.md'), record };
    })
    .sort((a, b) => a.version - b.version);
}

/** A version's release record; a damaged one is the version's problem, with its line, not a crash. */
function readReleaseRecord(file: string): ReleaseRecord {
  const text = fs.readFileSync(file, 'utf8');
  const refuse = (reason: string, line = 1): never => {
    throw new BriefError([fatalMessage(file, process.cwd(), `${reason}; a release record is written by \`brief release\`: restore it (git checkout)`, line, 'release-record')]);
  };
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message);
    refuse(`release record is not valid JSON (${(err as Error).message})`, at ? text.slice(0, Number(at[1])).split('\n').length : 1);
  }
  const r = record as Partial<ReleaseRecord> | null;
  const sources = r?.sources;
  if (!r || typeof r !== 'object' || typeof r.date !== 'string' || !sources || typeof sources !== 'object' || Object.values(sources).some((h) => typeof h !== 'string')) {
    refuse('release record lacks its date or the sha256 of its sources');
  }
  return r as ReleaseRecord;
}

/** The draft's source files (everything in the product folder but the frozen versions). */
export function draftSources(productDir: string): Record<string, string> {
  return hashFiles(productDir, [VERSIONS_DIR]);
}

export function frozenSources(v: PublishedVersion): Record<string, string> {
  return hashFiles(v.dir, [RELEASE_RECORD, PUBLISHED_DIR]);
}

/** Where a version's published file of a format is kept, when its release kept them. */
export function publishedFile(v: PublishedVersion, format: string): string | undefined {
  const name = `${v.product}.${format}`;
  return v.record.published?.[name] === undefined ? undefined : path.join(v.dir, PUBLISHED_DIR, name);
}

export function sameSources(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

/** A published version whose sources or published files no longer match its release record: refused. */
export function tamperedMessages(v: PublishedVersion, cwd: string): VFileMessage[] {
  const now = frozenSources(v);
  const changed = [...new Set([...Object.keys(now), ...Object.keys(v.record.sources)])].filter((f) => now[f] !== v.record.sources[f]).sort();
  const files = v.record.published ? hashFiles(path.join(v.dir, PUBLISHED_DIR)) : {};
  const kept = v.record.published ?? {};
  const filesChanged = [...new Set([...Object.keys(files), ...Object.keys(kept)])].filter((f) => files[f] !== kept[f]).sort();
  const fileMessages = filesChanged.map((f) =>
    fatalMessage(
      path.join(v.dir, PUBLISHED_DIR, f),
      cwd,
      `${v.product} version ${v.version} was published on ${v.record.date}; its published file \`${f}\` has ${files[f] ? (kept[f] ? 'changed' : 'been added') : 'been removed'} since. Offices were given the file as released: restore it (git checkout)`,
      1,
      'published-file-changed',
    ),
  );
  return [...fileMessages, ...changed.map((f) =>
    fatalMessage(
      path.join(v.dir, f),
      cwd,
      `${v.product} version ${v.version} was published on ${v.record.date}; its source \`${f}\` has ${now[f] ? (v.record.sources[f] ? 'changed' : 'been added') : 'been removed'} since. Published versions are permanent: restore it (git checkout) and release your change as a new version (make release PRODUCT=${v.product})`,
      1,
      'published-version-changed',
    ),
  )];
}
