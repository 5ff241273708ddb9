// Where a version's files go: output/<PRODUCT>/<VERSION>/<PRODUCT>.<ext>.
import path from 'node:path';
import type { BriefDocument } from '../model/types.js';

export const FORMATS = ['html', 'pdf', 'docx'] as const;
export type Format = (typeof FORMATS)[number];

export function versionDir(outDir: string, product: string, version: number | string): string {
  return path.join(outDir, product, String(version));
}

export function outputPath(outDir: string, doc: BriefDocument, format: Format): string {
  return path.join(versionDir(outDir, doc.product, doc.meta.version), `${doc.product}.${format}`);
}
