// Put the rendered site on disk: only the files whose bytes changed, then remove whatever the site
// no longer holds (a file from an earlier layout, a product that went away), so the folder is
// exactly what the sources say and can be zipped or served as it is. The whole folder changes at
// once (folder-switch.ts): a reader never sees pages of one run with files of another.
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from '../content-hash.js';
import { FolderSwitch } from '../folder-switch.js';
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

export function writeSite(siteDir: string, site: SiteFiles, log: (line: string) => void, cwd: string, workDir: string): SiteWriteResult {
  const result: SiteWriteResult = { written: [], unchanged: 0, removed: [] };
  const folder = new FolderSwitch(workDir);
  const lines: string[] = [];
  for (const [rel, data] of [...site.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = path.join(siteDir, ...rel.split('/'));
    if (fs.existsSync(target) && fs.readFileSync(target).equals(data)) {
      result.unchanged++;
      continue;
    }
    folder.writeFile(target, data, siteDir);
    result.written.push(rel);
    lines.push(`wrote ${path.relative(cwd, target)} (${formatSize(data.byteLength)})`);
  }
  for (const rel of listFiles(siteDir)) {
    if (site.files.has(rel)) continue;
    fs.rmSync(folder.stagedPath(path.join(siteDir, ...rel.split('/')), siteDir));
    result.removed.push(rel);
    lines.push(`removed ${path.relative(cwd, path.join(siteDir, rel))} (no longer part of the site)`);
  }
  if (folder.size > 0) {
    const staged = folder.stage(siteDir);
    removeEmptyDirs(staged, staged);
    folder.commit();
  }
  for (const l of lines) log(l);
  return result;
}
