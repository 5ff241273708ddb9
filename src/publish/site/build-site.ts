// `brief dist`: the distribution site in <out>/site/. First make sure every published version is
// built (incremental, so cheap when up to date) and every consecutive pair of versions has its
// redline; then copy those files into the site, zip each version, write the pages, the feed and
// the manifest, all in memory, and only then write what changed.
//
//   site/index.html                      every brief: title, latest version, date, status, files
//   site/feed.xml                        Atom, one entry per published version
//   site/manifest.json                   every version and file with size and SHA-256
//   site/<P>/index.html                  the brief's version history
//   site/<P>/<n>/<P>.html|pdf|docx       the version's files
//   site/<P>/<n>/<P>-<n>.zip             those three and SHA256SUMS
//   site/<P>/diffs/<a>-<b>/…             redline (HTML) and tracked changes (DOCX)
//
// Only published versions go on the site; drafts never do.
import path from 'node:path';
import { UsageError } from '../../source/find-briefs.js';
import { buildBriefs } from '../build.js';
import { writeDocumentsDiff } from '../diff.js';
import { withOutput } from '../output-session.js';
import { FORMATS } from '../output-paths.js';
import { atomFeed } from './feed.js';
import { manifestJson } from './manifest.js';
import { FEED, INDEX, MANIFEST, indexPage, productPageHtml } from './pages.js';
import { SiteFiles } from './site-files.js';
import { collectProduct, productPage, type SiteProduct } from './site-model.js';
import { writeSite, type SiteWriteResult } from './write-site.js';

export const SITE_DIR = 'site';

export interface SiteOptions {
  contentDir: string;
  outDir: string;
  cwd?: string;
  log?: (line: string) => void;
  /** `--base-url`: where the site is served (https://…/); the feed's links are absolute from it. */
  baseUrl?: string;
}

export interface SiteResult extends SiteWriteResult {
  siteDir: string;
  products: SiteProduct[];
}

/** The site's address as a base for links: http(s), ending in a slash; anything else is a usage error. */
export function siteBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--base-url ${url}: expected the site's address, e.g. https://example.github.io/briefs/`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new UsageError(`--base-url ${url}: expected an http(s) address, e.g. https://example.github.io/briefs/`);
  if (parsed.search || parsed.hash) throw new UsageError(`--base-url ${url}: expected an address without ?query or #fragment`);
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

export async function buildSite(o: SiteOptions): Promise<SiteResult> {
  // Checked before anything runs, and made the feed's base once.
  const base = o.baseUrl === undefined ? undefined : siteBase(o.baseUrl);
  const cwd = o.cwd ?? process.cwd();
  const log = o.log ?? (() => undefined);
  // One lock over the whole run: the versions, redlines and site it copies them into.
  return withOutput(o.outDir, { log, cwd }, (session) => buildSiteLocked(o, base, cwd, log, session.workDir));
}

async function buildSiteLocked(o: SiteOptions, base: string | undefined, cwd: string, log: (line: string) => void, workDir: string): Promise<SiteResult> {
  // Published versions only: an analyst's draft in progress does not hold up the site.
  const { plans } = await buildBriefs({ contentDir: o.contentDir, outDir: o.outDir, formats: [...FORMATS], drafts: false, cwd, log });
  // Redlines are rendered afresh each time (no browser, quick), so they always follow the
  // current redline renderer rather than whatever an earlier run left in output/.
  for (const plan of plans) {
    const docs = plan.targets.filter((t) => t.published).map((t) => t.doc);
    for (let i = 1; i < docs.length; i++) await writeDocumentsDiff(docs[i - 1]!, docs[i]!, o.outDir, cwd, log);
  }

  const files = new SiteFiles();
  const products: SiteProduct[] = [];
  for (const plan of plans) {
    const product = await collectProduct(plan, o.outDir, files);
    if (product) products.push(product);
    else log(`${plan.product}: no published version yet, so not on the site (release one: make release PRODUCT=${plan.product})`);
  }
  for (const p of products) files.add(productPage(p.id), productPageHtml(p));
  files.add(INDEX, indexPage(products));
  files.add(FEED, atomFeed(products, base));
  files.add(MANIFEST, manifestJson(products));

  const siteDir = path.join(o.outDir, SITE_DIR);
  const result = writeSite(siteDir, files, log, cwd, workDir);
  const versions = products.reduce((n, p) => n + p.versions.length, 0);
  log(
    `site ${path.relative(cwd, siteDir) || '.'}/: ${products.length} product${products.length === 1 ? '' : 's'}, ${versions} version${versions === 1 ? '' : 's'}, ${files.files.size} files (${result.written.length} written, ${result.unchanged} unchanged, ${result.removed.length} removed)`,
  );
  return { siteDir, products, ...result };
}
