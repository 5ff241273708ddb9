// What the preview watches (chokidar): the brief's folder (brief.md, figure data, pictures) and
// the house templates and stylesheets. A burst of events (an editor's save is often several:
// write, rename, chmod) becomes one change, after a short quiet spell.
import path from 'node:path';
import { watch } from 'chokidar';
import type { Change } from './session.js';

/** Long enough to merge one save's events, short against the rebuild it starts. */
export const DEBOUNCE_MS = 25;

export interface Watched {
  /** The brief's folder. */
  briefDir: string;
  templatesDir: string;
}

// Editors' swap, backup and lock files are not sources; published versions are not the draft.
const EDITOR_DEBRIS = /(^\.|~$|\.sw[a-p]$|\.tmp$|^#.*#$|^4913$)/;

export async function watchSources(where: Watched, onChange: (change: Change) => void): Promise<{ close(): Promise<void> }> {
  const versions = path.join(where.briefDir, 'versions');
  const ignored = (file: string) => file === versions || file.startsWith(versions + path.sep) || EDITOR_DEBRIS.test(path.basename(file));
  const watcher = watch([where.briefDir, where.templatesDir], { ignoreInitial: true, ignored });
  let pending: Change = {};
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (_event, file) => {
    const inTemplates = file === where.templatesDir || file.startsWith(where.templatesDir + path.sep);
    pending = { brief: pending.brief === true || !inTemplates, templates: pending.templates === true || inTemplates, paths: [...(pending.paths ?? []), file] };
    clearTimeout(timer);
    timer = setTimeout(() => {
      const change = pending;
      pending = {};
      onChange(change);
    }, DEBOUNCE_MS);
  });
  // A folder that cannot be watched any more is reported, not fatal: the last rendering stays.
  watcher.on('error', (err) => console.error(`brief preview: watching: ${(err as Error).message}`));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
