// Source → document model: the brief parsed in a worker thread (parse-brief.ts, through
// parse-in-worker.ts) and the model built around it. This module loads none of the unified
// pipeline itself: the thread that asks for a document does not pay for the parser's start-up.
import path from 'node:path';
import { displayDate } from './dates.js';
import type { ParsedBrief } from './parse-brief.js';
import { parseInWorker, type ParseOptions } from './parse-in-worker.js';
import type { BriefDocument } from './types.js';
import { NEWEST_EDITION, withLayout } from '../style/edition.js';
import { EDITIONS } from '../style/editions.js';

export type { ParsedBrief } from './parse-brief.js';

/** The document model of a parsed brief. */
export function assembleDocument(sourcePath: string, cwd: string, parsed: ParsedBrief): BriefDocument {
  const { meta } = parsed;
  return {
    product: meta.product,
    sourcePath: path.resolve(cwd, sourcePath),
    meta,
    edition: withLayout(EDITIONS[meta.style ?? NEWEST_EDITION], meta.layout),
    displayDate: displayDate(meta.date),
    body: parsed.body,
    figures: parsed.figures,
    warnings: parsed.warnings,
  };
}

/**
 * Read and check one brief's source; throws BriefError with every problem found. Parsing runs in
 * a worker thread with a time limit (`parse-in-worker.ts`), so no input can hang or crash the caller.
 */
export async function buildDocument(sourcePath: string, cwd = process.cwd(), options: ParseOptions = {}): Promise<BriefDocument> {
  return assembleDocument(sourcePath, cwd, await parseInWorker(sourcePath, cwd, options));
}
