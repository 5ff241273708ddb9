// What a build covers: every published version of each product (from its frozen source) and the
// draft when it is the next version. A draft that claims a published version's number but differs
// from it, or a published source that changed, is refused: published versions are permanent.
import fs from 'node:fs';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { buildDocument } from '../model/build-document.js';
import type { BriefDocument } from '../model/types.js';
import { BriefError, fatalMessage, formatMessage } from '../report.js';
import { findBriefs } from '../source/find-briefs.js';
import { hashOfHashes } from './content-hash.js';
import { draftSources, frozenSources, publishedVersions, sameSources, tamperedMessages, type PublishedVersion } from './versions.js';

export interface Target {
  doc: BriefDocument;
  /** Built from a frozen, published source (as opposed to the draft of the next version). */
  published: boolean;
  /** Content hash of the target's source files. */
  sources: string;
  /** The published version it is (its release record, its kept files), when published. */
  version?: PublishedVersion;
}

export interface ProductPlan {
  product: string;
  productDir: string;
  versions: PublishedVersion[];
  draft?: BriefDocument;
  targets: Target[];
}

function lineOf(file: string, field: RegExp): number {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => field.test(l));
  return i < 0 ? 1 : i + 1;
}


async function collect<T>(problems: VFileMessage[], work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof BriefError) problems.push(...err.messages);
    else throw err;
    return undefined;
  }
}

export interface PlanOptions {
  /** false: the published versions only (the site and its redlines need nothing else). */
  drafts?: boolean;
  /** Where a brief's warnings go (a near-empty body), as `file:line:col: warning: …`. */
  warn?: (line: string) => void;
}

export async function planProducts(contentDir: string, products: string[] = [], cwd = process.cwd(), options: PlanOptions = {}): Promise<ProductPlan[]> {
  const { plans, problems } = await planCatalogue(contentDir, products, cwd, options);
  if (problems.length > 0) throw new BriefError(problems);
  return plans;
}

/**
 * Every product's plan with the targets that checked out, and every problem of those that did not
 * (a broken draft leaves its product's published versions in the plan): for a build that goes on
 * with the good briefs and reports the others at the end.
 */
export async function planCatalogue(contentDir: string, products: string[] = [], cwd = process.cwd(), options: PlanOptions = {}): Promise<{ plans: ProductPlan[]; problems: VFileMessage[] }> {
  const problems: VFileMessage[] = [];
  const plans: ProductPlan[] = [];
  const build = async (sourcePath: string) => {
    const doc = await collect(problems, () => buildDocument(sourcePath, cwd));
    for (const w of doc?.warnings ?? []) options.warn?.(formatMessage(w, cwd));
    return doc;
  };
  for (const brief of findBriefs(contentDir, products)) {
    const productDir = path.dirname(brief.sourcePath);
    const versions = await collect(problems, async () => publishedVersions(productDir));
    if (!versions) continue;
    const plan: ProductPlan = { product: brief.product, productDir, versions, targets: [] };
    plans.push(plan);
    for (const v of versions) {
      const tampered = tamperedMessages(v, cwd);
      if (tampered.length > 0) {
        problems.push(...tampered);
        continue;
      }
      const doc = await build(v.sourcePath);
      if (!doc) continue;
      if (doc.meta.version !== v.version) {
        problems.push(fatalMessage(v.sourcePath, cwd, `the source frozen as version ${v.version} says \`version: ${doc.meta.version}\`: expected ${v.version}`, lineOf(v.sourcePath, /^version:/), 'version-mismatch'));
        continue;
      }
      plan.targets.push({ doc, published: true, sources: hashOfHashes(frozenSources(v)), version: v });
    }
    if (options.drafts === false) continue;
    const draft = await build(brief.sourcePath);
    if (!draft) continue;
    plan.draft = draft;
    const latest = versions[versions.length - 1];
    const claimed = versions.find((v) => v.version === draft.meta.version);
    // Read only when there is something to report.
    const versionLine = () => lineOf(brief.sourcePath, /^version:/);
    if (claimed) {
      if (!sameSources(draftSources(productDir), frozenSources(claimed))) {
        const next = latest!.version + 1;
        problems.push(
          fatalMessage(
            brief.sourcePath,
            cwd,
            `${brief.product} version ${claimed.version} was published on ${claimed.record.date} and cannot change; release your edits as a new version: \`make release PRODUCT=${brief.product}\` (which makes them version ${next}), or set \`version: ${next}\` and \`status: updated\` to preview them`,
            versionLine(),
            'published-version-changed',
          ),
        );
      }
      // Identical to a published version: that version's own target builds it.
    } else if (latest && draft.meta.version !== latest.version + 1) {
      problems.push(
        fatalMessage(brief.sourcePath, cwd, `\`version: ${draft.meta.version}\`: expected ${latest.version + 1}, the version after the latest published (${latest.version})`, versionLine(), 'version-sequence'),
      );
    } else {
      plan.targets.push({ doc: draft, published: false, sources: hashOfHashes(draftSources(productDir)) });
    }
  }
  return { plans, problems };
}
