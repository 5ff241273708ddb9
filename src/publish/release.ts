// `brief release P`: freeze the draft as the next published version. The frozen copy goes to
// content/<P>/versions/<n>/ with release.json (its sources' sha256); the version is built and its
// HTML, PDF and DOCX are kept beside it in published/, the record of what offices were given
// (release.json names their sha256, the browser and the edition). The draft's front matter is set
// to the same version, status and date, so draft and frozen copy are identical until the next
// edit. Releasing nothing new, or over a changed published version, is refused.
import fs from 'node:fs';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { buildDocument } from '../model/build-document.js';
import { BriefError, fatalMessage } from '../report.js';
import { findBriefs, UsageError } from '../source/find-briefs.js';
import { isRealDate } from '../source/front-matter-schema.js';
import { DEFAULT_TITLE, PLACEHOLDERS } from '../source/new-brief.js';
import { writeFileAtomic } from '../write-atomic.js';
import { buildBriefs } from './build.js';
import { listFiles, sha256 } from './content-hash.js';
import { readBuildRecord } from './build-record.js';
import { FORMATS, versionDir } from './output-paths.js';
import { draftSources, frozenSources, PUBLISHED_DIR, publishedVersions, RELEASE_RECORD, sameSources, tamperedMessages, VERSIONS_DIR, type ReleaseRecord } from './versions.js';

export interface ReleaseOptions {
  contentDir: string;
  outDir: string;
  product: string;
  /** The version's date; default: the draft's date if later than the last version's, else today. */
  date?: string;
  today?: Date;
  cwd?: string;
  log?: (line: string) => void;
}

const FIELDS = /^(version|status|date):.*$/gm;

/**
 * Set front matter fields in place, leaving every other byte of the file as it was. `style`, the
 * edition, is written only where the brief names none: a published version keeps the edition it
 * was released in, even after a newer one becomes the default.
 */
export function setFrontMatter(source: string, fields: { version: number; status: string; date: string; style?: string }): string {
  const end = source.indexOf('\n---', 4);
  let head = source.slice(0, end).replace(FIELDS, (line, key: string) => `${key}: ${String(fields[key as 'version' | 'status' | 'date'])}`);
  if (fields.style && !/^style:/m.test(head)) head = head.replace(/^(status:.*)$/m, `$1\nstyle: ${fields.style}`);
  return head + source.slice(end);
}

/** The draft's sources with version, status and date blanked: what counts as "a change". */
function substance(dir: string, skip: string[]): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir, skip).map((f) => {
      const data = fs.readFileSync(path.join(dir, f), 'utf8');
      return [f, sha256(f === 'brief.md' ? data.slice(0, data.indexOf('\n---', 4)).replace(FIELDS, '$1:') + data.slice(data.indexOf('\n---', 4)) : data)];
    }),
  );
}

/**
 * The version's files as built are the record: copied into versions/<n>/published/ and named in
 * its release.json with their SHA-256, the browser that printed them and the edition they were set
 * in. From now on builds restore these files instead of rendering the version again.
 */
function keepPublishedFiles(target: string, record: ReleaseRecord, outDir: string): void {
  const built = versionDir(outDir, record.product, record.version);
  const buildRecord = readBuildRecord(built);
  const published: Record<string, string> = {};
  for (const format of FORMATS) {
    const name = `${record.product}.${format}`;
    const data = fs.readFileSync(path.join(built, name));
    writeFileAtomic(path.join(target, PUBLISHED_DIR, name), data);
    published[name] = sha256(data);
  }
  const pdf = buildRecord[`${record.product}.pdf`];
  const kept: ReleaseRecord = { ...record, published, browser: pdf?.browser ?? 'unknown', edition: pdf?.edition ?? 'unknown' };
  writeFileAtomic(path.join(target, RELEASE_RECORD), JSON.stringify(kept, null, 2) + '\n');
}

/**
 * A message for each of the skeleton's stand-ins (`brief new`) still in the brief: the title, an
 * author's name or title, the first paragraph. A draft may hold them; a published version may not.
 */
function placeholderMessages(file: string, source: string, cwd: string, title: string, authors: { name: string; title: string }[]): VFileMessage[] {
  const lines = source.split('\n');
  const lineOf = (text: string) => Math.max(1, lines.findIndex((l) => l.includes(text)) + 1);
  const found: [string, string][] = [];
  if (title === DEFAULT_TITLE) found.push([DEFAULT_TITLE, `the title is still the skeleton's "${DEFAULT_TITLE}": expected the brief's own title`]);
  if (authors.some((a) => a.name === PLACEHOLDERS.authorName)) found.push([PLACEHOLDERS.authorName, `an author is still the skeleton's "${PLACEHOLDERS.authorName}": expected each author's name`]);
  if (authors.some((a) => a.title === PLACEHOLDERS.authorTitle)) found.push([PLACEHOLDERS.authorTitle, `an author's title is still the skeleton's "${PLACEHOLDERS.authorTitle}": expected the CRS title, e.g. Specialist in Asian Affairs`]);
  if (lines.some((l) => l.includes(PLACEHOLDERS.paragraph))) found.push([PLACEHOLDERS.paragraph, `the skeleton's first paragraph ("${PLACEHOLDERS.paragraph}…") is still there: expected the brief's own text`]);
  return found.map(([text, reason]) => fatalMessage(file, cwd, `${reason}; a version with it cannot be released`, lineOf(text), 'release-placeholder'));
}

function refuse(file: string, cwd: string, reason: string, ruleId: string): never {
  throw new BriefError([fatalMessage(file, cwd, reason, 1, ruleId)]);
}

export async function releaseProduct(o: ReleaseOptions): Promise<ReleaseRecord> {
  const cwd = o.cwd ?? process.cwd();
  const log = o.log ?? (() => undefined);
  const [brief] = findBriefs(o.contentDir, [o.product]);
  const productDir = path.dirname(brief!.sourcePath);
  const versions = publishedVersions(productDir);
  const tampered = versions.flatMap((v) => tamperedMessages(v, cwd));
  if (tampered.length > 0) throw new BriefError(tampered);
  const draft = await buildDocument(brief!.sourcePath, cwd);
  const original = fs.readFileSync(brief!.sourcePath, 'utf8');
  const placeholders = placeholderMessages(brief!.sourcePath, original, cwd, draft.meta.title, draft.meta.authors);
  if (placeholders.length > 0) throw new BriefError(placeholders);
  const latest = versions[versions.length - 1];

  let version = draft.meta.version;
  if (latest) {
    const claimed = versions.find((v) => v.version === draft.meta.version);
    if (claimed && sameSources(draftSources(productDir), frozenSources(claimed))) {
      refuse(brief!.sourcePath, cwd, `nothing to release: ${o.product} is version ${claimed.version} as published on ${claimed.record.date}; edit ${path.relative(cwd, brief!.sourcePath)} first`, 'release-no-change');
    }
    if (!claimed && draft.meta.version !== latest.version + 1) {
      refuse(brief!.sourcePath, cwd, `\`version: ${draft.meta.version}\`: expected ${latest.version + 1}, the version after the latest published`, 'version-sequence');
    }
    if (sameSources(substance(productDir, [VERSIONS_DIR]), substance(latest.dir, [RELEASE_RECORD, PUBLISHED_DIR]))) {
      refuse(brief!.sourcePath, cwd, `nothing to release: no change since version ${latest.version} (${latest.record.date}) but the version fields; edit the brief first`, 'release-no-change');
    }
    version = latest.version + 1;
  }

  const today = (o.today ?? new Date()).toISOString().slice(0, 10);
  const date = o.date ?? (!latest || draft.meta.date > latest.record.date ? draft.meta.date : today);
  if (!isRealDate(date)) throw new UsageError(`--date ${date}: expected a date as YYYY-MM-DD`);
  if (latest && date < latest.record.date) throw new UsageError(`--date ${date}: expected a date on or after version ${latest.version}'s ${latest.record.date}`);
  const status = latest ? 'updated' : draft.meta.status;

  // Freeze into a temporary folder, then move it into place in one rename.
  const versionsRoot = path.join(productDir, VERSIONS_DIR);
  const target = path.join(versionsRoot, String(version));
  if (fs.existsSync(target)) throw new UsageError(`${path.relative(cwd, target)} already exists without a release record; remove it first`);
  const temp = path.join(versionsRoot, `.${version}.partial-${process.pid}`);
  fs.rmSync(temp, { recursive: true, force: true });
  const frozenBrief = setFrontMatter(original, { version, status, date, style: draft.edition.id });
  for (const f of listFiles(productDir, [VERSIONS_DIR])) {
    const data = f === 'brief.md' ? frozenBrief : fs.readFileSync(path.join(productDir, f));
    fs.mkdirSync(path.dirname(path.join(temp, f)), { recursive: true });
    fs.writeFileSync(path.join(temp, f), data);
  }
  const record: ReleaseRecord = {
    product: o.product,
    version,
    date,
    status,
    title: draft.meta.title,
    sources: Object.fromEntries(listFiles(temp).map((f) => [f, sha256(fs.readFileSync(path.join(temp, f)))])),
  };
  fs.writeFileSync(path.join(temp, RELEASE_RECORD), JSON.stringify(record, null, 2) + '\n');
  fs.renameSync(temp, target);
  writeFileAtomic(brief!.sourcePath, frozenBrief);
  try {
    await buildBriefs({ contentDir: o.contentDir, outDir: o.outDir, products: [o.product], formats: [...FORMATS], cwd, log });
    keepPublishedFiles(target, record, o.outDir);
  } catch (err) {
    // A version that does not build is not released: put everything back as it was.
    fs.rmSync(target, { recursive: true, force: true });
    writeFileAtomic(brief!.sourcePath, original);
    throw err;
  }
  log(`released ${o.product} version ${version} (${status}, ${date}): ${path.relative(cwd, target)}`);
  return record;
}
