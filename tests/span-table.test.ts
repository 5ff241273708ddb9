// A table across both columns that ends at the foot of page 1, with text after it: the text goes on
// at the top of page 2, none lost. (Chromium lays what follows such a table in a row of columns below
// the page's region; paginate.js used to stop looking for the break inside the section holding the
// table and refused the brief, "content lost in the PDF".) The brief is one the bench's generator
// made (seed 1, IF90311 of 500), kept as a fixture.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfInfo, pdfText } from './support/pdf-text.js';
import { ROOT, runCli } from './support/run-cli.js';

const CONTENT = path.join(ROOT, 'tests/fixtures/span-table-end');

describe('a table spanning both columns at the foot of page 1', () => {
  it('fits, and the text after it starts page 2', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-span-table-'));
    const r = runCli(['build', 'IF90311', '--content', CONTENT, '--out', out, '--format', 'pdf']);
    expect(r.status, r.stderr).toBe(0);
    const pdf = path.join(out, 'IF90311/3/IF90311.pdf');
    expect(pdfInfo(pdf)['Pages']).toBe('3');
    const page1 = pdfText(pdf, 1);
    const page2 = pdfText(pdf, 2);
    expect(page1).toMatch(/Table 1\. Major Nutrition Programs in the 2018 Farm Bill/);
    expect(page1).not.toMatch(/What Impact Has the LRF/);
    // After the running header, page 2's first line opens with the heading that followed the table.
    const lines = page2.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines[0]).toBe('The Marine Corps’ Amphibious Combat Vehicle (ACV) (Catalogue 311)');
    expect(lines[1]).toMatch(/^What Impact Has the LRF Had on\s/);
  });
});
