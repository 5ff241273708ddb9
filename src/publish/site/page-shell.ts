// The frame every site page shares: CSP without scripts (as the briefs carry), the house look
// (blue #336A91, Cabin headings, Tinos text; the fonts inlined, latin subset only, to keep each
// page small), a masthead banner and a footer. Everything inline, nothing remote, so a page
// works opened from disk, from a plain static server, or from inside a zip of the folder.
import { fontFaceCss } from '../../render/shared/fonts.js';
import { esc, SEALED_CSP } from '../../render/shared/sealed-html.js';

export { esc };

// Only the faces these pages use; other characters fall back to the next font in the stack.
const siteFontCss = () => fontFaceCss({ families: ['Tinos', 'Cabin'], styles: ['normal'], subsets: ['latin'] });

const CSS = `
:root { --blue: #336A91; --rule: #c9d6e0; --sans: Cabin, 'Gill Sans', sans-serif; --serif: Tinos, 'Times New Roman', serif; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 1.0625rem/1.5 var(--serif); color: #000; background: #fff; }
.wrap { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
.masthead { border-bottom: 3px solid var(--blue); }
.masthead .wrap { display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding-top: 0.9rem; padding-bottom: 0.7rem; }
.org { font: italic 700 1.35rem/1.1 var(--sans); color: var(--blue); margin: 0; }
.org span { display: block; font: italic 400 0.85rem/1.3 var(--sans); color: var(--blue); margin-top: 0.2rem; }
.series { font: 700 1.05rem/1 var(--sans); text-transform: uppercase; letter-spacing: 0.08em; margin: 0; color: #fff; background: var(--blue); padding: 0.55rem 0.9rem; white-space: nowrap; }
nav.crumbs { font: 0.95rem var(--sans); margin: 1rem 0 0; }
main { display: block; padding-bottom: 2rem; }
h1 { font: 700 1.9rem/1.2 var(--serif); margin: 1.1rem 0 0.6rem; }
h2 { font: 700 1.3rem/1.2 var(--sans); color: var(--blue); margin: 1.8rem 0 0.5rem; }
p { margin: 0 0 0.8em; }
a { color: var(--blue); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible { outline: 2px solid var(--blue); outline-offset: 2px; }
.kicker { font: 700 0.95rem var(--sans); color: #333; letter-spacing: 0.03em; margin: 1.2rem 0 0; }
.lede { max-width: 44rem; }
.authors { list-style: none; padding: 0; margin: 0 0 0.8em; }
.authors strong { font-weight: 700; }
.summary { max-width: 44rem; border-left: 3px solid var(--blue); padding-left: 0.8rem; }
table { border-collapse: collapse; width: 100%; font: 0.95rem/1.4 var(--sans); }
caption { text-align: left; font: 700 0.95rem var(--sans); padding: 0 0 0.4rem; }
thead th { border-top: 1.5px solid #000; border-bottom: 1px solid #000; font-weight: 700; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem 0.45rem 0; }
tbody th { font-weight: 700; }
tbody tr { border-bottom: 1px solid var(--rule); }
tbody tr:last-child { border-bottom: 1.5px solid #000; }
.files { list-style: none; margin: 0; padding: 0; }
.files li + li { margin-top: 0.15rem; }
.none { color: #555; }
.title-then { display: block; color: #333; font-size: 0.9rem; }
.status { white-space: nowrap; }
.site-footer { border-top: 1px solid var(--rule); font: 0.85rem/1.5 var(--sans); color: #333; padding: 0.8rem 0 1.5rem; }
.site-footer p { margin: 0.2rem 0; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (max-width: 40rem) {
  .masthead .wrap { flex-direction: column; align-items: flex-start; }
  thead { display: none; }
  table, caption, tbody, tr, th, td { display: block; }
  tbody tr { padding: 0.4rem 0; }
  tbody th, tbody td { padding: 0.15rem 0; }
  td[data-label]::before { content: attr(data-label) ': '; font-weight: 700; }
}
@media print {
  .masthead .wrap { padding-top: 0; }
  a { color: #000; }
}
`;

export interface PageOptions {
  /** The page's site path, e.g. "IF10005/index.html": the shell's own links are made relative to it. */
  at: string;
  title: string;
  description: string;
  /** Extra <head> elements (already HTML). */
  head?: string;
  /** Above <main>, inside the page width: e.g. a breadcrumb nav. */
  nav?: string;
  main: string;
  footer: string;
}

export function page(o: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${SEALED_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="crs-briefs">
<meta name="description" content="${esc(o.description)}">
<title>${esc(o.title)}</title>
${o.head ?? ''}<style>
${siteFontCss()}
${CSS.trim()}
</style>
</head>
<body>
<header class="masthead">
<div class="wrap">
<p class="org">Congressional Research Service<span>Informing the legislative debate since 1914</span></p>
<p class="series">In Focus</p>
</div>
</header>
<div class="wrap">
${o.nav ?? ''}<main>
${o.main.trim()}
</main>
<footer class="site-footer">
${o.footer.trim()}
</footer>
</div>
</body>
</html>
`;
}
