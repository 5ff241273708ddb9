// Build briefs: check every source, render every requested format into memory, and only when
// all of that succeeded write the files (atomically). A failure anywhere writes nothing, so what
// was built before stays as it was.
import path from 'node:path';
import { VFileMessage } from 'vfile-message';
import { buildDocument } from '../model/build-document.js';
import type { BriefDocument } from '../model/types.js';
import { BriefError } from '../report.js';
import { renderDocx } from '../render/docx/render-docx.js';
import { renderHtml } from '../render/html/render-html.js';
import { withBrowser } from '../render/pdf/browser.js';
import { renderPdfPages } from '../render/pdf/render-pdf.js';
import { findBriefs, UsageError } from '../source/find-briefs.js';
import { outputPath, type Format } from './output-paths.js';
import { writeFileAtomic } from '../write-atomic.js';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  products?: string[];
  formats: Format[];
  cwd?: string;
  log?: (line: string) => void;
}

export interface Written {
  path: string;
  bytes: number;
}

/** Read and check the briefs; throws one BriefError carrying every problem in every brief. */
export async function loadDocuments(contentDir: string, products: string[] = [], cwd = process.cwd()): Promise<BriefDocument[]> {
  const docs: BriefDocument[] = [];
  const problems: VFileMessage[] = [];
  for (const brief of findBriefs(contentDir, products)) {
    try {
      docs.push(await buildDocument(brief.sourcePath, cwd));
    } catch (err) {
      if (err instanceof BriefError) problems.push(...err.messages);
      else throw err;
    }
  }
  if (problems.length > 0) throw new BriefError(problems);
  return docs;
}

export async function renderAll(docs: BriefDocument[], formats: Format[], outDir: string, cwd = process.cwd()): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  const problems: VFileMessage[] = [];
  if (formats.includes('html')) for (const doc of docs) files.set(outputPath(outDir, doc, 'html'), renderHtml(doc));
  if (formats.includes('pdf')) {
    await withBrowser(async (browser) => {
      for (const doc of docs) {
        const { pdf, report } = await renderPdfPages(browser, doc);
        if (report.overflow) problems.push(overflowMessage(doc, report.overflow, cwd));
        else files.set(outputPath(outDir, doc, 'pdf'), pdf);
      }
    });
  }
  if (formats.includes('docx')) for (const doc of docs) files.set(outputPath(outDir, doc, 'docx'), await renderDocx(doc));
  if (problems.length > 0) throw new BriefError(problems);
  return files;
}

function overflowMessage(doc: BriefDocument, o: { points: number; lines: number; startsWith: string; line?: number | null }, cwd: string): VFileMessage {
  const msg = new VFileMessage(
    `${doc.product} does not fit its two pages: ${o.lines} line${o.lines === 1 ? '' : 's'} (${o.points} pt) overflow page 2, starting “${o.startsWith}…”; expected the brief to end on page 2 (shorten the text or a figure)`,
    { place: { line: o.line ?? 1, column: 1 }, ruleId: 'overflow', source: 'brief' },
  );
  msg.file = path.relative(cwd, doc.sourcePath);
  msg.fatal = true;
  return msg;
}

export async function buildBriefs(options: BuildOptions): Promise<Written[]> {
  const cwd = options.cwd ?? process.cwd();
  const docs = await loadDocuments(options.contentDir, options.products, cwd);
  const files = await renderAll(docs, options.formats, options.outDir, cwd);
  const written: Written[] = [];
  for (const [target, data] of files) {
    writeFileAtomic(target, data);
    written.push({ path: target, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength });
    options.log?.(`wrote ${path.relative(cwd, target)} (${Math.round((typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength) / 1024)} kB)`);
  }
  return written;
}
