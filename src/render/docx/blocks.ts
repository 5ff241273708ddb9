// The brief's body (sanitised hast) → Word paragraphs and tables, in chunks: the two-column flow,
// and "bands" for `page-top` figures, which sections.ts sets across both columns on a new page.
// Paragraphs are kept as specs until the chunk is done, so a list can give its last item the
// space that ends the list.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type FileChild,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { type DeletedRow, styledParagraph, styledRun, whereOf, type DocxContext } from './context.js';
import { bookmark, hasText, inlineRuns, isElement } from './inline.js';
import { HEADING_LEVEL, NUMBERING_REF, pageGeometry, STYLE } from './styles.js';
import { eighths, emus, pixels, twips } from './units.js';
import { hasClass, tableRows, tableWidths } from '../../model/hast-utils.js';
import type { FigureModel } from '../../model/types.js';
import type { Edition } from '../../style/edition.js';
import { CLASS, PROP } from '../../model/vocabulary.js';

export interface ParagraphSpec {
  kind: 'paragraph';
  style: string;
  options: Omit<IParagraphOptions, 'style'>;
  where: string;
}

export type Block = ParagraphSpec | { kind: 'table'; table: Table };

export interface Chunk {
  /**
   * flow: the two-column body; band: a figure across the page at the top of a new page; span: a
   * figure or table across both columns where it stands.
   */
  kind: 'flow' | 'band' | 'span';
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

  /**
   * Adds a paragraph. What CSS gets from collapsing margins, set on this paragraph: a heading right
   * under a heading starts its full `before` down (the heading above has no space after), anything
   * under a table a paragraph gap down (a table has none after), a heading there the larger of the two.
   */
  paragraph(style: string, options: Omit<IParagraphOptions, 'style'>, where: string, kind: 'heading' | 'other' = 'other'): ParagraphSpec {
    const { body, headings } = this.ctx.edition;
    const level = kind === 'heading' ? HEADING_LEVEL[style as keyof typeof HEADING_LEVEL] : undefined;
    const headingBefore = level ? headings[level].before : 0;
    const gap = kind === 'heading' && this.previous === 'heading' ? headingBefore : this.previous === 'table' ? Math.max(body.paragraphGap, headingBefore) : undefined;
    const before = gap === undefined ? undefined : Math.max(options.spacing?.before ?? 0, twips(gap));
    const spec: ParagraphSpec = { kind: 'paragraph', style, options: before !== undefined ? { ...options, spacing: { ...options.spacing, before } } : options, where };
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
    this.blocks(root.children.filter((n): n is ElementContent => n.type === 'element' || n.type === 'text'), { inFlow: true, width: this.ctx.edition.page.column, paragraphStyle: STYLE.normal });
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
    if (hasClass(node, CLASS.figureData)) return; // the figure's data table: the HTML's, not running text
    if (tag === 'p') {
      if (hasText(node.children)) this.fromNode(node, frame.paragraphStyle, {}, () => inlineRuns(this.ctx, node.children, where), where);
    } else if (tag in HEADING) {
      this.fromNode(node, HEADING[tag]!, {}, () => inlineRuns(this.ctx, node.children, where), where, 'heading', (c) => bookmark(this.ctx, node.properties.id, c));
    } else if (tag === 'ul' || tag === 'ol') {
      const before = this.chunk.blocks.length;
      this.list(node, 0, frame);
      // The list ends with a paragraph's gap, not an item's.
      const last = this.chunk.blocks.slice(before).reverse().find((b): b is ParagraphSpec => b.kind === 'paragraph');
      if (last) last.options = { ...last.options, spacing: { ...last.options.spacing, after: twips(this.ctx.edition.body.paragraphGap) } };
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
          this.fromNode(from, STYLE.listContinue, { indent: { left: twips(this.ctx.edition.lists.indent * (depth + 1)) } }, runs, where);
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

  /**
   * A numbered figure or table. `column`: in its column. `page-top`: Word cannot know where a page
   * will break, so the figure ends the two-column section with a next-page break and sits in a
   * one-column section of its own, the columns continuing below it (sections.ts). `span`: across
   * both columns where it is written: the columns above it end with a continuous section break
   * (Word balances them above it), it sits in a one-column section, and two columns continue below
   * it. What Word cannot do is float a spanning figure with its caption and Source lines to the
   * top or bottom of the page while the columns flow around it (that takes a floating text box,
   * which loses the styles and reading order); the PDF does that, the DOCX keeps it in place.
   */
  private figure(node: Element, frame: Frame): void {
    const id = String(node.properties.id ?? '');
    const isTable = hasClass(node, CLASS.tableFigure);
    const place = node.properties[PROP.place];
    const wide = frame.inFlow && (place === 'page-top' || place === 'span');
    const width = wide ? pageGeometry(this.ctx.edition).textWidth : frame.width;
    if (wide) this.startChunk(place === 'page-top' ? 'band' : 'span');
    const what = isTable ? `<figure class="${CLASS.tableFigure}" id="${id}">` : `<figure id="${id}">`;
    const notes: ParagraphSpec[] = [];
    let source: ParagraphSpec | undefined;
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const where = whereOf(this.ctx, child, `${what} <${child.tagName}>`);
      const runs = () => inlineRuns(this.ctx, child.children, where);
      if (child.tagName === 'figcaption') {
        this.fromNode(child, isTable ? STYLE.tableCaption : STYLE.figureCaption, {}, runs, where, 'other', (c) => bookmark(this.ctx, id, c));
      } else if (hasClass(child, CLASS.subtitle)) {
        this.fromNode(child, STYLE.figureSubtitle, {}, runs, where);
      } else if (hasClass(child, CLASS.art)) {
        const model = this.ctx.figures.get(id);
        if (!model) throw new Error(`DOCX: figure "${id}" at ${where} has no figure in the document model`);
        this.paragraph(STYLE.figure, { children: [this.image(model, width)] }, where);
      } else if (child.tagName === 'table') {
        this.table(this.tableOf(child, width, isTable ? tableWidths(node) : null));
        // The Source line sits close under the table's bottom rule (IF12255), not a blank line down.
        this.previous = 'other';
      } else if (hasClass(child, CLASS.source) || hasClass(child, CLASS.notes)) {
        // Notes follow the Source line closely (IF13205: 12 pt baseline to baseline), not a blank
        // line down, and the Source line keeps with them on its page or column.
        if (hasClass(child, CLASS.notes) && source) source.options = { ...source.options, keepNext: true, spacing: { ...source.options.spacing, after: twips(this.ctx.edition.figure.notesBefore) } };
        const spec = this.fromNode(child, STYLE.sourceNote, {}, runs, where);
        source = hasClass(child, CLASS.source) ? spec : undefined;
      } else if (hasClass(child, CLASS.tableNotes)) {
        for (const note of child.children) {
          if (!isElement(note, 'p') || !hasText(note.children)) continue;
          const noteWhere = whereOf(this.ctx, note, `${what} <p class="${CLASS.tableNote}">`);
          notes.push(this.fromNode(note, STYLE.tableNote, {}, () => this.noteRuns(note, noteWhere), noteWhere));
        }
      } else if (!hasClass(child, CLASS.figureData)) {
        this.block(child, { ...frame, inFlow: false, width });
      }
    }
    // The last note ends the table with a paragraph's space; so does a picture with no Source or
    // Notes line under it (IF13200: its note is in the bitmap).
    const gap = twips(this.ctx.edition.body.paragraphGap);
    const lastNote = notes[notes.length - 1];
    if (lastNote) lastNote.options = { ...lastNote.options, spacing: { ...lastNote.options.spacing, after: gap } };
    const last = this.chunk.blocks[this.chunk.blocks.length - 1];
    if (last?.kind === 'paragraph' && last.style === STYLE.figure) last.options = { ...last.options, spacing: { ...last.options.spacing, after: gap } };
    if (wide) this.startChunk('flow');
  }

  /** A table note: its label, a tab to the hanging indent, then its text. */
  private noteRuns(note: Element, where: string): ParagraphChild[] {
    const at = note.children.findIndex((c) => c.type !== 'text' || c.value.trim() !== '');
    const first = note.children[at];
    if (!first || !isElement(first) || !hasClass(first, CLASS.noteLabel)) return inlineRuns(this.ctx, note.children, where);
    const rest = note.children.slice(at + 1);
    return [...inlineRuns(this.ctx, first.children, where), styledRun(this.ctx, { children: [new Tab()] }, where), ...inlineRuns(this.ctx, rest, where)];
  }

  /**
   * The figure's graphic at its printed size, scaled down to the width it is set in. A data
   * figure: its SVG with a PNG for readers without SVG. A picture: PNG or JPEG as it is, SVG with
   * a PNG fallback, framed by a thin (0.5 pt) black line as the originals frame them.
   */
  private image(figure: FigureModel, width: number): ImageRun {
    const img = this.ctx.images.get(figure.id);
    if (!img) throw new Error(`DOCX: no image was made for figure "${figure.id}"`);
    const scale = Math.min(1, width / img.widthPt, maxFigureHeight(this.ctx.edition) / img.heightPt);
    const common = {
      transformation: { width: pixels(img.widthPt * scale), height: pixels(img.heightPt * scale) },
      altText: { id: String(this.ctx.nextDrawingId++), name: `Figure ${figure.number}`, title: `Figure ${figure.number}`, description: figure.alt },
    };
    if (figure.kind === 'data') {
      if (img.format !== 'svg') throw new Error(`DOCX: figure "${figure.id}" is drawn from data but its image is not SVG`);
      return new ImageRun({ type: 'svg', data: Buffer.from(img.svg, 'utf8'), fallback: { type: 'png', data: img.png }, ...common });
    }
    const frame = { outline: { type: 'solidFill', solidFillType: 'rgb', value: '000000', width: emus(this.ctx.edition.figure.frame) } } as const;
    if (img.format === 'svg') return new ImageRun({ type: 'svg', data: Buffer.from(img.svg, 'utf8'), fallback: { type: 'png', data: img.png }, ...common, ...frame });
    if (img.format === 'jpeg') return new ImageRun({ type: 'jpg', data: img.jpeg, ...common, ...frame });
    return new ImageRun({ type: 'png', data: img.png, ...common, ...frame });
  }

  private preformatted(node: Element, where: string): ParagraphChild[] {
    const text = textOf(node).replace(/\n$/, '');
    return text.split('\n').flatMap((line, i) => inlineRuns(this.ctx, [...(i > 0 ? [{ type: 'element', tagName: 'br', properties: {}, children: [] } as Element] : []), { type: 'text', value: line.replace(/ /g, '\u00a0') }], where));
  }

  /**
   * A GFM table as a Word table in the house style (IF12255): thin black rules at the top, under
   * the header row and at the bottom only; the header row bold and centred, repeated on every page;
   * rows never split; cells aligned as the delimiter row says; columns as wide as their content
   * needs, in proportion. In a tracked-changes document, a cell's edits are inside the cell, and
   * rows that came or went are inserted or deleted rows.
   */
  private tableOf(node: Element, width: number, set: number[] | null = null): Table {
    const rows = tableRows(node);
    const columns = Math.max(1, ...rows.map((r) => r.cells.length));
    const { table: house } = this.ctx.edition;
    // The author's widths (centred, past the margins if wider, as Word sets them), else by content.
    const widths = set?.length === columns ? set.map(twips) : columnWidths(rows.map((r) => r.cells.map((c) => textOf(c))), columns, twips(width), house.cellPaddingLeft + house.cellPaddingRight);
    const rule = { style: BorderStyle.SINGLE, size: eighths(house.rule), color: '000000' };
    const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
    // The header rows: the first rows, as far as they are header rows (only those repeat).
    let headerRows = 0;
    while (headerRows < rows.length && rows[headerRows]!.header) headerRows++;
    const revision = this.ctx.revision;
    const cellOf = (c: number, children: Paragraph[], borders: boolean) =>
      new TableCell({
        width: { size: widths[c]!, type: WidthType.DXA },
        margins: { top: twips(house.cellPaddingBlock), bottom: twips(house.cellPaddingBlock), left: twips(house.cellPaddingLeft), right: twips(house.cellPaddingRight) },
        ...(borders ? { borders: { bottom: rule } } : {}),
        children,
      });
    // A row the earlier version had and this one does not: a tracked deleted row.
    const deletedRow = (deleted: DeletedRow): TableRow =>
      new TableRow({
        cantSplit: true,
        deletion: deleted.mark,
        children: Array.from({ length: columns }, (_, c) => {
          const cell = deleted.cells[c];
          return cellOf(c, [styledParagraph(this.ctx, cell?.style ?? STYLE.tableText, cell ? { children: cell.children, run: cell.run } : {}, 'deleted table row')], false);
        }),
      });
    const trs: TableRow[] = [];
    rows.forEach((row, r) => {
      const header = r < headerRows;
      const style = header || row.cells.some((c) => c.tagName === 'th') ? STYLE.tableHeading : STYLE.tableText;
      // Rows the earlier version had here and this one does not: deleted rows.
      for (const deleted of revision?.deletedRowsBefore(row.tr) ?? []) trs.push(deletedRow(deleted));
      const inserted = revision?.insertedRow(row.tr);
      trs.push(
        new TableRow({
          tableHeader: header,
          cantSplit: true,
          ...(inserted ? { insertion: inserted } : {}),
          children: Array.from({ length: columns }, (_, c) => {
            const cell = row.cells[c];
            const where = whereOf(this.ctx, cell ?? node, `<${cell?.tagName ?? 'td'}>`);
            const align = cell?.properties.align;
            const alignment = align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : align === 'left' ? AlignmentType.LEFT : undefined;
            const paragraphs: Paragraph[] = [];
            // A cell's text deleted without its row (a column that went): struck through in the cell.
            for (const d of cell ? (revision?.deletedBefore(cell) ?? []) : []) paragraphs.push(styledParagraph(this.ctx, style, { children: d.children, run: d.run }, `${where} (deleted before it)`));
            const revised = cell ? revision?.block(cell) : undefined;
            paragraphs.push(
              styledParagraph(
                this.ctx,
                style,
                {
                  children: revised?.children ?? (cell ? inlineRuns(this.ctx, cell.children, where) : []),
                  ...(revised?.run ? { run: revised.run } : {}),
                  // The header is centred by its style; body cells follow the delimiter row.
                  ...(alignment !== undefined && !header ? { alignment } : {}),
                },
                where,
              ),
            );
            return cellOf(c, paragraphs, r === headerRows - 1);
          }),
        }),
      );
    });
    for (const deleted of revision?.deletedRowsAfter(node) ?? []) trs.push(deletedRow(deleted));
    return new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: { top: rule, bottom: rule, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: trs,
    });
  }
}

/** Room a picture leaves on the page for its caption and Source line (Word only: the PDF paginates). */
const FIGURE_FURNITURE_ROOM = 100;
/** No picture taller than the page's text block less room for its caption and Source line. */
const maxFigureHeight = ({ page }: Edition): number => page.height - page.top - page.bottom - FIGURE_FURNITURE_ROOM;

/**
 * Column widths in twips, summing to `total`: each column in proportion to the square root of its
 * cells' average text length (long prose columns get more room, without starving short number
 * columns; IF12255's original comes out within a few points), and never narrower than its longest
 * word needs.
 */
/** `padding`: a cell's left and right padding together, in points. */
export function columnWidths(rows: string[][], columns: number, total: number, padding: number): number[] {
  const CHAR = twips(4.4); // an average Gill Sans 8.5 pt character, with a margin
  const paddingTwips = twips(padding);
  const weight: number[] = [];
  const least: number[] = [];
  for (let c = 0; c < columns; c++) {
    const texts = rows.map((r) => (r[c] ?? '').replace(/\s+/g, ' ').trim());
    const average = texts.reduce((n, t) => n + t.length, 0) / Math.max(1, texts.length);
    weight.push(Math.sqrt(Math.max(1, average)));
    least.push(Math.max(...texts.flatMap((t) => t.split(' ').map((w) => w.length)), 1) * CHAR + paddingTwips);
  }
  // Columns whose share is below their least width get it; the rest share what is left.
  const fixed = new Map<number, number>();
  for (;;) {
    const free = total - [...fixed.values()].reduce((a, b) => a + b, 0);
    const open = weight.map((w, c) => (fixed.has(c) ? 0 : w));
    const sum = open.reduce((a, b) => a + b, 0);
    const short = open.findIndex((w, c) => !fixed.has(c) && (free * w) / sum < least[c]!);
    if (short < 0 || fixed.size === columns - 1) {
      const widths = weight.map((w, c) => fixed.get(c) ?? Math.floor((free * open[c]!) / sum));
      // Rounding: the last column takes what is left, so the table is exactly `total` wide.
      widths[columns - 1]! += total - widths.reduce((a, b) => a + b, 0);
      return widths;
    }
    fixed.set(short, Math.min(least[short]!, Math.floor(total / columns)));
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
