// `brief diff P A B`: what changed between two published versions, as an HTML redline and as a
// DOCX of version B carrying the changes as Word tracked changes. Written to
// output/<P>/diffs/<A>-<B>/.
import path from 'node:path';
import type { BriefDocument } from '../model/types.js';
import { briefBlocks } from '../render/redline/blocks.js';
import { compareBlocks, summarize } from '../render/redline/compare.js';
import { renderRedlineHtml } from '../render/redline/redline-html.js';
import { renderTrackedDocx } from '../render/redline/tracked-docx.js';
import { UsageError } from '../source/find-briefs.js';
import { FolderSwitch } from './folder-switch.js';
import { withOutput } from './output-session.js';
import { planProducts } from './plan.js';

export interface DiffOptions {
  contentDir: string;
  outDir: string;
  product: string;
  from?: number;
  to?: number;
  cwd?: string;
  log?: (line: string) => void;
}

export function diffDir(outDir: string, product: string, from: number, to: number): string {
  return path.join(outDir, product, 'diffs', `${from}-${to}`);
}

export function diffFiles(product: string, from: number, to: number): { html: string; docx: string } {
  return { html: `${product}-${from}-${to}-redline.html`, docx: `${product}-${to}-tracked-changes.docx` };
}

export interface DiffResult {
  from: number;
  to: number;
  files: string[];
  inserted: number;
  deleted: number;
}

export async function writeDiff(o: DiffOptions): Promise<DiffResult> {
  const cwd = o.cwd ?? process.cwd();
  const [plan] = await planProducts(o.contentDir, [o.product], cwd, { drafts: false });
  const versions = plan!.versions;
  if (versions.length < 2 && (o.from === undefined || o.to === undefined)) {
    throw new UsageError(`${o.product} has ${versions.length} published version${versions.length === 1 ? '' : 's'}; a diff needs two (make release PRODUCT=${o.product})`);
  }
  const to = o.to ?? versions[versions.length - 1]!.version;
  const from = o.from ?? to - 1;
  const pick = (n: number) => {
    const v = versions.find((x) => x.version === n);
    if (!v) throw new UsageError(`${o.product} has no published version ${n} (published: ${versions.map((x) => x.version).join(', ') || 'none'})`);
    return v;
  };
  if (from >= to) throw new UsageError(`diff ${from} ${to}: expected the older version first`);
  pick(from);
  pick(to);
  // The plan has already built every published version's document: compare those.
  const doc = (n: number) => plan!.targets.find((t) => t.published && t.doc.meta.version === n)!.doc;
  return writeDocumentsDiff(doc(from), doc(to), o.outDir, cwd, o.log);
}

/** Redline and tracked-changes DOCX between two built versions of one product. */
export async function writeDocumentsDiff(a: BriefDocument, b: BriefDocument, outDir: string, cwd: string, log?: (line: string) => void): Promise<DiffResult> {
  const from = a.meta.version;
  const to = b.meta.version;
  const changes = compareBlocks(briefBlocks(a), briefBlocks(b));
  const dir = diffDir(outDir, b.product, from, to);
  const names = diffFiles(b.product, from, to);
  const html = renderRedlineHtml(a, b, changes);
  const docx = await renderTrackedDocx(b, changes, from);
  // The redline and the tracked DOCX change together.
  await withOutput(outDir, { log: log ?? (() => undefined), cwd }, async (session) => {
    const folder = new FolderSwitch(session.workDir);
    folder.writeFile(path.join(dir, names.html), html);
    folder.writeFile(path.join(dir, names.docx), docx);
    folder.commit();
  });
  const s = summarize(changes);
  log?.(`diff ${b.product} ${from} → ${to}: ${s.inserted} words inserted, ${s.deleted} deleted; wrote ${path.relative(cwd, dir)}/`);
  return { from, to, files: [path.join(dir, names.html), path.join(dir, names.docx)], inserted: s.inserted, deleted: s.deleted };
}
