// The site's files, held in memory until everything is rendered, so a failure writes nothing.
// Paths are relative to the site root and '/'-separated: the same strings serve as links, zip
// names and manifest paths.
import { sha256 } from '../content-hash.js';

export interface SiteFile {
  path: string;
  size: number;
  sha256: string;
}

export class SiteFiles {
  readonly files = new Map<string, Uint8Array>();

  add(sitePath: string, data: string | Uint8Array): SiteFile {
    if (this.files.has(sitePath)) throw new Error(`site: ${sitePath} written twice`);
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.files.set(sitePath, bytes);
    return { path: sitePath, size: bytes.byteLength, sha256: sha256(bytes) };
  }
}

/** "99 kB", "1.2 MB": decimal units, as file managers and browsers show them. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** A link from one site page to another site path: both site-relative, the result relative. */
export function relativeLink(fromPage: string, to: string): string {
  const from = fromPage.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  return [...from.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}
