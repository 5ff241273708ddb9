// Run the real `brief` command line in a child process, as a user or CI would: bin/brief.js, the
// compiled code in dist/ (compiled first if src/ changed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/brief.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 170_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A content folder with `product`'s draft only, its published versions left out: a build of it
 * renders the brief with today's code (a published version's files are restored from its record,
 * which would test the record, not the renderer).
 */
export function draftContent(product = 'IF11415'): string {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), `brief-draft-${product}-`));
  fs.cpSync(path.join(ROOT, 'content', product), path.join(content, product), { recursive: true, filter: (src) => !src.includes(`${path.sep}versions`) });
  return content;
}
