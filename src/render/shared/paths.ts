// Where the project's own files are, independent of the working directory.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder with the project's package.json: found upwards from this module, which runs from
 * src/render/shared/ (tests, tsx) or from a chunk of the compiled dist/ (bin/compile.js).
 */
export const PROJECT_ROOT = ((): string => {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
  }
})();
/** Plain JavaScript and other files of src/ used as they are (page scripts, the preview's shell). */
export const srcFile = (...parts: string[]): string => path.join(PROJECT_ROOT, 'src', ...parts);
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');
