// Runs inside the page, evaluated by the PDF renderer (never by content; the page itself runs no
// scripts). It moves the brief's flow into fixed US Letter pages: page 1 with masthead and title,
// then pages with running header, each with a two-column region. Chromium's own multicol layout
// decides every line and column break; this script only finds where a page's second column ends
// (the first fragment in an overflow column) and carries the rest to the next page, splitting
// the paragraph or list there if the break falls inside one. Figures placed "page-top" go across
// the top of the page after the one their anchor lands on.
// @ts-nocheck
(function paginate(options) {
  const maxContentPages = options.maxContentPages;
  const body = document.body;
  const header = body.querySelector(':scope > .brief-header');
  const flow = body.querySelector(':scope > .flow');
  const disclaimer = body.querySelector(':scope > .disclaimer');
  const footer = body.querySelector(':scope > .page-footer');
  const runningHeader = body.querySelector(':scope > .running-header');
  const book = document.createElement('div');
  book.className = 'pages';
  body.prepend(book);

  // Page-top figures leave an empty anchor where they were written.
  const floats = new Map();
  for (const fig of flow.querySelectorAll('figure[data-place="page-top"]')) {
    const anchor = document.createElement('div');
    anchor.className = 'figure-anchor';
    anchor.dataset.figure = fig.id;
    fig.replaceWith(anchor);
    floats.set(fig.id, fig);
  }

  function pageFooter(last) {
    const f = footer.cloneNode(true);
    if (!last) f.querySelector('.footer-product')?.remove();
    return f;
  }

  function newPage(kind) {
    const page = document.createElement('div');
    page.className = 'page page-' + kind;
    if (kind === 'first') {
      for (const child of [...header.children]) page.appendChild(child);
    } else {
      page.appendChild(runningHeader.cloneNode(true));
    }
    book.appendChild(page);
    return page;
  }

  const inOverflow = (rect, region) => rect.width + rect.height > 0 && rect.left >= region.right - 1;
  const rectsOf = (node) => [...node.getClientRects()].filter((r) => r.width + r.height > 0);
  const isBlock = (el) => !getComputedStyle(el).display.startsWith('inline');
  const hasBlockChildren = (el) => [...el.children].some((c) => isBlock(c) && c.tagName !== 'BR');

  // The first place, in flow order, laid out beyond the region's two columns.
  function findBreak(container, region) {
    for (const child of [...container.childNodes]) {
      if (child.nodeType !== 1) continue;
      const rects = rectsOf(child);
      if (rects.length === 0) continue;
      if (inOverflow(rects[0], region)) return { before: child };
      if (!rects.some((r) => inOverflow(r, region))) continue;
      if (hasBlockChildren(child)) return findBreak(child, region);
      return textBreak(child, region) ?? { before: child };
    }
    return null;
  }

  // Inside a block of lines: the first word that starts in an overflow column.
  function textBreak(el, region) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      for (let i = 0; i < text.length; i++) {
        if (/\s/.test(text[i]) || (i > 0 && !/\s/.test(text[i - 1]))) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (r && inOverflow(r, region)) return { inside: el, node, offset: i };
      }
    }
    return null;
  }

  function markContinued(clone) {
    clone.removeAttribute('id');
    clone.classList.add('continued');
  }

  // Move `node` and everything after it, up to `stop`, into clones of its ancestors.
  function splitBefore(node, stop) {
    let first = node;
    let parent = node.parentNode;
    let carried = null;
    for (;;) {
      const clone = parent.cloneNode(false);
      markContinued(clone);
      if (carried) clone.appendChild(carried);
      for (let n = first; n; ) {
        const next = n.nextSibling;
        clone.appendChild(n);
        n = next;
      }
      if (parent === stop) return clone;
      carried = clone;
      first = parent.nextSibling;
      parent = parent.parentNode;
    }
  }

  function splitText(brk) {
    const el = brk.inside;
    const range = document.createRange();
    range.setStart(brk.node, brk.offset);
    range.setEnd(el, el.childNodes.length);
    const rest = el.cloneNode(false);
    markContinued(rest);
    rest.appendChild(range.extractContents());
    el.after(rest);
    return rest;
  }

  // Cut the region's content at the break; return the nodes for the next page.
  function cut(region, brk) {
    let node = brk.before ?? splitText(brk);
    const top = [...region.children].find((c) => c === node || c.contains(node));
    const rest = [];
    let after;
    if (top === node) {
      after = node;
    } else {
      after = splitBefore(node, top);
      top.after(after);
    }
    for (let n = after; n; ) {
      const next = n.nextSibling;
      rest.push(n);
      n.remove();
      n = next;
    }
    return rest;
  }

  function overflowReport(nodes) {
    const probe = document.createElement('div');
    probe.className = 'page-columns';
    probe.style.cssText = 'column-count:1;width:241.2pt;height:auto;flex:none;position:absolute;visibility:hidden';
    book.lastChild.appendChild(probe);
    for (const n of nodes) probe.appendChild(n);
    const points = probe.getBoundingClientRect().height * 0.75;
    const firstText = (probe.textContent || '').trim().replace(/\s+/g, ' ');
    // The source line of the first overflowing block (data-line, set in paged mode), if it has one.
    const lined = probe.querySelector('[data-line]');
    const line = lined ? Number(lined.getAttribute('data-line')) : null;
    probe.remove();
    return { points: Math.round(points * 10) / 10, lines: Math.ceil(points / 11), startsWith: firstText.slice(0, 80), line };
  }

  const report = { pages: [], overflow: null };
  let content = [...flow.childNodes].filter((n) => n.nodeType === 1);
  let pending = [];
  for (let number = 1; ; number++) {
    const page = newPage(number === 1 ? 'first' : 'rest');
    const band = document.createElement('div');
    band.className = 'page-band';
    for (const fig of pending) band.appendChild(fig);
    page.appendChild(band);
    const region = document.createElement('div');
    region.className = 'page-columns';
    page.appendChild(region);
    page.appendChild(pageFooter(false));
    // Fix the region's height as the page's flex layout gave it, so the columns have a definite
    // height to fill (column-fill: auto) whatever goes into them.
    region.style.height = region.getBoundingClientRect().height + 'px';
    region.style.flex = 'none';
    for (const n of content) region.appendChild(n);
    const box = region.getBoundingClientRect();
    const brk = findBreak(region, box);
    content = brk ? cut(region, brk) : [];
    pending = [...region.querySelectorAll('.figure-anchor')].map((a) => floats.get(a.dataset.figure));
    report.pages.push({ number, band: pending.length, regionHeight: Math.round(box.height * 0.75 * 10) / 10 });
    const leftover = [...content];
    if (pending.length > 0 && leftover.length === 0) {
      report.overflow = { points: 0, lines: 0, startsWith: 'Figure placed at the top of the next page: ' + pending.map((f) => f.id).join(', ') };
      break;
    }
    if (leftover.length === 0) break;
    if (number >= maxContentPages) {
      report.overflow = overflowReport(leftover);
      break;
    }
  }
  for (const a of book.querySelectorAll('.figure-anchor')) a.remove();

  const last = newPage('disclaimer');
  last.insertAdjacentHTML('beforeend', '<div class="rule-blue"></div><div class="rule-sand"></div>');
  last.appendChild(disclaimer);
  last.appendChild(pageFooter(true));
  report.contentPages = book.children.length - 1;
  return report;
})
