// What raw HTML and Markdown may leave in a brief: GitHub's safe subset, plus the figure markup our
// own plugins make, minus images (figures come through `::figure`, never a remote <img>).
import { defaultSchema } from 'rehype-sanitize';
import type { Options } from 'rehype-sanitize';

const base = defaultSchema;

export const sanitizeSchema: Options = {
  ...base,
  // Outputs carry a CSP that forbids scripts, so DOM clobbering has nothing to attack; plain ids
  // keep figure anchors readable (#timeline, not #user-content-timeline).
  clobberPrefix: '',
  tagNames: [...(base.tagNames ?? []).filter((t) => t !== 'img' && t !== 'picture' && t !== 'source'), 'figure', 'figcaption'],
  attributes: {
    ...base.attributes,
    figure: ['id', ['className', 'figure'], 'dataPlace', 'dataFigure'],
    div: [...(base.attributes?.div ?? []), ['className', 'figure-art'], 'dataFigureArt'],
    span: [...(base.attributes?.span ?? []), ['className', 'figure-label']],
    p: [...(base.attributes?.p ?? []), ['className', 'figure-source']],
  },
};
