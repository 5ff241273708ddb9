// `brief build --shard I/N`: the catalogue cut into N parts that N machines build at once. The
// partition is deterministic (the same catalogue gives every runner the same parts, with no
// coordination) and balanced by an estimate of each product's work: a fixed part (a page, its
// fonts, three renderers), the length of its draft's text, a little per other source file (a
// figure's data or picture: its bytes say little about the work) and per published version
// (restored, not rendered).
// Longest first, each to the part with the least work so far (ties: the lower part), products in
// code order among equals. Every product is in exactly one part; the parts' outputs are disjoint
// folders, so together they are the whole build, byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { BRIEF_FILE, findBriefs, UsageError } from '../source/find-briefs.js';
import { listFiles } from './content-hash.js';
import { publishedVersions, VERSIONS_DIR } from './versions.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `2/4` → { index: 2, count: 4 }; a usage error names what was expected. */
export function parseShard(text: string): Shard {
  const m = /^([1-9]\d*)\/([1-9]\d*)$/.exec(text.trim());
  if (!m || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard ${text}: expected I/N with 1 ≤ I ≤ N, e.g. --shard 2/4`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

/** Estimated work in the units of a draft's text bytes (a brief's text is about 15,000). */
const PER_BRIEF = 15_000;
const PER_OTHER_FILE = 3_000;
const PER_PUBLISHED_VERSION = 2_000;

function weight(productDir: string): number {
  const files = listFiles(productDir, [VERSIONS_DIR]);
  const text = files.includes(BRIEF_FILE) ? fs.statSync(path.join(productDir, BRIEF_FILE)).size : 0;
  return PER_BRIEF + text + PER_OTHER_FILE * (files.length - 1) + PER_PUBLISHED_VERSION * publishedVersions(productDir).length;
}

/** Every product's part (1-based), for all of `contentDir` (or the products named). */
export function partition(contentDir: string, products: string[], count: number): Map<string, number> {
  const weighed = findBriefs(contentDir, products)
    .map((b) => ({ product: b.product, weight: weight(path.dirname(b.sourcePath)) }))
    .sort((a, b) => b.weight - a.weight || (a.product < b.product ? -1 : 1));
  const load = new Array<number>(count).fill(0);
  const part = new Map<string, number>();
  for (const { product, weight } of weighed) {
    const least = load.indexOf(Math.min(...load));
    load[least]! += weight;
    part.set(product, least + 1);
  }
  return part;
}

/** The products of one part, in code order. */
export function shardProducts(contentDir: string, products: string[], shard: Shard): string[] {
  return [...partition(contentDir, products, shard.count)]
    .filter(([, i]) => i === shard.index)
    .map(([p]) => p)
    .sort();
}
