// What the brief has besides its body, from the same sources the HTML uses: the masthead (the SVG
// partial, rasterised), the title band and author block (front matter), and the disclaimer (its
// one copy, the partial). The partials are parsed, not copied, so there is one text to maintain.
import fs from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { unified } from 'unified';
import { ImageRun, type IParagraphOptions } from 'docx';
import type { BriefDocument } from '../../model/types.js';
import { rasterize } from '../figures/rasterize.js';
import { TEMPLATES_DIR } from '../shared/paths.js';
import { whereOf, type DocxContext } from './context.js';
import { inlineRuns } from './inline.js';
import type { Edition } from '../../style/edition.js';
import { pageGeometry, STYLE } from './styles.js';
import { pixels, twips } from './units.js';
import { hasClass } from '../../model/hast-utils.js';

type Add = (style: string, options: Omit<IParagraphOptions, 'style'>, where: string) => void;

const HOUSE = 'in-focus';

/** A partial without variables, read and parsed; one that has any is not for us to fill in. */
export function staticPartial(name: string): { file: string; html: string; tree: Root } {
  const file = path.join(TEMPLATES_DIR, HOUSE, 'partials', `${name}.hbs`);
  const html = fs.readFileSync(file, 'utf8');
  if (html.includes('{{')) throw new Error(`DOCX: ${path.relative(process.cwd(), file)} uses template variables; expected a partial without any`);
  const raw = { type: 'root', children: [{ type: 'raw', value: html }] } as unknown as Root;
  return { file, html, tree: unified().use(rehypeRaw).runSync(raw) as Root };
}

function elements(node: Root | Element, match: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (match(child)) out.push(child);
    elements(child, match, out);
  }
  return out;
}


export interface Masthead {
  png: Uint8Array;
  widthPt: number;
  heightPt: number;
  alt: string;
}

/** The masthead as a 300 dpi PNG (in the project's fonts) with its text (aria-label) as alt text. */
export async function masthead(edition: Edition): Promise<Masthead> {
  const { file, html, tree } = staticPartial('masthead');
  const svg = elements(tree, (el) => el.tagName === 'svg')[0];
  const viewBox = String(svg?.properties.viewBox ?? '').split(/[\s,]+/).map(Number);
  const alt = svg?.properties.ariaLabel;
  if (!svg || viewBox.length !== 4 || viewBox.some((n) => !Number.isFinite(n)) || typeof alt !== 'string') {
    throw new Error(`DOCX: ${path.relative(process.cwd(), file)}: expected one <svg> with a viewBox and an aria-label`);
  }
  const [, , w, h] = viewBox as [number, number, number, number];
  // The viewBox is in points; printed full width, as on page 1 of the PDF.
  const widthPt = pageGeometry(edition).textWidth;
  const heightPt = (h * widthPt) / w;
  return { png: await rasterize(html, widthPt), widthPt, heightPt, alt };
}

export function mastheadImage(ctx: DocxContext, m: Masthead): ImageRun {
  return new ImageRun({
    type: 'png',
    data: m.png,
    transformation: { width: pixels(m.widthPt), height: pixels(m.heightPt) },
    altText: { id: String(ctx.nextDrawingId++), name: 'Masthead', title: 'Congressional Research Service, In Focus', description: m.alt },
  });
}

/** Date line ("Updated …" for an updated version) and title, across the page. */
export function titleBand(ctx: DocxContext, doc: BriefDocument, add: Add): void {
  const date = `${doc.meta.status === 'updated' ? 'Updated ' : ''}${doc.displayDate}`;
  // In a tracked-changes document, a changed date or title carries its edits.
  const line = (label: 'Date' | 'Title', text: string) => {
    const revised = ctx.revision?.metadata(label);
    return { children: revised?.children ?? inlineRuns(ctx, [{ type: 'text', value: text }], label.toLowerCase()), ...(revised?.run ? { run: revised.run } : {}) };
  };
  add(STYLE.date, line('Date', date), `${ctx.source} (front matter: date)`);
  add(STYLE.title, line('Title', doc.meta.title), `${ctx.source} (front matter: title)`);
}

/** "**Name**, Title" per author under a rule, then the product code, closing the last column. */
export function authorBlock(ctx: DocxContext, doc: BriefDocument, add: Add): void {
  const where = `${ctx.source} (front matter: authors)`;
  // The block starts furniture.authorsBefore below the text above it, whose paragraph gap Word
  // adds anyway: what is left over is the first author's space before.
  const { body, furniture } = ctx.edition;
  const before = Math.max(0, furniture.authorsBefore - body.paragraphGap);
  doc.meta.authors.forEach((author, i) => {
    const children: ElementContent[] = [
      { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: author.name }] },
      { type: 'text', value: `, ${author.title}` },
    ];
    add(STYLE.author, { ...(i === 0 && before > 0 ? { spacing: { before: twips(before) } } : {}), children: inlineRuns(ctx, children, where) }, where);
  });
  add(STYLE.productCode, { children: inlineRuns(ctx, [{ type: 'text', value: doc.meta.product }], where) }, `${ctx.source} (front matter: product)`);
}

/** The disclaimer: its heading and paragraphs, as the partial has them. */
export function disclaimer(ctx: DocxContext, add: Add): void {
  const { file, tree } = staticPartial('disclaimer');
  const heading = elements(tree, (el) => /^h[1-6]$/.test(el.tagName))[0];
  const paragraphs = elements(tree, (el) => el.tagName === 'p' && hasClass(el, 'disclaimer-text'));
  if (!heading || paragraphs.length === 0) throw new Error(`DOCX: ${path.relative(process.cwd(), file)}: expected a heading and a <p class="disclaimer-text">`);
  const local = { ...ctx, source: path.relative(process.cwd(), file) };
  add(STYLE.disclaimerHeading, { children: inlineRuns(ctx, heading.children, whereOf(local, heading, `<${heading.tagName}>`)) }, whereOf(local, heading, `<${heading.tagName}>`));
  for (const p of paragraphs) add(STYLE.disclaimer, { children: inlineRuns(ctx, p.children, whereOf(local, p, '<p>')) }, whereOf(local, p, '<p>'));
}
