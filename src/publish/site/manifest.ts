// manifest.json: every product and version with its metadata and every file's path (relative to
// the site root), size and SHA-256, in the spirit of CRS's public report metadata (id, version,
// date, title, formats with checksums), so a mirror or an office can check what it received.
// Products by id, versions newest first (as CRS lists them); no build time, so it is reproducible.
import type { SiteFile } from './site-files.js';
import { FORMAT_LABEL, MEDIA_TYPE, type SiteProduct } from './site-model.js';

const file = (f: SiteFile) => ({ path: f.path, size: f.size, sha256: f.sha256 });

export function manifestJson(products: SiteProduct[]): string {
  const manifest = {
    products: [...products]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((p) => ({
        id: p.id,
        title: p.title,
        page: `${p.id}/index.html`,
        versions: p.versions.map((v) => ({
          id: v.product,
          version: v.version,
          date: v.date,
          status: v.status,
          title: v.title,
          ...(v.summary ? { summary: v.summary } : {}),
          keywords: v.keywords,
          authors: v.authors.map((a) => ({ name: a.name, title: a.title })),
          formats: v.formats.map((f) => ({ format: FORMAT_LABEL[f.format], mediaType: MEDIA_TYPE[f.format], ...file(f) })),
          zip: file(v.zip),
          // The changes from the version before: null for a first version.
          redline: v.changes ? { from: v.changes.from, html: file(v.changes.html), trackedChangesDocx: file(v.changes.docx) } : null,
        })),
      })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
