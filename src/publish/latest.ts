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

export function updateLatest(outDir: string, plan: ProductPlan, log: (line: string) => void, cwd: string, workDir: string): void {
  const newest = plan.versions[plan.versions.length - 1];
  if (!newest) return;
  const from = versionDir(outDir, plan.product, newest.version);
  const to = versionDir(outDir, plan.product, LATEST);
  if (!fs.existsSync(from)) return;
  const folder = new FolderSwitch(workDir);
  let copied = 0;
  for (const name of fs.readdirSync(from)) {
    if (name === BUILD_RECORD || name.startsWith('.')) continue;
    const data = fs.readFileSync(path.join(from, name));
    const target = path.join(to, name);
    if (fs.existsSync(target) && fs.readFileSync(target).equals(data)) continue;
    folder.writeFile(target, data);
    copied++;
  }
  const stamp = path.join(to, 'VERSION');
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== `${newest.version}\n`) folder.writeFile(stamp, `${newest.version}\n`);
  folder.commit();
  if (copied > 0) log(`latest ${plan.product} → version ${newest.version} (${path.relative(cwd, to)})`);
}
