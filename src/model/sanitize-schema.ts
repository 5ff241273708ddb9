// What raw HTML and Markdown may leave in a brief: GitHub's safe subset, plus the figure and table
// markup our own plugins make (model/vocabulary.ts), minus images (pictures come through
// `::figure` and are put in after sanitising, never a remote <img>). The one schema every format
// is rendered from: the HTML, PDF, DOCX, redline and site all read the sanitised model.
import { defaultSchema } from 'rehype-sanitize';
import type { Options } from 'rehype-sanitize';
import { CLASS, PROP } from './vocabulary.js';

const base = defaultSchema;

/**
 * Elements dropped with everything inside them (form controls and media included: a brief is
 * print, and their labels and fallback text would print as stray words). An element not on the allow list is otherwise
 * unwrapped, its text kept, which is right for markup around prose (<font>, <center>) but prints
 * a stylesheet, a script, a template or a form control's text as body text, with any URL in it.
 * These hold code, raw text, hidden or fallback content, or foreign markup (SVG, MathML), never
 * prose a reader is meant to see.
 */
export const DROPPED_WITH_CONTENTS = [
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noembed',
  'noframes',
  'textarea',
  'title',
  'xmp',
  'plaintext',
  'select',
  'option',
  'input',
  'button',
  'optgroup',
  'datalist',
  'svg',
  'math',
  'video',
  'audio',
  'canvas',
  'head',
  'meta',
  'link',
  'base',
] as const;

// Attributes that name an address or belong to forms: a brief has no use for them, and an
// address left in an attribute is an attack's URL published. (Links keep `href`, checked by
// rehype-links.)
const UNWANTED_ATTRIBUTES = new Set(['action', 'method', 'encType', 'accept', 'acceptCharset', 'name', 'value', 'prompt', 'useMap', 'isMap', 'longDesc', 'cite', 'hrefLang', 'itemType']);
type Attribute = NonNullable<Options['attributes']>[string][number];
const keepAttributes = (list: readonly Attribute[] | undefined): Attribute[] => (list ?? []).filter((a) => !UNWANTED_ATTRIBUTES.has(typeof a === 'string' ? a : a[0]));

export const sanitizeSchema: Options = {
  ...base,
  // Outputs carry a CSP that forbids scripts, so DOM clobbering has nothing to attack; plain ids
  // keep figure anchors readable (#timeline, not #user-content-timeline).
  clobberPrefix: '',
  protocols: { href: ['http', 'https', 'mailto'] },
  required: {},
  strip: [...DROPPED_WITH_CONTENTS],
  tagNames: [...(base.tagNames ?? []).filter((t) => !['img', 'picture', 'source', 'input'].includes(t)), 'figure', 'figcaption'],
  attributes: {
    ...Object.fromEntries(Object.entries(base.attributes ?? {}).map(([tag, list]) => [tag, keepAttributes(list)])),
    figure: ['id', ['className', CLASS.figure, CLASS.tableFigure], PROP.place, PROP.figure, PROP.table, PROP.widths],
    div: [...keepAttributes(base.attributes?.div), ['className', CLASS.art, CLASS.tableNotes], PROP.figureArt],
    span: [...keepAttributes(base.attributes?.span), ['className', CLASS.label, CLASS.noteLabel]],
    p: [...keepAttributes(base.attributes?.p), ['className', CLASS.source, CLASS.notes, CLASS.subtitle, CLASS.tableNote]],
  },
};
