// What raw HTML and Markdown may leave in a brief: GitHub's safe subset, plus the figure and table
// markup our own plugins make (model/vocabulary.ts), minus images (pictures come through
// `::figure` and are put in after sanitising, never a remote <img>).
import { defaultSchema } from 'rehype-sanitize';
import type { Options } from 'rehype-sanitize';
import { CLASS, PROP } from './vocabulary.js';

const base = defaultSchema;

export const sanitizeSchema: Options = {
  ...base,
  // Outputs carry a CSP that forbids scripts, so DOM clobbering has nothing to attack; plain ids
  // keep figure anchors readable (#timeline, not #user-content-timeline).
  clobberPrefix: '',
  tagNames: [...(base.tagNames ?? []).filter((t) => t !== 'img' && t !== 'picture' && t !== 'source'), 'figure', 'figcaption'],
  attributes: {
    ...base.attributes,
    figure: ['id', ['className', CLASS.figure, CLASS.tableFigure], PROP.place, PROP.figure, PROP.table, PROP.widths],
    div: [...(base.attributes?.div ?? []), ['className', CLASS.art, CLASS.tableNotes], PROP.figureArt],
    span: [...(base.attributes?.span ?? []), ['className', CLASS.label, CLASS.noteLabel]],
    p: [...(base.attributes?.p ?? []), ['className', CLASS.source, CLASS.notes, CLASS.subtitle, CLASS.tableNote]],
  },
};
