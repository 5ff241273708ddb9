// `brief verify`: would today's toolchain (templates, code, fonts, Chromium) give the published
// files again? Every published version whose files were kept is rendered afresh from its frozen
// source, in memory, and each file compared with the kept one. Nothing is written: the kept files
// are the record and never change; a difference is news for whoever changed the toolchain.
import path from 'node:path';
import type { BriefDocument } from '../model/types.js';
import { BriefError } from '../report.js';
import { renderAll } from './build.js';
import { sha256 } from './content-hash.js';
import { FORMATS, outputPath, type Format } from './output-paths.js';
import { planProducts } from './plan.js';
import { publishedFile } from './versions.js';

export interface VerifyOptions {
  contentDir: string;
  products?: string[];
  cwd?: string;
  log?: (line: string) => void;
}

export interface VerifyResult {
  checked: number;
  changed: string[];
}

export async function verifyPublished(o: VerifyOptions): Promise<VerifyResult> {
  const cwd = o.cwd ?? process.cwd();
  const log = o.log ?? (() => undefined);
  const plans = await planProducts(o.contentDir, o.products, cwd, { drafts: false });
  const targets = plans.flatMap((p) => p.targets).filter((t) => t.published && t.version);
  for (const t of targets.filter((t) => !t.version!.record.published)) log(`${t.doc.product} ${t.doc.meta.version}: released before files were kept; nothing to compare`);
  const kept = targets.filter((t) => t.version!.record.published);
  const docs: BriefDocument[] = kept.map((t) => t.doc);
  // Rendered into memory only: no sink, and `root` names the files but is never written.
  const root = path.join(cwd, '.verify');
  const rendered = await renderAll(new Map(FORMATS.map((f) => [f, docs] as const)), root, cwd, {});
  if (rendered.problems.length > 0) throw new BriefError(rendered.problems);
  const result: VerifyResult = { checked: 0, changed: [] };
  for (const t of kept) {
    for (const format of FORMATS as readonly Format[]) {
      const file = publishedFile(t.version!, format);
      if (!file) continue;
      const name = path.basename(file);
      const then = t.version!.record.published![name]!;
      const data = rendered.files.get(outputPath(root, t.doc, format))?.data;
      if (data === undefined || data === null) throw new Error(`no ${format.toUpperCase()} rendered for ${t.doc.product} ${t.doc.meta.version}`);
      result.checked++;
      const sha = sha256(data);
      const label = `${t.doc.product} ${t.doc.meta.version} ${name}`;
      if (sha === then) log(`same ${label}`);
      else {
        const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
        log(`changed ${label}: today's toolchain gives ${Math.round(size / 1000)} kB, sha256 ${sha.slice(0, 12)}… instead of ${then.slice(0, 12)}… (published with ${t.version!.record.browser ?? 'an unrecorded browser'})`);
        result.changed.push(label);
      }
    }
  }
  return result;
}
