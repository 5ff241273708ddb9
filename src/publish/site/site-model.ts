// What the site shows, gathered once: every published version with its metadata (from its own
// frozen source) and its files copied into the site, its zip, and the redline from the version
// before. Pages, manifest and feed are all written from this one model, so they cannot disagree.
import fs from 'node:fs';
import path from 'node:path';
import type { Author } from '../../source/front-matter-schema.js';
import { diffDir, diffFiles } from '../diff.js';
import { FORMATS, versionDir, type Format } from '../output-paths.js';
import type { ProductPlan } from '../plan.js';
import { SiteFiles, type SiteFile } from './site-files.js';
import { versionZip } from './zips.js';

export const FORMAT_LABEL: Record<Format, string> = { html: 'HTML', pdf: 'PDF', docx: 'DOCX' };
export const MEDIA_TYPE: Record<Format, string> = {
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface SiteFormat extends SiteFile {
  format: Format;
}

export interface SiteChanges {
  from: number;
  /** The HTML redline. */
  html: SiteFile;
  /** This version as DOCX with the changes as tracked changes. */
  docx: SiteFile;
}

export interface SiteVersion {
  product: string;
  version: number;
  date: string;
  status: 'new' | 'updated';
  title: string;
  summary?: string;
  keywords: string[];
  authors: Author[];
  formats: SiteFormat[];
  zip: SiteFile;
  changes?: SiteChanges;
}

export interface SiteProduct {
  id: string;
  /** The newest version's title. */
  title: string;
  /** Newest first. */
  versions: SiteVersion[];
}

export const productPage = (product: string) => `${product}/index.html`;

function readBuilt(file: string): Uint8Array {
  if (!fs.existsSync(file)) throw new Error(`site: ${file} is missing after the build`);
  return fs.readFileSync(file);
}

/** Copy one product's published files into `files` and describe them. */
export async function collectProduct(plan: ProductPlan, outDir: string, files: SiteFiles): Promise<SiteProduct | undefined> {
  const versions: SiteVersion[] = [];
  let previous: number | undefined;
  for (const v of plan.versions) {
    const doc = plan.targets.find((t) => t.published && t.doc.meta.version === v.version)?.doc;
    if (!doc) throw new Error(`site: ${plan.product} version ${v.version} was not planned`);
    const P = plan.product;
    const parts = new Map<string, Uint8Array>();
    const formats: SiteFormat[] = FORMATS.map((format) => {
      const name = `${P}.${format}`;
      const data = readBuilt(path.join(versionDir(outDir, P, v.version), name));
      parts.set(name, data);
      return { format, ...files.add(`${P}/${v.version}/${name}`, data) };
    });
    const zip = files.add(`${P}/${v.version}/${P}-${v.version}.zip`, await versionZip(`${P}-${v.version}`, parts, v.record.date));
    let changes: SiteChanges | undefined;
    if (previous !== undefined) {
      const names = diffFiles(P, previous, v.version);
      const dir = diffDir(outDir, P, previous, v.version);
      const site = `${P}/diffs/${previous}-${v.version}`;
      changes = {
        from: previous,
        html: files.add(`${site}/${names.html}`, readBuilt(path.join(dir, names.html))),
        docx: files.add(`${site}/${names.docx}`, readBuilt(path.join(dir, names.docx))),
      };
    }
    versions.push({
      product: P,
      version: v.version,
      date: v.record.date,
      status: v.record.status,
      title: doc.meta.title,
      ...(doc.meta.summary ? { summary: doc.meta.summary } : {}),
      keywords: doc.meta.keywords,
      authors: doc.meta.authors.map((a) => ({ name: a.name, title: a.title })),
      formats,
      zip,
      ...(changes ? { changes } : {}),
    });
    previous = v.version;
  }
  if (versions.length === 0) return undefined;
  versions.reverse();
  return { id: plan.product, title: versions[0]!.title, versions };
}
