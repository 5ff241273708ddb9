// Compiles src/ (TypeScript) into dist/ (JavaScript) ahead of running, so `brief` starts without
// transpiling anything. esbuild bundles the command line (dist/cli.js) and the parsing worker
// (dist/parse-worker.js) with the pure-JavaScript packages they import, split into chunks
// (dist/chunks/) at every dynamic import: each command still loads only its own code, and Node
// reads a few large files instead of resolving hundreds of small ones (remark, micromark, zod…),
// which was most of a run's start-up. Packages with native or WebAssembly parts found by path,
// and puppeteer, stay in node_modules (EXTERNAL). No type-checking here: tsc does that in
// `make typecheck` and `make test`. Plain JavaScript files and the preview's shell are read from
// src/ where they are (render/shared/paths.ts: srcFile).
//
// Run by scripts/setup.sh and make (`node bin/compile.js`), and by bin/brief.js when it finds
// dist/ stale: dist/.stamp marks a complete compile, and a file under src/ (or this one) newer
// than the stamp makes it stale, so a checkout, a pull or an edit never runs old code. Files are
// written each to a temporary name and renamed, unchanged ones left alone; chunks are named by
// content hash and old ones removed only when they are an hour old, so a process still running
// the previous compile finds the chunks it loads late.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SRC = path.join(ROOT, 'src');
export const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.stamp');
const SELF = fileURLToPath(import.meta.url);

/** Every file under dir, as paths relative to it (sorted, so the stamp is the same for the same tree). */
function files(dir, rel = '') {
  return fs
    .readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, path.join(rel, e.name)) : e.isFile() ? [path.join(rel, e.name)] : []))
    .sort();
}

/**
 * Whether dist/ must be compiled again: no stamp, a file or folder under src/ (a folder's time
 * changes when a file is added, renamed or deleted) or this compiler newer than the stamp.
 */
export function isStale() {
  let stamp;
  try {
    stamp = fs.statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  if (fs.statSync(SELF).mtimeMs > stamp) return true;
  const newer = (dir) =>
    fs.statSync(dir).mtimeMs > stamp ||
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? newer(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs > stamp));
  return newer(SRC);
}

function writeIfChanged(file, data) {
  try {
    if (Buffer.compare(fs.readFileSync(file), data) === 0) return;
  } catch {
    // not there yet
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/** Packages left to Node's loader: native or WebAssembly files found by path, and puppeteer. */
const EXTERNAL = ['puppeteer', '@resvg/resvg-js', 'subset-font', 'wawoff2', 'esbuild'];
const STALE_CHUNK_MS = 60 * 60 * 1000;

/** Compiles src/ into dist/; throws (with esbuild's messages, file:line) when a file does not parse. */
export async function compile() {
  // esbuild is loaded only here: a run that finds dist/ current does not pay for it.
  const { build } = await import('esbuild');
  // The stamp gets the time the compile started: a file saved while it ran is newer, so compiled next time.
  const started = new Date();
  const result = await build({
    entryPoints: { cli: path.join(SRC, 'cli.ts'), 'parse-worker': path.join(SRC, 'model/parse-worker.ts') },
    outdir: DIST,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS packages bundled into ES modules still call require() for Node's own modules.
    banner: { js: "import { createRequire as __briefCreateRequire } from 'node:module'; const require = __briefCreateRequire(import.meta.url);" },
    write: false,
    logLevel: 'silent',
    // Stack traces of internal errors then point at src/ (bin/brief.js enables source maps).
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
  });
  const wanted = new Set();
  for (const out of result.outputFiles) {
    writeIfChanged(out.path, out.contents);
    wanted.add(path.relative(DIST, out.path));
  }
  for (const f of files(DIST)) {
    if (wanted.has(f) || f === '.stamp') continue;
    const file = path.join(DIST, f);
    if (!f.startsWith('chunks') || Date.now() - fs.statSync(file).mtimeMs > STALE_CHUNK_MS) fs.rmSync(file, { force: true });
  }
  writeIfChanged(STAMP, Buffer.from(`compiled from src/ by bin/compile.js: ${[...wanted].filter((f) => f.endsWith('.js')).length} files\n`));
  fs.utimesSync(STAMP, started, started);
}

/** Compiles when stale; true when it did. */
export async function compileIfStale() {
  if (!isStale()) return false;
  await compile();
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  try {
    const compiled = await compileIfStale();
    if (compiled) console.log('compiled src/ into dist/');
  } catch (err) {
    console.error(formatFailure(err));
    process.exit(1);
  }
}

/** esbuild's errors as `file:line:col: error: text`, as the rest of the tool reports. */
export function formatFailure(err) {
  const errors = err && Array.isArray(err.errors) ? err.errors : [];
  if (errors.length === 0) return `brief: could not compile src/ into dist/: ${err instanceof Error ? err.message : String(err)}`;
  return errors
    .map((e) => (e.location ? `${path.relative(process.cwd(), path.resolve(ROOT, e.location.file))}:${e.location.line}:${e.location.column + 1}: error: ${e.text}` : `src/: error: ${e.text}`))
    .concat('brief: could not compile src/ into dist/ (fix the file above)')
    .join('\n');
}
