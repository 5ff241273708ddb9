// The site's HTML pages: the index of briefs and one page per brief with its version history.
// Semantic and plain (one h1, tables with headers, links that say what they open and how big it
// is), relative links only, and `…/index.html` spelled out because file:// has no directory index.
import { displayDate } from '../../model/dates.js';
import { esc, page } from './page-shell.js';
import { formatSize, relativeLink, type SiteFile } from './site-files.js';
import { FORMAT_LABEL, productPage, type SiteProduct, type SiteVersion } from './site-model.js';

export const INDEX = 'index.html';
export const FEED = 'feed.xml';
export const MANIFEST = 'manifest.json';
export const SITE_TITLE = 'CRS In Focus briefs';

const STATUS: Record<SiteVersion['status'], string> = { new: 'New', updated: 'Updated' };

const time = (iso: string) => `<time datetime="${esc(iso)}">${esc(displayDate(iso))}</time>`;

/** A file link: "PDF, 51 kB", with who it belongs to for screen readers that list links alone. */
function fileLink(at: string, file: SiteFile, label: string, context: string): string {
  return `<a href="${esc(relativeLink(at, file.path))}">${esc(label)}<span class="vh"> ${esc(context)}</span>, ${esc(formatSize(file.size))}</a>`;
}

function formatList(at: string, v: SiteVersion): string {
  const items = v.formats.map((f) => `<li>${fileLink(at, f, FORMAT_LABEL[f.format], `of ${v.product} version ${v.version}`)}</li>`);
  return `<ul class="files">${items.join('')}</ul>`;
}

function feedLinks(at: string): string {
  return `<p><a href="${esc(relativeLink(at, FEED))}">Atom feed of new versions</a> · <a href="${esc(relativeLink(at, MANIFEST))}">Manifest of every file with its size and SHA-256 (JSON)</a></p>`;
}

const alternate = (at: string) => `<link rel="alternate" type="application/atom+xml" title="${esc(SITE_TITLE)}: new versions" href="${esc(relativeLink(at, FEED))}">\n`;

/** Most recently published first; the product code breaks ties so the order never wavers. */
export function byLatest(products: SiteProduct[]): SiteProduct[] {
  return [...products].sort((a, b) => (b.versions[0]!.date < a.versions[0]!.date ? -1 : b.versions[0]!.date > a.versions[0]!.date ? 1 : a.id < b.id ? -1 : 1));
}

export function indexPage(products: SiteProduct[]): string {
  const at = INDEX;
  const count = products.length;
  const versions = products.reduce((n, p) => n + p.versions.length, 0);
  const rows = byLatest(products).map((p) => {
    const v = p.versions[0]!;
    return `<tr>
<th scope="row"><a href="${esc(relativeLink(at, productPage(p.id)))}">${esc(p.title)}</a></th>
<td data-label="Product">${esc(p.id)}</td>
<td data-label="Latest version">${v.version}</td>
<td data-label="Date">${time(v.date)}</td>
<td data-label="Status" class="status">${STATUS[v.status]}</td>
<td data-label="Files">${formatList(at, v)}</td>
</tr>`;
  });
  const table =
    count === 0
      ? '<p>No brief has been published yet.</p>'
      : `<table>
<caption>Briefs, most recently published first</caption>
<thead><tr><th scope="col">Title</th><th scope="col">Product</th><th scope="col">Latest version</th><th scope="col">Date</th><th scope="col">Status</th><th scope="col">Files of the latest version</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  return page({
    at,
    title: SITE_TITLE,
    description: `Congressional Research Service In Focus briefs: ${count} brief${count === 1 ? '' : 's'}, ${versions} published version${versions === 1 ? '' : 's'}.`,
    head: alternate(at),
    main: `<h1>${SITE_TITLE}</h1>
<p class="lede">Two-page briefs from the Congressional Research Service: ${count} brief${count === 1 ? '' : 's'}, ${versions} published version${versions === 1 ? '' : 's'}. Each brief’s page lists every version with its files and what changed from the version before.</p>
${table}`,
    footer: `${feedLinks(at)}
<p>Each version’s ZIP holds its HTML, PDF and DOCX and a SHA256SUMS list (check with <code>sha256sum -c SHA256SUMS</code>).</p>`,
  });
}

function statusLine(p: SiteProduct): string {
  const v = p.versions[0]!;
  const first = p.versions[p.versions.length - 1]!;
  const now = `Version ${v.version}, ${v.status === 'updated' ? 'updated' : 'published'} ${time(v.date)}.`;
  return first === v ? now : `${now} First published ${time(first.date)}.`;
}

function changesCell(at: string, v: SiteVersion): string {
  if (!v.changes) return '<span class="none">First version</span>';
  const c = v.changes;
  return `<ul class="files"><li>${fileLink(at, c.html, `Redline from version ${c.from} (HTML)`, `to version ${v.version} of ${v.product}`)}</li><li>${fileLink(at, c.docx, 'Tracked changes (DOCX)', `from version ${c.from} to version ${v.version} of ${v.product}`)}</li></ul>`;
}

export function productPageHtml(p: SiteProduct): string {
  const at = productPage(p.id);
  const latest = p.versions[0]!;
  const rows = p.versions.map(
    (v) => `<tr>
<th scope="row">Version ${v.version}${v.title !== p.title ? `<span class="title-then">Titled “${esc(v.title)}”</span>` : ''}</th>
<td data-label="Date">${time(v.date)}</td>
<td data-label="Status" class="status">${STATUS[v.status]}</td>
<td data-label="Files">${formatList(at, v)}</td>
<td data-label="All files">${fileLink(at, v.zip, 'ZIP', `of ${v.product} version ${v.version}, with SHA256SUMS`)}</td>
<td data-label="Changes">${changesCell(at, v)}</td>
</tr>`,
  );
  const authors = latest.authors.map((a) => `<li><strong>${esc(a.name)}</strong>, ${esc(a.title)}</li>`).join('');
  return page({
    at,
    title: `${p.id}: ${p.title} (${SITE_TITLE})`,
    description: latest.summary ?? `${p.id}, ${p.title}: every published version, its files and redlines.`,
    head: alternate(at),
    nav: `<nav class="crumbs" aria-label="Breadcrumb"><a href="${esc(relativeLink(at, INDEX))}">All In Focus briefs</a> › ${esc(p.id)}</nav>\n`,
    main: `<p class="kicker">${esc(p.id)} · In Focus</p>
<h1>${esc(p.title)}</h1>
<p>${statusLine(p)}</p>
<ul class="authors" aria-label="Authors">${authors}</ul>
${latest.summary ? `<p class="summary">${esc(latest.summary)}</p>\n` : ''}<h2 id="versions">Versions</h2>
<table>
<caption>${esc(p.id)} versions, newest first</caption>
<thead><tr><th scope="col">Version</th><th scope="col">Date</th><th scope="col">Status</th><th scope="col">Files</th><th scope="col">All files</th><th scope="col">Changes from the version before</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`,
    footer: `${feedLinks(at)}
<p>A redline shows the words inserted (underlined) and deleted (struck through) between two versions; the tracked-changes DOCX is the newer version with those changes as Word revisions.</p>`,
  });
}
