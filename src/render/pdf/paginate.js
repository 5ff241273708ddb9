// Runs inside the page, evaluated by the PDF renderer (never by content; the page itself runs no
// scripts). It moves the brief's flow into fixed US Letter pages: page 1 with masthead and title,
// then pages with running header, each with a two-column region. Chromium's own multicol layout
// decides every line and column break; this script only finds where a page's second column ends
// (the first fragment in an overflow column) and carries the rest to the next page, splitting
// the paragraph or list there if the break falls inside one. Figures placed "page-top" go across
// the top of the page after the one their anchor lands on. A table breaks only between rows and a
// table continued on the next page repeats its header row.
//
// A brief that needs more than `maxContentPages` is reported as overflowing; with `allowOverflow`
// the rest is laid on further pages anyway (the caller marks them DRAFT). Last, it proves nothing
// was lost: the flow's characters all ended up in the pages (or the overflow report), and every
// piece of text lies inside its page's columns; what does not is reported with its source line.
// @ts-nocheck
(function paginate(options) {
  const maxContentPages = options.maxContentPages;
  const allowOverflow = options.allowOverflow === true;
  // Even a draft stops somewhere: a brief this long is a mistake, not a draft.
  const pageLimit = allowOverflow ? Math.max(maxContentPages, 40) : maxContentPages;
  const body = document.body;
  const header = body.querySelector(':scope > .brief-header');
  const flow = body.querySelector(':scope > .flow');
  const disclaimer = body.querySelector(':scope > .disclaimer');
  const footer = body.querySelector(':scope > .page-footer');
  const runningHeader = body.querySelector(':scope > .running-header');
  const book = document.createElement('div');
  book.className = 'pages';
  body.prepend(book);

  // What the flow holds, in non-space characters, before anything moves.
  const charCount = (node) => (node.textContent || '').replace(/\s+/g, '').length;
  const flowChars = charCount(flow);

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

  // Past the region: in an overflow column to the right of its two columns or, for what spans
  // both columns (and so cannot go on in the next column), past its bottom.
  const inOverflow = (rect, region) =>
    rect.width + rect.height > 0 && (rect.left >= region.right - 1 || (region.bottomToo === true && rect.bottom > region.bottom + 1));
  const rectsOf = (node) => [...node.getClientRects()].filter((r) => r.width + r.height > 0);
  const isBlock = (el) => !getComputedStyle(el).display.startsWith('inline');
  const hasBlockChildren = (el) => [...el.children].some((c) => isBlock(c) && c.tagName !== 'BR');

  // The first place, in flow order, laid out beyond the region's two columns.
  function findBreak(container, region) {
    for (const child of [...container.childNodes]) {
      if (child.nodeType !== 1) continue;
      // A table's header row is repeated where the table continues, never a place to break.
      if (child.tagName === 'THEAD') continue;
      const rects = rectsOf(child);
      if (rects.length === 0) continue;
      if (inOverflow(rects[0], region)) return { before: child };
      if (!rects.some((r) => inOverflow(r, region))) continue;
      // A table breaks between rows only.
      if (child.tagName === 'TR') return { before: child };
      if (hasBlockChildren(child)) {
        // Nothing to break at inside (a section whose only fragment past the region is the room
        // a figure spanning both columns takes): the place is further on.
        const inner = findBreak(child, region);
        if (inner) return inner;
        continue;
      }
      return textBreak(child, region) ?? { before: child };
    }
    return null;
  }

  // Whether a break leaves nothing on the page before it.
  function atStart(region, brk) {
    if (!brk.before) return false;
    for (let n = brk.before; n && n !== region; n = n.parentNode) {
      for (let p = n.previousElementSibling; p; p = p.previousElementSibling) if (rectsOf(p).length > 0) return false;
    }
    return true;
  }

  // A break before a table's first body row moves the whole table (caption, header and all).
  function tableStart(brk) {
    const row = brk.before;
    if (!row || row.tagName !== 'TR') return brk;
    const table = row.closest('table');
    const firstRow = table.querySelector(':scope > tbody > tr, :scope > tr');
    if (row !== firstRow) return brk;
    const figure = table.closest('figure') ?? table;
    return { before: figure };
  }

  // Inside a block of lines: the first character in an overflow column.
  function textBreak(el, region) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    // The first character laid out in an overflow column starts a line there, whether that line
    // broke at a space, after a hyphen (`Senate-|passed`) or between a link and its `)`: the text
    // is cut exactly where the lines broke, so both pages keep the breaks they were laid out with.
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      for (let i = 0; i < text.length; i++) {
        if (/\s/.test(text[i])) continue;
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
      // A table continued on the next page repeats its header row.
      const head = parent.tagName === 'TABLE' ? parent.querySelector(':scope > thead') : null;
      if (head) {
        const repeated = head.cloneNode(true);
        repeated.setAttribute('data-repeated', '');
        clone.appendChild(repeated);
      }
      // A numbered list continued goes on counting: its first item keeps its number.
      if (parent.tagName === 'OL') clone.setAttribute('start', String(listNumber(parent, first)));
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

  // The number `item` has (or, continued, had) in the numbered list `ol`.
  function listNumber(ol, item) {
    const start = ol.hasAttribute('start') ? Number(ol.getAttribute('start')) : 1;
    let before = 0;
    for (let n = item.previousElementSibling; n; n = n.previousElementSibling) if (n.tagName === 'LI') before++;
    return start + before - (item.classList.contains('continued') ? 1 : 0);
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

  // Room left for more text when the brief fits: the free height at the foot of each column of
  // its last page, and every column of the pages it does not reach (a brief ending on page 1
  // leaves page 2 whole). In points and in body lines (11 pt).
  function spareRoom() {
    const pages = [...book.querySelectorAll('.page-columns')];
    const last = pages[pages.length - 1];
    if (!last) return { points: 0, lines: 0 };
    const box = last.getBoundingClientRect();
    const middle = (box.left + box.right) / 2;
    const lowest = [box.top, box.top];
    const range = document.createRange();
    const walker = document.createTreeWalker(last, NodeFilter.SHOW_TEXT);
    const note = (r) => {
      if (r.width + r.height === 0) return;
      const c = r.left < middle ? 0 : 1;
      lowest[c] = Math.max(lowest[c], Math.min(r.bottom, box.bottom));
    };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!/\S/.test(node.data)) continue;
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) note(r);
    }
    for (const pic of last.querySelectorAll('img, svg, table, figure')) for (const r of pic.getClientRects()) note(r);
    // Text in the left column only: nothing in the right one yet.
    let px = (box.bottom - lowest[0]) + (box.bottom - lowest[1]);
    for (let n = pages.length; n < maxContentPages; n++) px += 2 * box.height;
    const points = Math.max(0, px * 0.75);
    return { points: Math.round(points * 10) / 10, lines: Math.floor(points / 11) };
  }

  // Page-top figures whose anchors fell on the last page: they would open the next page. Measured
  // at the band's width, and reported at the figure's own source line.
  function pushedFigures(figures) {
    const band = document.createElement('div');
    band.className = 'page-band';
    band.style.cssText = 'position:absolute;visibility:hidden;width:calc(2 * var(--measure) + var(--page-gap))';
    book.lastChild.appendChild(band);
    for (const f of figures) band.appendChild(f.cloneNode(true));
    const points = band.getBoundingClientRect().height * 0.75;
    band.remove();
    const first = figures[0];
    const caption = (first.querySelector('figcaption')?.textContent || first.id || '').trim().replace(/\s+/g, ' ');
    const line = first.hasAttribute('data-line') ? Number(first.getAttribute('data-line')) : null;
    return { points: Math.round(points * 10) / 10, lines: Math.ceil(points / 11), startsWith: 'the figure placed at the top of page 3: ' + caption.slice(0, 70), line };
  }

  function overflowReport(nodes) {
    const probe = document.createElement('div');
    probe.className = 'page-columns';
    probe.style.cssText = 'column-count:1;width:241.2pt;height:auto;flex:none;position:absolute;visibility:hidden';
    book.lastChild.appendChild(probe);
    for (const n of nodes) probe.appendChild(n);
    // What spans both columns is laid at that width and takes its height in each column.
    const spans = [...probe.querySelectorAll('figure[data-place="span"]')];
    for (const f of spans) f.style.width = 'calc(2 * var(--measure) + 14.4pt)';
    const spanHeight = spans.reduce((h, f) => h + f.getBoundingClientRect().height, 0);
    const points = (probe.getBoundingClientRect().height + spanHeight) * 0.75;
    const firstText = (probe.textContent || '').trim().replace(/\s+/g, ' ');
    // The source line of the first overflowing block (data-line, set in paged mode), if it has one.
    const lined = probe.querySelector('[data-line]');
    const line = lined ? Number(lined.getAttribute('data-line')) : null;
    const chars = charCount(probe) - [...probe.querySelectorAll('[data-repeated]')].reduce((n, h) => n + charCount(h), 0);
    probe.remove();
    return { points: Math.round(points * 10) / 10, lines: Math.ceil(points / 11), startsWith: firstText.slice(0, 80), line, chars };
  }

  const report = { pages: [], overflow: null, lost: [] };
  let spilled = null;
  const onlyProductCode = (node) =>
    node.nodeType === 1 && (node.classList.contains('product-code') || ([...node.children].length === 1 && node.children[0].classList.contains('product-code') && !(node.textContent || '').replace(node.children[0].textContent || '', '').trim()));
  // Characters that left the pages in the overflow report (not laid out anywhere).
  let reportedChars = 0;
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
    // A break past the bottom that would leave the page empty (something taller than a page) is
    // not taken; what then does not fit is reported by checkNothingLost.
    const breakIn = (bounds) => {
      const found = findBreak(region, bounds);
      return found ? tableStart(found) : null;
    };
    let brk = breakIn({ left: box.left, right: box.right, top: box.top, bottom: box.bottom, bottomToo: true });
    if (brk && atStart(region, brk)) brk = breakIn(box);
    content = brk ? cut(region, brk) : [];
    // The product code closes the brief; when it alone finds no room on the last page of text it
    // goes to the top of the disclaimer page, as the originals set it (a full page 2).
    if (number === maxContentPages && content.length === 1 && onlyProductCode(content[0])) {
      spilled = content[0];
      spilled.remove();
      reportedChars += charCount(spilled);
      content = [];
    }
    pending = [...region.querySelectorAll('.figure-anchor')].map((a) => floats.get(a.dataset.figure));
    report.pages.push({ number, band: pending.length, regionHeight: Math.round(box.height * 0.75 * 10) / 10 });
    const leftover = [...content];
    if (pending.length > 0 && leftover.length === 0) {
      // Only figures left, for the top of the next page.
      if (number < maxContentPages) continue;
      if (!report.overflow) report.overflow = pushedFigures(pending);
      if (allowOverflow && number < pageLimit) continue;
      break;
    }
    if (leftover.length === 0) break;
    if (number >= maxContentPages && !report.overflow) {
      // Measured on copies when the rest goes on to further pages.
      report.overflow = overflowReport(allowOverflow ? leftover.map((n) => n.cloneNode(true)) : leftover);
      if (!allowOverflow) reportedChars += report.overflow.chars;
      delete report.overflow.chars;
    }
    if (number >= pageLimit) {
      if (allowOverflow) {
        const rest = overflowReport(leftover);
        reportedChars += rest.chars;
        report.lost.push({ line: rest.line, text: rest.startsWith, where: `beyond the ${pageLimit} pages a draft may have` });
      }
      break;
    }
  }
  if (report.overflow) report.overflow.allowed = allowOverflow;
  checkNothingLost();
  for (const a of book.querySelectorAll('.figure-anchor')) a.remove();

  const last = newPage('disclaimer');
  last.insertAdjacentHTML('beforeend', '<div class="rule-blue"></div><div class="rule-sand"></div>');
  if (spilled) {
    const code = document.createElement('div');
    code.className = 'spilled-product-code';
    code.appendChild(spilled.classList.contains('product-code') ? spilled : spilled.querySelector('.product-code'));
    last.classList.add('with-product-code');
    last.appendChild(code);
    report.productCodeSpilled = true;
  }
  last.appendChild(disclaimer);
  last.appendChild(pageFooter(true));
  report.contentPages = book.children.length - 1;
  if (!report.overflow) report.spare = spareRoom();
  if (allowOverflow && report.overflow) {
    const o = report.overflow;
    const by = o.lines > 0 ? `by ${o.lines} line${o.lines === 1 ? '' : 's'}` : 'with a figure';
    for (const page of book.children) {
      const stamp = document.createElement('div');
      stamp.className = 'draft-stamp';
      stamp.textContent = `DRAFT \u2014 overflows two pages ${by}`;
      page.appendChild(stamp);
    }
  }
  return report;

  // Every character of the flow is on a page (or in the overflow report), and every line of text
  // and every picture lies inside its page's columns or the band above them.
  function checkNothingLost() {
    const areas = [...book.querySelectorAll('.page-columns, .page-band')];
    const repeated = [...book.querySelectorAll('[data-repeated]')].reduce((n, h) => n + charCount(h), 0);
    // Page-top figures left for a page after the last one are part of the overflow report.
    const unplaced = [...floats.values()].filter((f) => !book.contains(f)).reduce((n, f) => n + charCount(f), 0);
    const placed = areas.reduce((n, a) => n + charCount(a), 0) - repeated + reportedChars + unplaced;
    if (placed !== flowChars) {
      report.lost.push({ line: null, text: '', where: `${flowChars - placed} of the flow's ${flowChars} characters are on no page` });
    }
    const seen = new Set();
    for (const page of book.children) {
      const pageBox = page.getBoundingClientRect();
      const bottom = pageBox.bottom - pxOf(page.querySelector('.page-columns'), 'margin-bottom');
      for (const area of page.querySelectorAll('.page-columns, .page-band')) {
        const box = area.classList.contains('page-band')
          ? { left: pageBox.left + pxOf(page, 'padding-left'), right: pageBox.right - pxOf(page, 'padding-right'), top: pageBox.top, bottom }
          : area.getBoundingClientRect();
        const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!/\S/.test(node.data)) continue;
          const el = node.parentElement;
          if (!el.checkVisibility()) continue;
          range.selectNodeContents(node);
          const where = outside([...range.getClientRects()], widened(el, box, pageBox));
          if (where) lose(el, node.data, where);
        }
        for (const pic of area.querySelectorAll('img, .figure-art > svg')) {
          if (!pic.checkVisibility()) continue;
          const where = outside([...pic.getClientRects()], box, true);
          if (where) lose(pic, `[picture] ${pic.getAttribute('alt') ?? ''}`, where);
        }
      }
    }
    function lose(el, text, where) {
      const lined = el.closest('[data-line]');
      const line = lined ? Number(lined.getAttribute('data-line')) : null;
      const key = `${line}|${where}`;
      if (seen.has(key)) return;
      seen.add(key);
      report.lost.push({ line, text: text.trim().replace(/\s+/g, ' ').slice(0, 60), where });
    }
  }

  // A table whose author set its columns (widths=) may reach past the columns, as wide as it was
  // set, but never past the page.
  function widened(el, box, pageBox) {
    const table = el.closest('.table-figure[style*="--table-width"] > table');
    if (!table) return box;
    const t = table.getBoundingClientRect();
    return { ...box, left: Math.max(pageBox.left, Math.min(box.left, t.left)), right: Math.min(pageBox.right, Math.max(box.right, t.right)) };
  }

  function pxOf(el, prop) {
    return el ? parseFloat(getComputedStyle(el)[prop.replace(/-(.)/g, (_, c) => c.toUpperCase())]) || 0 : 0;
  }

  // Where a set of boxes leaves `box`, if it does (1 px of slack; a line's middle must be inside,
  // a picture whole).
  function outside(rects, box, whole = false) {
    for (const r of rects) {
      if (r.width + r.height === 0) continue;
      if (r.left >= box.right - 1) return 'in a column past the right edge of the page\'s columns';
      if (r.right > box.right + 1) return 'running past the right edge of the columns';
      if (r.left < box.left - 1) return 'running past the left edge of the columns';
      if (whole && r.bottom > box.bottom + 1) return 'below the bottom of the columns';
      const middle = (r.top + r.bottom) / 2;
      if (middle > box.bottom) return 'below the bottom of the columns';
      if (middle < box.top) return 'above the top of the columns';
    }
    return null;
  }
})
