// Which briefs exist: each product is a folder content/<PRODUCT>/ holding brief.md.
import fs from 'node:fs';
import path from 'node:path';
import { PRODUCT_CODE } from './front-matter-schema.js';

export interface BriefSource {
  product: string;
  sourcePath: string;
}

export const BRIEF_FILE = 'brief.md';

export class UsageError extends Error {}

export function findBriefs(contentDir: string, only: string[] = []): BriefSource[] {
  if (!fs.existsSync(contentDir)) throw new UsageError(`no content folder at ${contentDir}`);
  if (!fs.statSync(contentDir).isDirectory()) throw new UsageError(`--content ${contentDir} is a file: expected the folder of briefs (one <PRODUCT>/brief.md each)`);
  const all = fs
    .readdirSync(contentDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && PRODUCT_CODE.test(d.name) && fs.existsSync(path.join(contentDir, d.name, BRIEF_FILE)))
    .map((d) => ({ product: d.name, sourcePath: path.join(contentDir, d.name, BRIEF_FILE) }))
    .sort((a, b) => a.product.localeCompare(b.product));
  if (only.length === 0) return all;
  const missing = only.filter((p) => !all.some((b) => b.product === p));
  if (missing.length > 0) {
    throw new UsageError(`no brief for ${missing.join(', ')}: expected ${missing.map((p) => path.join(contentDir, p, BRIEF_FILE)).join(', ')} (found: ${all.map((b) => b.product).join(', ') || 'none'})`);
  }
  return all.filter((b) => only.includes(b.product));
}
