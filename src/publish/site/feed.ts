// feed.xml: an Atom feed with one entry per published version, newest first. Everything comes from
// the versions themselves: `updated` is the newest version's date (noon UTC, as in the files'
// metadata), ids are tag URIs that never change (tag:crsreports.congress.gov,<date>:<P>/<n>), and
// there is no generation time, so the same sources give the same bytes.
//
// Links are absolute from the site's address when one is given (`brief dist --base-url`, as CI
// deploys it: feed readers copy entries out of the feed); otherwise relative to feed.xml (the site
// root), for a site opened from disk, which Atom resolves against the feed's own address: the `feed`
// library accepts only absolute URLs, so it is given a placeholder origin, then removed from every
// href. Ids stay tag URIs either way: an entry keeps its id if the site moves.
import { Feed } from 'feed';
import { displayDate, versionInstant } from '../../model/dates.js';
import { esc } from './page-shell.js';
import { FEED, INDEX, SITE_TITLE } from './pages.js';
import { formatSize } from './site-files.js';
import { FORMAT_LABEL, type SiteProduct, type SiteVersion } from './site-model.js';

const PLACEHOLDER = 'https://site.invalid/';
const FEED_ID = 'tag:crsreports.congress.gov,2020:in-focus';

export const entryId = (v: SiteVersion) => `tag:crsreports.congress.gov,${v.date}:${v.product}/${v.version}`;

function content(v: SiteVersion, base = ''): string {
  const status = `Version ${v.version}, ${v.status === 'updated' ? 'updated' : 'published'} ${displayDate(v.date)}.`;
  const files = v.formats.map((f) => `<li><a href="${esc(base + f.path)}">${FORMAT_LABEL[f.format]}, ${formatSize(f.size)}</a></li>`);
  files.push(`<li><a href="${esc(base + v.zip.path)}">ZIP with SHA256SUMS, ${formatSize(v.zip.size)}</a></li>`);
  if (v.changes) files.push(`<li><a href="${esc(base + v.changes.html.path)}">Redline from version ${v.changes.from} (HTML), ${formatSize(v.changes.html.size)}</a></li>`);
  return [`<p>${esc(status)}</p>`, v.summary ? `<p>${esc(v.summary)}</p>` : '', `<ul>${files.join('')}</ul>`].join('');
}

export function atomFeed(products: SiteProduct[], baseUrl?: string): string {
  const base = baseUrl ?? PLACEHOLDER;
  const versions = products
    .flatMap((p) => p.versions)
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.product !== b.product ? (a.product < b.product ? -1 : 1) : b.version - a.version));
  // Atom requires `updated`; with nothing published, the epoch keeps the file reproducible.
  const updated = versions[0] ? versionInstant(versions[0].date) : new Date(0);
  const feed = new Feed({
    id: FEED_ID,
    title: SITE_TITLE,
    description: 'New and updated CRS In Focus briefs',
    updated,
    generator: 'crs-briefs',
    language: 'en-US',
    link: base + INDEX,
    feed: base + FEED,
    author: { name: 'Congressional Research Service' },
  });
  for (const v of versions) {
    const html = v.formats.find((f) => f.format === 'html')!;
    feed.addItem({
      id: entryId(v),
      title: esc(`${v.product} version ${v.version}: ${v.title}`),
      link: base + html.path,
      date: versionInstant(v.date),
      published: versionInstant(v.date),
      ...(v.summary ? { description: esc(v.summary) } : {}),
      content: content(v, baseUrl),
      author: v.authors.map((a) => ({ name: a.name })),
      category: v.keywords.map((k) => ({ term: k })),
    });
  }
  const atom = feed.atom1();
  return `${baseUrl === undefined ? atom.split(`"${PLACEHOLDER}`).join('"') : atom}\n`;
}
