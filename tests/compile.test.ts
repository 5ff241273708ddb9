// The compiled command line (bin/compile.js, bin/brief.js): `brief` runs dist/, never stale code —
// a file under src/ saved after the last compile makes the next run compile first — and what it
// runs was compiled from today's src/ (a syntax error is reported with its file and line).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/run-cli.js';

const STAMP = path.join(ROOT, 'dist/.stamp');

describe('the compiled command line', () => {
  it('compiles again before running when a file under src/ is newer than the last compile', () => {
    runCli(['help']);
    const compiled = fs.statSync(STAMP).mtimeMs;
    // Saved again, unchanged: newer than the stamp, the same bytes (other tests may be running dist/).
    const file = path.join(ROOT, 'src/report.ts');
    const later = new Date(Math.max(Date.now(), compiled + 2000));
    fs.utimesSync(file, later, later);
    const r = runCli(['help']);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.statSync(STAMP).mtimeMs).toBeGreaterThan(compiled);
    // Now current: nothing to do.
    expect(execFileSync(process.execPath, [path.join(ROOT, 'bin/compile.js')], { encoding: 'utf8' })).toBe('');
  });

  it('refuses source that does not parse, naming the file and line, and runs nothing', () => {
    // A copy of the project's compiler and sources, so the real src/ is never broken.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-compile-'));
    fs.cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    fs.appendFileSync(path.join(dir, 'src/report.ts'), '\nexport const broken = (;\n');
    const r = spawnSync(process.execPath, [path.join(dir, 'bin/brief.js'), 'help'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^src\/report\.ts:\d+:\d+: error: /m);
    expect(r.stderr).toMatch(/could not compile src\/ into dist\//);
    expect(r.stdout).toBe('');
    expect(fs.existsSync(path.join(dir, 'dist/cli.js'))).toBe(false);
  });
});
