// Put the rendered site on disk: each file atomically and only when its bytes changed, then remove
// whatever the site no longer holds (a file from an earlier layout, a product that went away), so
// the folder is exactly what the sources say and can be zipped or served as it is.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../write-atomic.js';
import { listFiles } from '../content-hash.js';
import { formatSize, type SiteFiles } from './site-files.js';

export interface SiteWriteResult {
  written: string[];
  unchanged: number;
  removed: string[];
}

function removeEmptyDirs(dir: string, root: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyDirs(path.join(dir, entry.name), root);
  }
  if (dir !== root && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
}

export function writeSite(siteDir: string, site: SiteFiles, log: (line: string) => void, cwd: string): SiteWriteResult {
  const result: SiteWriteResult = { written: [], unchanged: 0, removed: [] };
  for (const [rel, data] of [...site.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = path.join(siteDir, ...rel.split('/'));
    if (fs.existsSync(target) && fs.readFileSync(target).equals(data)) {
      result.unchanged++;
      continue;
    }
    writeFileAtomic(target, data);
    result.written.push(rel);
    log(`wrote ${path.relative(cwd, target)} (${formatSize(data.byteLength)})`);
  }
  for (const rel of listFiles(siteDir)) {
    if (site.files.has(rel)) continue;
    fs.rmSync(path.join(siteDir, ...rel.split('/')));
    result.removed.push(rel);
    log(`removed ${path.relative(cwd, path.join(siteDir, rel))} (no longer part of the site)`);
  }
  if (fs.existsSync(siteDir)) removeEmptyDirs(siteDir, siteDir);
  return result;
}
