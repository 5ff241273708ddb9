// Files appear whole or not at all: write beside the target, then rename over it.
import fs from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
