// The benchmark's synthetic catalogue (scripts/generate-catalogue.mts): the same seed gives the
// same bytes, the briefs are valid sources for the real command line, and they differ from each
// other in what they contain.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../scripts/generate-catalogue.mjs';
import { runCli } from './support/run-cli.js';

const dirs: string[] = [];
const fresh = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'brief-catalogue-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Every file under `dir`, relative path → bytes. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full), fs.readFileSync(full));
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

describe('the synthetic catalogue', () => {
  it('is byte-identical for the same seed, and different for another', () => {
    const [a, b, c] = [fresh(), fresh(), fresh()];
    generateCatalogue({ count: 10, seed: 7, out: a });
    generateCatalogue({ count: 10, seed: 7, out: b });
    generateCatalogue({ count: 10, seed: 8, out: c });
    const [fa, fb, fc] = [files(a), files(b), files(c)];
    expect([...fa.keys()]).toEqual([...fb.keys()]);
    for (const [name, bytes] of fa) expect(bytes.equals(fb.get(name)!), name).toBe(true);
    expect(fa.get('IF90001/brief.md')!.equals(fc.get('IF90001/brief.md') ?? Buffer.alloc(0))).toBe(false);
  });

  it('passes `brief check --no-fit`', () => {
    const dir = fresh();
    const briefs = generateCatalogue({ count: 5, out: dir });
    expect(briefs.map((b) => b.product)).toEqual(['IF90001', 'IF90002', 'IF90003', 'IF90004', 'IF90005']);
    const r = runCli(['check', '--no-fit', '--content', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^ok IF900\d\d /gm)).toHaveLength(5);
  });

  it('varies what its briefs hold: figures, tables, lists, quotes, superscripts, lengths', () => {
    const dir = fresh();
    const briefs = generateCatalogue({ count: 10, out: dir });
    const texts = briefs.map((b) => fs.readFileSync(path.join(dir, b.product, 'brief.md'), 'utf8'));
    expect(new Set(texts).size).toBe(10);
    expect(texts.some((t) => /^::figure\[/m.test(t))).toBe(true);
    expect(texts.some((t) => /^:::table\[/m.test(t))).toBe(true);
    expect(texts.some((t) => /^- /m.test(t))).toBe(true);
    expect(texts.some((t) => /^1\. /m.test(t))).toBe(true);
    expect(texts.some((t) => /^> /m.test(t))).toBe(true);
    expect(texts.some((t) => /\^\w+\^/.test(t))).toBe(true);
    expect(new Set(briefs.map((b) => Math.round(b.words / 100))).size).toBeGreaterThan(2);
    // A figure's files come with it.
    for (const b of briefs) for (const f of b.figureFiles) expect(fs.existsSync(path.join(dir, b.product, f.to)), `${b.product}/${f.to}`).toBe(true);
  });
});
