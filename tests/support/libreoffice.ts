// DOCX → PDF with LibreOffice, as a reader without Word would open and print it: a private
// profile (no first-start dialogs, no clash with another soffice on the machine), headless.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Converts the files in one soffice run; returns the PDFs' paths, in the same order. */
export function docxToPdf(files: string[], outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${outDir}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  return files.map((f) => path.join(outDir, path.basename(f).replace(/\.docx$/, '.pdf')));
}
