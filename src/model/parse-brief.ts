// Source → parsed brief: one unified pipeline for every brief and every output format (the
// document model around it is build-document.ts; this runs in the parsing worker).
// The source is decoded strictly and held to the input limits first; then remark-parse → front
// matter, GFM, block directives, superscripts → our checks and transforms → remark-rehype → raw
// HTML parsed and sanitised → figure art. Renderers read the result; none re-parse Markdown.
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
import type { VFileMessage } from 'vfile-message';
import { BriefError, errorsOf, fail } from '../report.js';
import { decodeText } from '../source/decode-text.js';
import type { FrontMatter } from '../source/front-matter-schema.js';
import { LIMITS, scanLimits } from '../source/input-limits.js';
import { remarkFrontMatter } from '../source/remark-front-matter.js';
import { figureArt, figureTable } from './figures/figure-art.js';
import { rehypeFigureArt } from './rehype-figure-art.js';
import { rehypeLinks } from './rehype-links.js';
import { rehypeSections } from './rehype-sections.js';
import { remarkFigures } from './remark-figures.js';
import { remarkDropHiddenRawHtml } from './raw-html-hidden.js';
import { remarkHouseRules } from './remark-house-rules.js';
import { remarkTables } from './remark-tables.js';
import { remarkBlockDirectives } from './syntax/remark-block-directives.js';
import { remarkSuperscript } from './syntax/remark-superscript.js';
import { sanitizeSchema } from './sanitize-schema.js';
import { remarkBodyText } from './remark-body-text.js';
import type { FigureModel } from './types.js';

export function createProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkBlockDirectives)
    .use(remarkSuperscript)
    .use(remarkFrontMatter)
    .use(remarkBodyText)
    .use(remarkFigures)
    .use(remarkTables)
    .use(remarkDropHiddenRawHtml)
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

/** What parsing a brief yields; the rest of its document (edition, display date) follows from meta. */
export interface ParsedBrief {
  meta: FrontMatter;
  body: HastRoot;
  figures: FigureModel[];
  /** Non-fatal messages (a near-empty body). */
  warnings: VFileMessage[];
}

/**
 * Read, decode, bound and parse one brief in this thread; throws BriefError with every problem
 * found. Use `buildDocument` (build-document.ts), which runs this in a worker with a time limit; this is the worker's
 * half (and the way to debug the pipeline in one thread).
 */
export async function parseBrief(sourcePath: string, cwd = process.cwd()): Promise<ParsedBrief> {
  const file = new VFile({ path: path.relative(cwd, sourcePath), cwd });
  const refuse = (reason: string, rule: string, place = { line: 1, column: 1 }): never => {
    throw new BriefError([fail(file, reason, place, rule)]);
  };
  let bytes: Uint8Array;
  try {
    const stat = fs.statSync(sourcePath);
    if (!stat.isFile()) refuse(`the brief is not a file: expected a Markdown file at ${file.path}`, 'read');
    if (stat.size > LIMITS.sourceBytes) {
      refuse(`the brief is ${stat.size.toLocaleString('en-US')} bytes, over the limit of ${LIMITS.sourceBytes.toLocaleString('en-US')}: an In Focus brief is about 15,000`, 'limit-source-bytes');
    }
    bytes = fs.readFileSync(sourcePath);
  } catch (err) {
    if (err instanceof BriefError) throw err;
    return refuse(`cannot read the brief: expected a file at ${file.path}`, 'read');
  }
  const decoded = decodeText(bytes, 'the brief');
  if (decoded.text === undefined) throw new BriefError(decoded.problems.map((p) => fail(file, p.reason, { line: p.line, column: p.column }, p.rule)));
  const limits = scanLimits(decoded.text);
  if (limits.problems.length > 0) throw new BriefError(limits.problems.map((p) => fail(file, p.reason, { line: p.line, column: p.column }, p.rule)));
  file.value = decoded.text;

  let body: HastRoot;
  try {
    const mdast = processor.parse(file);
    body = (await processor.run(mdast, file)) as HastRoot;
  } catch (err) {
    // The limits keep nesting far below what overflows the stack; should a shape slip through,
    // it is still this brief's problem, not a crash.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      refuse('the brief is nested too deeply to parse (the parser ran out of stack): expected block quotes, lists, emphasis and raw HTML nested a few levels deep', 'limit-nesting');
    }
    throw err;
  }
  const errors = errorsOf(file);
  if (errors.length > 0 || !file.data.meta) throw new BriefError(errors);
  return { meta: file.data.meta, body, figures: file.data.figures ?? [], warnings: file.messages.filter((m) => m.fatal === false) };
}
