// output/<P>/latest/: a copy of the newest published version's files (a copy, not a link, so it
// survives zips, artifacts and file systems without links). Only changed files are rewritten, and
// the folder changes at once (folder-switch.ts): never some files of one version and some of another.
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_RECORD } from './build-record.js';
import { FolderSwitch } from './folder-switch.js';
import { versionDir } from './output-paths.js';
import type { ProductPlan } from './plan.js';

export const LATEST = 'latest';

/** The files of a version folder that latest/ copies: its outputs, not its build record or dotfiles. */
function copiedFiles(from: string): string[] {
  return fs.readdirSync(from).filter((name) => name !== BUILD_RECORD && !name.startsWith('.'));
}

const stampOf = (version: number) => `${version}\n`;

/** Whether latest/ already holds version `newest`'s files and says so (what updateLatest would leave). */
export function latestIsCurrent(outDir: string, product: string, newest: number): boolean {
  const from = versionDir(outDir, product, newest);
  const to = versionDir(outDir, product, LATEST);
  try {
    if (fs.readFileSync(path.join(to, 'VERSION'), 'utf8') !== stampOf(newest)) return false;
    return copiedFiles(from).every((name) => fs.readFileSync(path.join(to, name)).equals(fs.readFileSync(path.join(from, name))));
  } catch {
    return false;
  }
}

export function updateLatest(outDir: string, plan: ProductPlan, log: (line: string) => void, cwd: string, workDir: string): void {
  const newest = plan.versions[plan.versions.length - 1];
  if (!newest) return;
  const from = versionDir(outDir, plan.product, newest.version);
  const to = versionDir(outDir, plan.product, LATEST);
  if (!fs.existsSync(from)) return;
  const folder = new FolderSwitch(workDir);
  let copied = 0;
  for (const name of copiedFiles(from)) {
    const data = fs.readFileSync(path.join(from, name));
    const target = path.join(to, name);
    if (fs.existsSync(target) && fs.readFileSync(target).equals(data)) continue;
    folder.writeFile(target, data);
    copied++;
  }
  const stamp = path.join(to, 'VERSION');
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== stampOf(newest.version)) folder.writeFile(stamp, stampOf(newest.version));
  folder.commit();
  if (copied > 0) log(`latest ${plan.product} → version ${newest.version} (${path.relative(cwd, to)})`);
}
