// A folder's files change together or not at all. The new content is put together in a staging
// folder in the build's work folder (the old files it keeps are hard links, the changed ones new
// files, the build record with them); then a journal is written and the old folder is renamed away
// and the staged one into its place. A reader sees the old set or the new one, never a mix (at
// most, for the instant between the two renames, no folder). A build killed after the journal
// was written is completed by the next one (completeSwitches); one killed before leaves the old
// folder as it was, and its staging is thrown away with its work folder.
import fs from 'node:fs';
import path from 'node:path';

interface Entry {
  target: string;
  staged: string;
  old: string;
}

let counter = 0;

/** Copy a folder's tree by hard links (a copy where links are refused). */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) linkTree(a, b);
    else if (e.isFile()) {
      try {
        fs.linkSync(a, b);
      } catch {
        fs.copyFileSync(a, b);
      }
    }
  }
}

export class FolderSwitch {
  private readonly entries: Entry[] = [];

  constructor(private readonly workDir: string) {}

  /** The staging copy of `target` (created on first call, holding target's current files). */
  stage(target: string): string {
    const found = this.entries.find((e) => e.target === target);
    if (found) return found.staged;
    const n = ++counter;
    const entry = { target, staged: path.join(this.workDir, `stage-${n}`), old: path.join(this.workDir, `old-${n}`) };
    if (fs.existsSync(target)) linkTree(target, entry.staged);
    else fs.mkdirSync(entry.staged, { recursive: true });
    this.entries.push(entry);
    return entry.staged;
  }

  /** Where `file` (a path under the target folder `root`) is in the staged copy of `root`. */
  stagedPath(file: string, root = path.dirname(file)): string {
    const rel = path.relative(root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`${file} is not inside ${root}`);
    return path.join(this.stage(root), rel);
  }

  /**
   * Write a file of the new content (`file` as it will be, under the folder `root` that switches).
   * The staged copy of an old file is a hard link to the live one, so it is unlinked first, never
   * written through.
   */
  writeFile(file: string, data: string | Uint8Array, root = path.dirname(file)): void {
    const staged = this.stagedPath(file, root);
    fs.mkdirSync(path.dirname(staged), { recursive: true });
    fs.rmSync(staged, { force: true });
    fs.writeFileSync(staged, data);
  }

  /** Like writeFile, the new content being a file already written in the work folder (moved in). */
  moveIn(file: string, from: string, root = path.dirname(file)): void {
    const staged = this.stagedPath(file, root);
    fs.mkdirSync(path.dirname(staged), { recursive: true });
    fs.rmSync(staged, { force: true });
    fs.renameSync(from, staged);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Put every staged folder in place of its target. */
  commit(): void {
    if (this.entries.length === 0) return;
    const journal = path.join(this.workDir, `switch-${String(++counter).padStart(6, '0')}.json`);
    const temp = `${journal}.tmp`;
    // Relative to the work folder, so a journal still holds if output/ is moved (a CI cache).
    const rel = (p: string) => path.relative(this.workDir, p);
    fs.writeFileSync(temp, JSON.stringify(this.entries.map((e) => ({ target: rel(e.target), staged: rel(e.staged), old: rel(e.old) })), null, 2) + '\n');
    fs.renameSync(temp, journal);
    completeJournal(journal);
    this.entries.length = 0;
  }
}

function apply(e: Entry): void {
  if (fs.existsSync(e.staged)) {
    fs.mkdirSync(path.dirname(e.target), { recursive: true });
    if (fs.existsSync(e.target)) {
      fs.rmSync(e.old, { recursive: true, force: true });
      fs.renameSync(e.target, e.old);
    }
    fs.renameSync(e.staged, e.target);
  }
  fs.rmSync(e.old, { recursive: true, force: true });
}

/** Carry out a journal's switches (each step can be repeated safely), then remove it. */
function completeJournal(journal: string): void {
  const dir = path.dirname(journal);
  const entries = JSON.parse(fs.readFileSync(journal, 'utf8')) as Entry[];
  for (const e of entries) apply({ target: path.resolve(dir, e.target), staged: path.resolve(dir, e.staged), old: path.resolve(dir, e.old) });
  fs.rmSync(journal);
}

/**
 * Finish what a build's work folder says was begun: every switch whose journal was written is
 * completed. Staged folders without a journal were never begun and are left for removal.
 */
export function completeSwitches(workDir: string): number {
  if (!fs.existsSync(workDir)) return 0;
  const journals = fs.readdirSync(workDir).filter((f) => /^switch-\d+\.json$/.test(f)).sort();
  for (const j of journals) completeJournal(path.join(workDir, j));
  return journals.length;
}
