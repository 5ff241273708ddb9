// Where the project's own files are, independent of the working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');
