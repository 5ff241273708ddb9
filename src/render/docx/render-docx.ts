// Document model → a Word document (docx), the same brief as the HTML and PDF: named styles, the
// In Focus page in sections, masthead and figures as images with alt text, document properties,
// and the same bytes every build. Walks the model's hast; never converts the HTML or the PDF.
import { Document, DocumentDefaults, Packer, type IParagraphOptions } from 'docx';
import type { BriefDocument } from '../../model/types.js';
import { figureImage, type FigureImage } from '../figures/figure-image.js';
import { GENERATOR } from '../html/render-html.js';
import { BodyBuilder, materialize, type ParagraphSpec } from './blocks.js';
import { assertStylesDefined, createContext, type Revision } from './context.js';
import { authorBlock, disclaimer, masthead, titleBand } from './furniture.js';
import { finishPackage } from './package.js';
import { briefSections } from './sections.js';
import { houseStyles } from './styles.js';

export async function renderDocx(doc: BriefDocument, options: { revision?: Revision } = {}): Promise<Uint8Array> {
  const images = new Map<string, FigureImage>();
  for (const figure of doc.figures) images.set(figure.id, await figureImage(figure));
  const ctx = createContext({ sourcePath: doc.sourcePath, edition: doc.edition, figures: doc.figures, images, ...(options.revision ? { revision: options.revision } : {}) });
  // The Word styles, numbering and theme of the brief's edition (with its `layout:`).
  const styles = houseStyles(doc.edition);

  const specs = () => {
    const list: ParagraphSpec[] = [];
    return { list, add: (style: string, options: Omit<IParagraphOptions, 'style'>, where: string) => void list.push({ kind: 'paragraph', style, options, where }) };
  };
  const title = specs();
  titleBand(ctx, doc, title.add);
  const body = new BodyBuilder(ctx).body(doc.body);
  authorBlock(ctx, doc, (style, options, where) => body.append(style, options, where));
  const last = specs();
  disclaimer(ctx, last.add);

  const sections = briefSections(ctx, doc, await masthead(doc.edition), {
    titleBand: materialize(ctx, title.list),
    chunks: body.chunks.map((c) => ({ kind: c.kind, children: materialize(ctx, c.blocks) })),
    disclaimer: materialize(ctx, last.list),
  });
  // Before packing: every style a paragraph or run names is one styles.ts defines.
  assertStylesDefined(ctx.styleUses, styles.defined);

  const { meta } = doc;
  const document = new Document({
    title: meta.title,
    subject: `CRS In Focus ${meta.product}`,
    creator: meta.authors.map((a) => a.name).join('; '),
    keywords: [meta.product, ...meta.keywords].join(', '),
    description: meta.summary ?? `${meta.title}. CRS In Focus ${meta.product}, version ${meta.version}, ${doc.displayDate}.`,
    lastModifiedBy: GENERATOR,
    revision: meta.version,
    customProperties: [
      { name: 'Product', value: meta.product },
      { name: 'Version', value: String(meta.version) },
      { name: 'Status', value: meta.status },
      { name: 'Date', value: meta.date },
    ],
    // Only the house styles: docx's defaults (its Heading 1 in Calibri, and so on) are left out.
    styles: { importedStyles: [new DocumentDefaults(styles.documentDefaults(meta.lang))], paragraphStyles: styles.paragraphStyles, characterStyles: styles.characterStyles },
    theme: styles.theme,
    numbering: styles.numbering,
    sections,
  });
  return finishPackage(await Packer.toBuffer(document), doc);
}
