// remark plugin: `::figure[Caption]{#id data="figures/x.yaml" | src="figures/x.png" …}` becomes a
// numbered <figure>: caption ("Figure N." + caption), optional subtitle, an art slot, and the
// Source and Notes lines. The graphic itself is put into the slot after sanitising, by
// rehype-figure-art, because it is our own markup (an SVG drawn from data, or an <img> of a
// checked file), never content's.
import fs from 'node:fs';
import path from 'node:path';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Plugin, Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fail } from '../report.js';
import { loadFigureData } from '../source/figure-data.js';
import { ImageProblem, readImage } from '../source/image-file.js';
import { caption, checkAttributes, inlineMarkdown, labelled, placementOf } from './numbered-parts.js';
import type { FigureModel } from './types.js';
import { CLASS, NOTES_LABEL, PROP, SOURCE_LABEL } from './vocabulary.js';

declare module 'vfile' {
  interface DataMap {
    figures: FigureModel[];
  }
}

const ATTRIBUTES = ['id', 'data', 'src', 'place', 'subtitle', 'source', 'notes', 'alt'];

/** A path attribute resolved inside the brief's folder, or an error saying why not. */
function fileInBrief(file: VFile, node: LeafDirective, name: string, value: string): string | undefined {
  const briefDir = file.dirname ? path.resolve(file.cwd, file.dirname) : file.cwd;
  const resolved = path.resolve(briefDir, value);
  const at = node.position?.start;
  if (path.isAbsolute(value) || !resolved.startsWith(briefDir + path.sep)) {
    fail(file, `figure: ${name} \`${value}\` is outside the brief's folder: expected a relative path under ${path.relative(file.cwd, briefDir) || '.'}/, e.g. figures/fig-1.png`, at, `figure-${name}`);
    return undefined;
  }
  if (!fs.existsSync(resolved)) {
    fail(file, `figure: ${name} file \`${value}\` not found (looked for ${path.relative(file.cwd, resolved)}): expected an existing file`, at, `figure-${name}`);
    return undefined;
  }
  // A symbolic link could still lead out of the folder.
  const real = fs.realpathSync(resolved);
  if (!real.startsWith(fs.realpathSync(briefDir) + path.sep)) {
    fail(file, `figure: ${name} \`${value}\` links to a file outside the brief's folder: expected the file itself in the folder`, at, `figure-${name}`);
    return undefined;
  }
  if (!fs.statSync(real).isFile()) {
    fail(file, `figure: ${name} \`${value}\` is not a file (a folder or a device): expected a file, e.g. figures/fig-1.png`, at, `figure-${name}`);
    return undefined;
  }
  return resolved;
}

export const remarkFigures: Plugin<[], Root> = function (this: Processor) {
  const processor = this;
  return (tree, file) => {
    const figures: FigureModel[] = [];
    visit(tree, 'leafDirective', (node: LeafDirective) => {
      if (node.name !== 'figure') return;
      const attrs = node.attributes ?? {};
      const at = node.position?.start;
      let ok = checkAttributes(file, node, 'figure', ATTRIBUTES);
      const problem = (reason: string, rule: string) => {
        fail(file, reason, at, rule);
        ok = false;
      };
      const captionText = toString(node).trim();
      if (!captionText) problem('figure: missing caption: expected `::figure[Caption text]{…}`', 'figure-caption');
      if (attrs.data && attrs.src) problem('figure: both `data` and `src`: expected one, data="figures/<file>.yaml" (drawn from data) or src="figures/<file>.png" (a picture)', 'figure-data');
      else if (!attrs.data && !attrs.src) problem('figure: missing `src` or `data`: expected src="figures/<file>.png|.jpg|.svg" or data="figures/<file>.yaml"', 'figure-data');
      const place = placementOf(file, node, 'figure');
      if (!place) ok = false;

      const number = figures.length + 1;
      const id = attrs.id || `figure-${number}`;
      const base = {
        id,
        number,
        caption: captionText,
        place: place ?? 'column',
        alt: attrs.alt || `Figure ${number}. ${captionText}`,
      };
      let figure: FigureModel | undefined;
      if (attrs.data && attrs.src) {
        // Already reported: one or the other.
      } else if (attrs.data) {
        const dataPath = fileInBrief(file, node, 'data', attrs.data);
        if (dataPath) {
          const loaded = loadFigureData(dataPath, file.cwd);
          // The data file's own problems name the data file, its line and field.
          for (const m of loaded.messages) file.messages.push(m);
          if (loaded.data) figure = { ...base, kind: 'data', dataPath, data: loaded.data };
        }
      } else if (attrs.src) {
        const imagePath = fileInBrief(file, node, 'src', attrs.src);
        if (imagePath) {
          try {
            figure = { ...base, kind: 'image', imagePath, image: readImage(imagePath) };
          } catch (err) {
            if (!(err instanceof ImageProblem)) throw err;
            problem(`figure: picture \`${attrs.src}\` ${err.message}`, 'figure-src');
          }
        }
      }
      const parts = (name: 'subtitle' | 'source' | 'notes') => (attrs[name] ? inlineMarkdown(processor, file, node, 'figure', name, attrs[name]) : []);
      const subtitle = parts('subtitle');
      const source = parts('source');
      const notes = parts('notes');
      if (!ok || !figure || !subtitle || !source || !notes) return;
      figures.push(figure);

      // Shape the node so that remark-rehype makes <figure> of it; see rehype-figure-art for the art.
      const children: RootContent[] = [caption(`Figure ${number}.`, node.children as PhrasingContent[], node.position)];
      if (subtitle.length > 0) children.push({ type: 'paragraph', data: { hProperties: { className: [CLASS.subtitle] } }, children: subtitle, ...(node.position ? { position: structuredClone(node.position) } : {}) });
      children.push({ type: 'paragraph', data: { hName: 'div', hProperties: { className: [CLASS.art], [PROP.figureArt]: id } }, children: [] });
      if (source.length > 0) children.push(labelled(CLASS.source, SOURCE_LABEL, source, node.position));
      if (notes.length > 0) children.push(labelled(CLASS.notes, NOTES_LABEL, notes, node.position));
      node.data = { hName: 'figure', hProperties: { id, className: [CLASS.figure], [PROP.place]: figure.place, [PROP.figure]: String(number) } };
      node.children = children as never;
    });
    file.data.figures = figures;
  };
};
