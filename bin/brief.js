#!/usr/bin/env node
// `brief` (make's commands, npx brief, npm link): runs the compiled command line in dist/. When
// src/ changed since it was compiled (a pull, an edit) it compiles first (bin/compile.js, about a
// tenth of a second), so it never runs stale code and never transpiles at run time otherwise.
import { compileIfStale, formatFailure } from './compile.js';

try {
  await compileIfStale();
} catch (err) {
  console.error(formatFailure(err));
  process.exit(1);
}
// Internal errors' stack traces then name the TypeScript file and line (dist/ has linked maps).
process.setSourceMapsEnabled(true);
await import('../dist/cli.js');
