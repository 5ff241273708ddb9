// The brief's body (sanitised hast) → Word paragraphs and tables, in chunks: the two-column flow,
// and "bands" for `page-top` figures, which sections.ts sets across both columns on a new page.
// Paragraphs are kept as specs until the chunk is done, so a list can give its last item the
// space that ends the list.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type FileChild,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { styledParagraph, whereOf, type DocxContext } from './context.js';
import { bookmark, hasText, inlineRuns, isElement } from './inline.js';
import { LIST_INDENT, NUMBERING_REF, PARA_GAP, STYLE } from './styles.js';
import { PAGE, pixels, TEXT_WIDTH, twips } from './units.js';
import { hasClass } from '../../model/hast-utils.js';

export interface ParagraphSpec {
  kind: 'paragraph';
  style: string;
  options: Omit<IParagraphOptions, 'style'>;
  where: string;
}

export type Block = ParagraphSpec | { kind: 'table'; table: Table };

export interface Chunk {
  /** flow: the two-column body; band: a figure across the page at the top of a new page. */
  kind: 'flow' | 'band';
  blocks: Block[];
}

/** Containers whose children are blocks; their own element means nothing to Word. */
const CONTAINERS = new Set(['section', 'div', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'details', 'summary', 'dl', 'dt', 'dd', 'hgroup', 'center', 'address']);
const BLOCKS = new Set([...CONTAINERS, 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'figure', 'figcaption', 'blockquote', 'pre', 'hr']);
const HEADING: Record<string, string> = { h1: STYLE.heading1, h2: STYLE.heading1, h3: STYLE.heading2, h4: STYLE.heading3, h5: STYLE.heading3, h6: STYLE.heading3 };
const BULLET_STYLES = [STYLE.listBullet, STYLE.listBullet2, STYLE.listBullet3];


interface Frame {
  /** At the level of the body's flow, where a page-top figure may open a band. */
  inFlow: boolean;
  /** The width blocks are set in, in points. */
  width: number;
  /** Paragraph style for plain paragraphs here (Quote inside a blockquote). */
  paragraphStyle: string;
}

export class BodyBuilder {
  readonly chunks: Chunk[] = [{ kind: 'flow', blocks: [] }];
  /** What the chunk's last block was, for the spacing Word does not collapse. */
  private previous: 'none' | 'heading' | 'table' | 'other' = 'none';

  constructor(private readonly ctx: DocxContext) {}

  private get chunk(): Chunk {
    return this.chunks[this.chunks.length - 1]!;
  }

  private startChunk(kind: Chunk['kind']): void {
    if (this.chunk.blocks.length === 0) this.chunks.pop();
    this.chunks.push({ kind, blocks: [] });
    this.previous = 'none';
  }

  /** Adds a paragraph; a heading right under a heading, or anything under a table, starts 11 pt down. */
  paragraph(style: string, options: Omit<IParagraphOptions, 'style'>, where: string, kind: 'heading' | 'other' = 'other'): ParagraphSpec {
    const gap = (kind === 'heading' && this.previous === 'heading') || this.previous === 'table';
    const spec: ParagraphSpec = { kind: 'paragraph', style, options: gap ? { ...options, spacing: { ...options.spacing, before: twips(PARA_GAP) } } : options, where };
    this.chunk.blocks.push(spec);
    this.previous = kind;
    return spec;
  }

  /**
   * A paragraph read from one element of the model. In a tracked-changes document the blocks the
   * earlier version had before it come first, struck through, and its own runs carry the edits.
   */
  private fromNode(node: Element, style: string, options: Omit<IParagraphOptions, 'style'>, runs: () => ParagraphChild[], where: string, kind: 'heading' | 'other' = 'other', wrap: (c: ParagraphChild[]) => ParagraphChild[] = (c) => c): ParagraphSpec {
    const revision = this.ctx.revision;
    for (const d of revision?.deletedBefore(node) ?? []) this.paragraph(d.style, { children: d.children, run: d.run }, `${where} (deleted before it)`);
    const revised = revision?.block(node);
    return this.paragraph(style, { ...options, children: wrap(revised?.children ?? runs()), ...(revised?.run ? { run: revised.run } : {}) }, where, kind);
  }

  private table(table: Table): void {
    // Word joins two tables that touch into one; a paragraph between keeps them apart.
    if (this.previous === 'table') this.paragraph(STYLE.normal, { spacing: { after: 0 } }, 'between two tables');
    this.chunk.blocks.push({ kind: 'table', table });
    this.previous = 'table';
  }

  body(root: Root): this {
    this.blocks(root.children.filter((n): n is ElementContent => n.type === 'element' || n.type === 'text'), { inFlow: true, width: PAGE.column, paragraphStyle: STYLE.normal });
    for (const d of this.ctx.revision?.deletedAtEnd() ?? []) this.append(d.style, { children: d.children, run: d.run }, 'deleted at the end');
    return this;
  }

  /** Adds blocks to the flow's last chunk (the author block goes there). */
  append(style: string, options: Omit<IParagraphOptions, 'style'>, where: string): void {
    if (this.chunk.kind !== 'flow') this.startChunk('flow');
    this.paragraph(style, options, where);
  }

  blocks(nodes: readonly (ElementContent | RootContent)[], frame: Frame): void {
    let inline: ElementContent[] = [];
    const flush = () => {
      if (hasText(inline)) this.paragraph(frame.paragraphStyle, { children: inlineRuns(this.ctx, inline, whereOf(this.ctx, inline[0], 'text')) }, whereOf(this.ctx, inline[0], 'text'));
      inline = [];
    };
    for (const node of nodes) {
      if (node.type === 'text') inline.push(node);
      else if (node.type !== 'element') continue;
      else if (!BLOCKS.has(node.tagName)) inline.push(node);
      else {
        flush();
        this.block(node, frame);
      }
    }
    flush();
  }

  private block(node: Element, frame: Frame): void {
    const where = whereOf(this.ctx, node, `<${node.tagName}>`);
    const tag = node.tagName;
    if (hasClass(node, 'figure-data')) return; // the figure's data table: the HTML's, not running text
    if (tag === 'p') {
      if (hasText(node.children)) this.fromNode(node, frame.paragraphStyle, {}, () => inlineRuns(this.ctx, node.children, where), where);
    } else if (tag in HEADING) {
      this.fromNode(node, HEADING[tag]!, {}, () => inlineRuns(this.ctx, node.children, where), where, 'heading', (c) => bookmark(this.ctx, node.properties.id, c));
    } else if (tag === 'ul' || tag === 'ol') {
      const before = this.chunk.blocks.length;
      this.list(node, 0, frame);
      // The list ends with a paragraph's 11 pt, not an item's 6 pt.
      const last = this.chunk.blocks.slice(before).reverse().find((b): b is ParagraphSpec => b.kind === 'paragraph');
      if (last) last.options = { ...last.options, spacing: { ...last.options.spacing, after: twips(PARA_GAP) } };
    } else if (tag === 'figure') {
      this.figure(node, frame);
    } else if (tag === 'table') {
      this.table(this.tableOf(node, frame.width));
    } else if (tag === 'blockquote') {
      this.blocks(node.children, { ...frame, inFlow: false, paragraphStyle: STYLE.blockQuote });
    } else if (tag === 'pre') {
      this.paragraph(frame.paragraphStyle, { children: this.preformatted(node, where) }, where);
    } else if (tag === 'hr') {
      this.paragraph(STYLE.normal, { border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'auto', space: 1 } } }, where);
    } else if (tag === 'figcaption') {
      this.fromNode(node, STYLE.figureCaption, {}, () => inlineRuns(this.ctx, node.children, where), where);
    } else {
      this.blocks(node.children, tag === 'li' ? { ...frame, inFlow: false } : frame);
    }
  }

  /** A list: bullets through the List Bullet styles (their numbering), numbers counted per list. */
  private list(node: Element, level: number, frame: Frame): void {
    const ordered = node.tagName === 'ol';
    const instance = ordered ? this.ctx.nextListInstance++ : 0;
    const depth = Math.min(level, 2);
    for (const item of node.children) {
      if (!isElement(item, 'li')) continue;
      let first = true;
      let inline: ElementContent[] = [];
      // `from` is the element the paragraph's text is read from: the <li>, or a <p> in it.
      const itemParagraph = (from: Element, runs: () => ParagraphChild[], where: string) => {
        if (first) {
          if (ordered) this.fromNode(from, STYLE.listNumber, { numbering: { reference: NUMBERING_REF.number, level: depth, instance, custom: true } }, runs, where);
          else this.fromNode(from, BULLET_STYLES[depth]!, {}, runs, where);
        } else {
          this.fromNode(from, STYLE.listContinue, { indent: { left: twips(LIST_INDENT * (depth + 1)) } }, runs, where);
        }
        first = false;
      };
      const flush = () => {
        const nodes = inline;
        if (hasText(nodes)) itemParagraph(item, () => inlineRuns(this.ctx, nodes, whereOf(this.ctx, item, '<li>')), whereOf(this.ctx, item, '<li>'));
        inline = [];
      };
      for (const child of item.children) {
        if (child.type === 'text' || (child.type === 'element' && !BLOCKS.has(child.tagName))) {
          inline.push(child);
          continue;
        }
        if (child.type !== 'element') continue;
        flush();
        if (child.tagName === 'p') {
          if (hasText(child.children)) itemParagraph(child, () => inlineRuns(this.ctx, child.children, whereOf(this.ctx, child, '<p>')), whereOf(this.ctx, child, '<li><p>'));
        } else if (child.tagName === 'ul' || child.tagName === 'ol') {
          this.list(child, level + 1, frame);
          first = false;
        } else {
          this.block(child, { ...frame, inFlow: false });
          first = false;
        }
      }
      flush();
    }
  }

  private figure(node: Element, frame: Frame): void {
    const id = String(node.properties.id ?? '');
    const model = this.ctx.figures.get(id);
    // Word cannot know where a page will break, so a `page-top` figure ends the two-column
    // section with a next-page break and sits in a one-column section of its own, the columns
    // continuing below it (sections.ts). A `column` figure stays in its column.
    const band = frame.inFlow && node.properties.dataPlace === 'page-top';
    const width = band ? TEXT_WIDTH : frame.width;
    if (band) this.startChunk('band');
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const where = whereOf(this.ctx, child, `<figure id="${id}"> <${child.tagName}>`);
      if (child.tagName === 'figcaption') {
        this.fromNode(child, STYLE.figureCaption, {}, () => inlineRuns(this.ctx, child.children, where), where, 'other', (c) => bookmark(this.ctx, id, c));
      } else if (hasClass(child, 'figure-art')) {
        if (!model) throw new Error(`DOCX: figure "${id}" at ${where} has no figure in the document model`);
        this.paragraph(STYLE.figure, { children: [this.image(model.id, model.alt, model.number, width)] }, where);
      } else if (hasClass(child, 'figure-source')) {
        this.fromNode(child, STYLE.sourceNote, {}, () => inlineRuns(this.ctx, child.children, where), where);
      } else if (!hasClass(child, 'figure-data')) {
        this.block(child, { ...frame, inFlow: false, width });
      }
    }
    if (band) this.startChunk('flow');
  }

  /** The figure's SVG, with its PNG for readers without SVG, at its printed size (or the column's). */
  private image(id: string, alt: string, number: number, width: number): ImageRun {
    const img = this.ctx.images.get(id);
    if (!img) throw new Error(`DOCX: no image was made for figure "${id}"`);
    const scale = Math.min(1, width / img.widthPt);
    return new ImageRun({
      type: 'svg',
      data: Buffer.from(img.svg, 'utf8'),
      fallback: { type: 'png', data: img.png },
      transformation: { width: pixels(img.widthPt * scale), height: pixels(img.heightPt * scale) },
      altText: { id: String(this.ctx.nextDrawingId++), name: `Figure ${number}`, title: `Figure ${number}`, description: alt },
    });
  }

  private preformatted(node: Element, where: string): ParagraphChild[] {
    const text = textOf(node).replace(/\n$/, '');
    return text.split('\n').flatMap((line, i) => inlineRuns(this.ctx, [...(i > 0 ? [{ type: 'element', tagName: 'br', properties: {}, children: [] } as Element] : []), { type: 'text', value: line.replace(/ /g, '\u00a0') }], where));
  }

  /** A GFM table: thin rules at the top, under the header row and at the bottom (house style). */
  private tableOf(node: Element, width: number): Table {
    const rows: { cells: Element[]; header: boolean }[] = [];
    const walk = (el: Element, header: boolean) => {
      for (const child of el.children) {
        if (!isElement(child)) continue;
        if (child.tagName === 'tr') {
          const cells = child.children.filter((c): c is Element => isElement(c, 'td', 'th'));
          rows.push({ cells, header: header || (cells.length > 0 && cells.every((c) => c.tagName === 'th')) });
        } else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) walk(child, child.tagName === 'thead');
      }
    };
    walk(node, false);
    const columns = Math.max(1, ...rows.map((r) => r.cells.length));
    const columnWidth = twips(width / columns);
    const rule = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
    const lastHeader = rows.map((r) => r.header).lastIndexOf(true);
    return new Table({
      width: { size: columnWidth * columns, type: WidthType.DXA },
      columnWidths: Array.from({ length: columns }, () => columnWidth),
      layout: TableLayoutType.FIXED,
      borders: { top: rule, bottom: rule, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: rows.map(
        (row, r) =>
          new TableRow({
            tableHeader: row.header,
            cantSplit: true,
            children: Array.from({ length: columns }, (_, c) => {
              const cell = row.cells[c];
              const where = whereOf(this.ctx, cell ?? node, `<${cell?.tagName ?? 'td'}>`);
              const align = cell?.properties.align;
              return new TableCell({
                width: { size: columnWidth, type: WidthType.DXA },
                margins: { top: 0, bottom: 0, left: twips(3), right: twips(3) },
                ...(r === lastHeader ? { borders: { bottom: rule } } : {}),
                children: [
                  styledParagraph(
                    this.ctx,
                    row.header || cell?.tagName === 'th' ? STYLE.tableHeading : STYLE.tableText,
                    {
                      children: cell ? inlineRuns(this.ctx, cell.children, where) : [],
                      ...(align === 'center' ? { alignment: AlignmentType.CENTER } : align === 'right' ? { alignment: AlignmentType.RIGHT } : {}),
                    },
                    where,
                  ),
                ],
              });
            }),
          }),
      ),
    });
  }
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.tagName === 'br' ? '\n' : node.children.map(textOf).join('');
  return '';
}

/** A chunk's blocks as docx objects, each paragraph in its named style. */
export function materialize(ctx: DocxContext, blocks: readonly Block[]): FileChild[] {
  return blocks.map((b) => (b.kind === 'table' ? b.table : styledParagraph(ctx, b.style, b.options, b.where)));
}
