// The document model's vocabulary: which element and class mean figure, caption, subtitle,
// picture, source note, table notes… Declared once here; the transforms that build the model,
// the sanitiser that keeps it, and every writer (HTML/PDF stylesheets, DOCX, redline) read it
// from here instead of spelling the names again.

/** Classes the model puts on its own elements. */
export const CLASS = {
  /** <figure class="figure">: a numbered figure (data-drawn or a picture). */
  figure: 'figure',
  /** <figure class="table-figure">: a numbered table with its caption, source and notes. */
  tableFigure: 'table-figure',
  /** <span class="figure-label">: "Figure 1." / "Table 1." at the start of a caption. */
  label: 'figure-label',
  /** <p class="figure-subtitle">: the plain line between caption and picture. */
  subtitle: 'figure-subtitle',
  /** <div class="figure-art">: the slot the graphic (SVG or <img>) is put into after sanitising. */
  art: 'figure-art',
  /** <img class="figure-image">: a picture figure's image. */
  image: 'figure-image',
  /** <p class="figure-source">: "Source: …" under a figure or table. */
  source: 'figure-source',
  /** <p class="figure-notes">: "Notes: …" under a figure. */
  notes: 'figure-notes',
  /** <div class="table-notes">: a table's note paragraphs (a., b., …). */
  tableNotes: 'table-notes',
  /** <p class="table-note">: one table note; its label is a .note-label span. */
  tableNote: 'table-note',
  noteLabel: 'note-label',
  /** <details class="figure-data">: a data figure's data as a table (HTML only). */
  figureData: 'figure-data',
} as const;

/** hast property names (data-* attributes) the model uses. */
export const PROP = {
  /** data-place on a figure: column | page-top | span. */
  place: 'dataPlace',
  /** data-figure on a figure: its number. */
  figure: 'dataFigure',
  /** data-table on a table figure: its number. */
  table: 'dataTable',
  /** data-figure-art on the art slot: the figure's id. */
  figureArt: 'dataFigureArt',
  /** data-widths on a table figure: its column widths in points, space-separated (`widths=`). */
  widths: 'dataWidths',
} as const;

export const PLACEMENTS = ['column', 'page-top', 'span'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** Labels printed before the text of a source note and a notes line. */
export const SOURCE_LABEL = 'Source:';
export const NOTES_LABEL = 'Notes:';
