// Source → document model: one unified pipeline for every brief and every output format.
// remark-parse → front matter, GFM, block directives, superscripts → our checks and transforms → remark-rehype →
// raw HTML parsed and sanitised → figure art. Renderers read the result; none re-parse Markdown.
import fs from 'node:fs';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { BriefError, errorsOf } from '../report.js';
import { remarkFrontMatter } from '../source/remark-front-matter.js';
import { displayDate } from './dates.js';
import { figureArt, figureTable } from './figures/figure-art.js';
import { rehypeFigureArt } from './rehype-figure-art.js';
import { rehypeLinks } from './rehype-links.js';
import { rehypeSections } from './rehype-sections.js';
import { remarkFigures } from './remark-figures.js';
import { remarkHouseRules } from './remark-house-rules.js';
import { remarkTables } from './remark-tables.js';
import { remarkBlockDirectives } from './syntax/remark-block-directives.js';
import { remarkSuperscript } from './syntax/remark-superscript.js';
import { sanitizeSchema } from './sanitize-schema.js';
import type { BriefDocument } from './types.js';
import { NEWEST_EDITION, withLayout } from '../style/edition.js';
import { EDITIONS } from '../style/editions.js';

export function createProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkBlockDirectives)
    .use(remarkSuperscript)
    .use(remarkFrontMatter)
    .use(remarkFigures)
    .use(remarkTables)
    // After figures and tables, so their source and notes lines are held to the same rules.
    .use(remarkHouseRules)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeSlug)
    .use(rehypeLinks)
    .use(rehypeSections)
    .use(rehypeFigureArt, { art: figureArt, table: figureTable });
}

const processor = createProcessor();

/** Read and check one brief's source; throws BriefError with every problem found. */
export async function buildDocument(sourcePath: string, cwd = process.cwd()): Promise<BriefDocument> {
  const file = new VFile({ path: path.relative(cwd, sourcePath), cwd });
  try {
    file.value = fs.readFileSync(sourcePath, 'utf8');
  } catch {
    throw new BriefError([file.message(`cannot read the brief: expected a file at ${file.path}`, { ruleId: 'read', source: 'brief' })].map((m) => ((m.fatal = true), m)));
  }
  const mdast = processor.parse(file);
  const body = (await processor.run(mdast, file)) as HastRoot;
  const errors = errorsOf(file);
  if (errors.length > 0 || !file.data.meta) throw new BriefError(errors);
  const meta = file.data.meta;
  return {
    product: meta.product,
    sourcePath: path.resolve(cwd, sourcePath),
    meta,
    edition: withLayout(EDITIONS[meta.style ?? NEWEST_EDITION], meta.layout),
    displayDate: displayDate(meta.date),
    body,
    figures: file.data.figures ?? [],
  };
}
