// The document model every renderer reads: validated metadata, the body as a sanitised hast
// tree, and the figures with their data. Built once per brief by `model/build-document.ts`.
import type { Root as HastRoot } from 'hast';
import type { FigureData } from '../source/figure-data.js';
import type { FrontMatter } from '../source/front-matter-schema.js';

export type FigurePlacement = 'column' | 'page-top';

export interface FigureModel {
  /** Stable id, from the directive's `#id` or its number. */
  id: string;
  number: number;
  /** Caption text without the "Figure N." label. */
  caption: string;
  /** Source note, shown as "Source: …" under the figure. */
  source?: string;
  /** Text alternative for the graphic. */
  alt: string;
  place: FigurePlacement;
  /** The data file, absolute. */
  dataPath: string;
  /** The checked contents of the data file. */
  data: FigureData;
}

export interface BriefDocument {
  /** Product code, e.g. IF11415. */
  product: string;
  /** The source file, absolute. */
  sourcePath: string;
  meta: FrontMatter;
  /** "January 22, 2020" */
  displayDate: string;
  body: HastRoot;
  figures: FigureModel[];
}
