// What the DOCX renderer carries while it builds one brief: the figures' images, counters for the
// ids Word needs unique (drawings, bookmarks, numbered lists), and every style reference made, so
// that an unknown style is caught before packing rather than found by a reader.
import path from 'node:path';
import type { Element, Nodes as Node } from 'hast';
import { Paragraph, TextRun, type IParagraphOptions, type IParagraphRunOptions, type IRunOptions, type ParagraphChild } from 'docx';
import type { FigureImage } from '../figures/figure-image.js';
import type { FigureModel } from '../../model/types.js';
import { NEWEST_EDITION, type Edition } from '../../style/edition.js';
import { EDITIONS } from '../../style/editions.js';
import { DEFINED_STYLES } from './styles.js';

export interface StyleUse {
  id: string;
  kind: 'paragraph' | 'character';
  where: string;
}

/**
 * Tracked changes against an earlier version (src/render/redline/tracked-docx.ts): for a block
 * that changed or is new, its runs with insertions and deletions; before a block, the blocks the
 * earlier version had there and this one deleted. Without it, the document is plain.
 */
export interface Revision {
  block(node: Element): RevisedBlock | undefined;
  deletedBefore(node: Element): DeletedParagraph[];
  /** Deleted blocks after the last block of the body. */
  deletedAtEnd(): DeletedParagraph[];
  /** A front matter line of the title band (the date line, the title) that changed. */
  metadata(label: 'Title' | 'Date'): RevisedBlock | undefined;
  /** Table rows the earlier version had before this <tr> (deleted rows, inside the table). */
  deletedRowsBefore(row: Element): DeletedRow[];
  /** Table rows the earlier version had after the last row of this <table>. */
  deletedRowsAfter(table: Element): DeletedRow[];
  /** The insertion mark of a row that is new in this version, if it is. */
  insertedRow(row: Element): ChangeMark | undefined;
}

export interface ChangeMark {
  id: number;
  author: string;
  date: string;
}

export interface RevisedBlock {
  children: ParagraphChild[];
  run?: IParagraphRunOptions;
}

export interface DeletedRow {
  mark: ChangeMark;
  /** The row's cells by column; a column without a cell is left empty. */
  cells: (DeletedParagraph | undefined)[];
}

export interface DeletedParagraph {
  style: string;
  children: ParagraphChild[];
  run: IParagraphRunOptions;
}

export interface DocxContext {
  /** The brief's source, relative, for messages. */
  source: string;
  /** The house style it is set in (the brief's edition with its `layout:`): every number the body's paragraphs need. */
  edition: Edition;
  figures: Map<string, FigureModel>;
  images: Map<string, FigureImage>;
  styleUses: StyleUse[];
  /** wp:docPr ids: unique in the package, and set here rather than by docx's process-wide counter. */
  nextDrawingId: number;
  nextBookmarkId: number;
  /** Each numbered list is its own instance, so each counts from 1. */
  nextListInstance: number;
  revision?: Revision;
}

/** A context for one brief; without an edition (tests of single paragraphs), the newest. */
export function createContext(options: { sourcePath?: string; edition?: Edition; figures?: FigureModel[]; images?: Map<string, FigureImage>; revision?: Revision } = {}): DocxContext {
  return {
    ...(options.revision ? { revision: options.revision } : {}),
    source: options.sourcePath ? path.relative(process.cwd(), options.sourcePath) : 'brief',
    edition: options.edition ?? EDITIONS[NEWEST_EDITION],
    figures: new Map((options.figures ?? []).map((f) => [f.id, f])),
    images: options.images ?? new Map(),
    styleUses: [],
    nextDrawingId: 1,
    nextBookmarkId: 1,
    nextListInstance: 1,
  };
}

/** "content/IF11415/brief.md:12:1 (<p>)": where a block came from, for error messages. */
export function whereOf(ctx: DocxContext, node: Node | undefined, label: string): string {
  const at = node?.position?.start;
  return at ? `${ctx.source}:${at.line}:${at.column} (${label})` : `${ctx.source} (${label})`;
}

/** A paragraph in a named style; the one way the renderer makes paragraphs. */
export function styledParagraph(ctx: DocxContext, style: string, options: Omit<IParagraphOptions, 'style'>, where: string): Paragraph {
  ctx.styleUses.push({ id: style, kind: 'paragraph', where });
  return new Paragraph({ ...options, style });
}

/** A run, in a character style if one is given. */
export function styledRun(ctx: DocxContext, options: IRunOptions, where: string): TextRun {
  if (options.style) ctx.styleUses.push({ id: options.style, kind: 'character', where });
  return new TextRun(options);
}

/** Throws if a style used is not defined, or is of the wrong kind, naming it and where it was used. */
export function assertStylesDefined(uses: readonly StyleUse[], defined: ReadonlyMap<string, 'paragraph' | 'character'> = DEFINED_STYLES): void {
  for (const use of uses) {
    const kind = defined.get(use.id);
    if (kind === use.kind) continue;
    const known = [...defined].filter(([, k]) => k === use.kind).map(([id]) => id).join(', ');
    throw new Error(
      kind
        ? `DOCX: style "${use.id}" is a ${kind} style but is used as a ${use.kind} style at ${use.where}`
        : `DOCX: unknown ${use.kind} style "${use.id}" at ${use.where}; expected one of the styles defined in src/render/docx/styles.ts: ${known}`,
    );
  }
}
