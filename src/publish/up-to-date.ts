// The no-op build's shortcut: from content hashes alone, before any brief is parsed or a renderer
// loaded, whether every file a build asks for is already built from today's sources, templates and
// code (the build records of build-record.ts). Sound because a build is a function of those
// inputs: the same sources passed validation and rendered to the recorded file. Anything else (a
// changed source, a missing or hand-edited file, a draft whose version cannot be told without
// parsing it, a damaged release record) answers "not sure" and the full build decides, with its
// messages. Warnings a brief had when it was built are not repeated; `brief check` shows them.
import fs from 'node:fs';
import path from 'node:path';
import { findBriefs } from '../source/find-briefs.js';
import { fileInputs, staleReason } from './build-record.js';
import { hashOfHashes, sha256 } from './content-hash.js';
import { latestIsCurrent } from './latest.js';
import { STATE_DIR } from './output-session.js';
import { versionDir, type Format } from './output-paths.js';
import { draftSources, frozenSources, publishedFile, publishedVersions, sameSources } from './versions.js';

export interface UpToDateOptions {
  contentDir: string;
  outDir: string;
  products?: string[];
  formats: Format[];
  allowOverflow?: boolean;
}

/** One `up to date …` line per version the build covers when all its files are current; else null. */
export function upToDateLines(options: UpToDateOptions): string[] | null {
  // What a killed build left (its lock, browsers, a half-done folder switch) is the full build's
  // to clear up (output-session.ts).
  if (fs.existsSync(path.join(options.outDir, STATE_DIR))) return null;
  const lines: string[] = [];
  // Whether every requested file of a version is current for these sources.
  const current = (product: string, version: number, sources: string, draft: boolean) =>
    options.formats.every((format) => {
      const inputs = fileInputs(sources, format === 'pdf' && options.allowOverflow === true && draft);
      return staleReason(path.join(versionDir(options.outDir, product, version), `${product}.${format}`), inputs) === null;
    });
  try {
    for (const brief of findBriefs(options.contentDir, options.products)) {
      const productDir = path.dirname(brief.sourcePath);
      const versions = publishedVersions(productDir);
      const frozen = versions.map((v) => frozenSources(v));
      for (const [i, v] of versions.entries()) {
        // A published version whose sources changed is refused by the full build, with its files named.
        if (!sameSources(frozen[i]!, v.record.sources)) return null;
        // Its kept files (the published record) are what its output must hold, byte for byte.
        const keptCurrent = options.formats.every((format) => {
          const kept = publishedFile(v, format);
          if (!kept) return current(brief.product, v.version, hashOfHashes(frozen[i]!), false);
          // The output as recorded, and the kept file unchanged (else the full build refuses it).
          const out = path.join(versionDir(options.outDir, brief.product, v.version), path.basename(kept));
          if (!fs.existsSync(out)) return false;
          const bytes = fs.readFileSync(out);
          return sha256(bytes) === v.record.published![path.basename(kept)] && fs.readFileSync(kept).equals(bytes);
        });
        if (!keptCurrent) return null;
        lines.push(`up to date ${brief.product} ${v.version}`);
      }
      if (versions.length > 0 && !latestIsCurrent(options.outDir, brief.product, versions[versions.length - 1]!.version)) return null;
      const draft = draftSources(productDir);
      // A draft identical to a published version is built as that version.
      if (frozen.some((f) => sameSources(f, draft))) continue;
      // Otherwise it can only be the next version; whether it says so is for the parse to tell,
      // unless that version's files record having been built from these very sources.
      const next = (versions[versions.length - 1]?.version ?? 0) + 1;
      if (!current(brief.product, next, hashOfHashes(draft), true)) return null;
      lines.push(`up to date ${brief.product} ${next} (draft)`);
    }
  } catch {
    // An unreadable release record, an unknown product…: the full build reports it properly.
    return null;
  }
  return lines;
}
