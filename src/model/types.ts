// The document model every renderer reads: validated metadata, the body as a sanitised hast
// tree (figures and tables included, with their captions, Source and Notes lines), and the
// figures' graphics: what each is drawn from. Built once per brief
// by `model/build-document.ts`; the element and class names are in `model/vocabulary.ts`.
import type { Root as HastRoot } from 'hast';
import type { VFileMessage } from 'vfile-message';
import type { FigureData } from '../source/figure-data.js';
import type { FrontMatter } from '../source/front-matter-schema.js';
import type { ImageInfo } from '../source/image-file.js';
import type { Edition } from '../style/edition.js';
import type { Placement } from './vocabulary.js';

export type FigurePlacement = Placement;

interface FigureBase {
  /** Stable id, from the directive's `#id` or its number. */
  id: string;
  number: number;
  /** Caption text without the "Figure N." label. */
  caption: string;
  place: FigurePlacement;
  /** Text alternative for the graphic. */
  alt: string;
}

/** A figure drawn from a data file (e.g. the timeline). */
export interface DataFigureModel extends FigureBase {
  kind: 'data';
  /** The data file, absolute. */
  dataPath: string;
  /** The checked contents of the data file. */
  data: FigureData;
}

/** A figure that is a picture (PNG, JPEG or SVG) from the brief's folder. */
export interface ImageFigureModel extends FigureBase {
  kind: 'image';
  /** The image file, absolute. */
  imagePath: string;
  image: ImageInfo;
}

export type FigureModel = DataFigureModel | ImageFigureModel;

export interface BriefDocument {
  /** Product code, e.g. IF11415. */
  product: string;
  /** The source file, absolute. */
  sourcePath: string;
  meta: FrontMatter;
  /** The house style it is set in: its edition (front matter `style:`, else the newest) with its `layout:`. */
  edition: Edition;
  /** "January 22, 2020" */
  displayDate: string;
  body: HastRoot;
  figures: FigureModel[];
  /** Non-fatal problems of the source (a near-empty body), for the command line to print. */
  warnings: VFileMessage[];
}
