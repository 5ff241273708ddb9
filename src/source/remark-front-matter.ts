// remark plugin: parse the YAML front matter, validate it, and put it on `file.data.meta`.
// Every problem becomes its own vfile message at the line and column of the offending value.
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { fail } from '../report.js';
import { EXPECTED, KNOWN_FIELDS, frontMatterSchema, type FrontMatter } from './front-matter-schema.js';

declare module 'vfile' {
  interface DataMap {
    meta: FrontMatter;
  }
}

type Point = { line: number; column: number };

export const remarkFrontMatter: Plugin<[], Root> = () => (tree, file) => {
  const first = tree.children[0];
  if (!first || first.type !== 'yaml') {
    const opened = /^---[ \t]*\r?\n/.test(String(file.value));
    fail(
      file,
      opened
        ? 'front matter opened with `---` on line 1 is never closed: expected a line `---` after the last field'
        : 'expected front matter: a block of fields between `---` lines at the top of the file',
      { line: 1, column: 1 },
      opened ? 'front-matter-unterminated' : 'front-matter-missing',
    );
    return;
  }
  // The YAML text starts on the line after the opening `---`.
  const base = (first.position?.start.line ?? 1) + 1;
  const counter = new LineCounter();
  const doc = parseDocument(first.value, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Point => {
    const p = counter.linePos(offset);
    return { line: base + p.line - 1, column: p.col };
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      // yaml reports an unclosed quote where the text ends; point at where the quote opened.
      const opened = e.code === 'MISSING_CHAR' ? unclosedQuote(first.value) : undefined;
      if (opened !== undefined) {
        fail(file, 'front matter is not valid YAML: this quoted value is never closed: expected a closing quote on the same line', at(opened), 'front-matter-yaml');
      } else {
        fail(file, `front matter is not valid YAML: ${e.message.split('\n')[0]}`, at(e.pos[0]), 'front-matter-yaml');
      }
    }
    return;
  }
  const data: unknown = doc.toJS();
  const blockStart = { line: base - 1, column: 1 };
  if (!isMap(doc.contents)) {
    fail(file, 'front matter must be a set of `field: value` lines', blockStart, 'front-matter-shape');
    return;
  }
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues;
    // A misspelt field shows up twice (unknown `athors`, missing `authors`): say it once.
    const misspelt = new Set(
      issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys.map((k) => KNOWN_FIELDS.find((f) => similar(f, k))) : [])),
    );
    for (const issue of issues) {
      if (issue.path.length === 1 && valueAt(data, issue.path) === undefined && misspelt.has(String(issue.path[0]))) continue;
      report(file, issue, doc.contents, at, blockStart, data);
    }
    return;
  }
  const meta = result.data;
  const folder = productFolder(file);
  if (folder && folder !== meta.product) {
    const node = doc.get('product', true) as YamlNode | undefined;
    fail(
      file,
      `product: \`${meta.product}\` does not match its folder \`${folder}\`: expected the folder name, content/${folder}/`,
      node?.range ? at(node.range[0]) : blockStart,
      'front-matter-product-folder',
    );
    return;
  }
  file.data.meta = meta;
};

/** Offset of the first double or single quote that opens a value and is not closed on its line. */
function unclosedQuote(yaml: string): number | undefined {
  let offset = 0;
  for (const line of yaml.split('\n')) {
    const m = /^\s*(?:-\s+)?[^:#]+:\s*(["'])/.exec(line) ?? /^\s*-\s+(["'])/.exec(line);
    if (m) {
      const q = m[1]!;
      const start = m[0].length - 1;
      const rest = line.slice(start + 1);
      const closed = q === '"' ? /(^|[^\\])"/.test(rest) : rest.includes("'");
      if (!closed) return offset + start;
    }
    offset += line.length + 1;
  }
  return undefined;
}

function productFolder(file: VFile): string | undefined {
  const parts = file.dirname?.split(/[\\/]/) ?? [];
  return parts[parts.length - 1];
}

function nodeAt(root: YamlNode, path: PropertyKey[]): YamlNode | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (isMap(node)) node = node.get(key as never, true);
    else if (isSeq(node)) node = node.get(key as number, true);
    else return undefined;
  }
  return node as YamlNode | undefined;
}

function keyNodeAt(root: YamlNode, path: PropertyKey[], key: string): YamlNode | undefined {
  const parent = nodeAt(root, path);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair?.key as YamlNode | undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return String(value);
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function report(
  file: VFile,
  issue: z.core.$ZodIssue,
  root: YamlNode,
  at: (offset: number) => Point,
  blockStart: Point,
  data: unknown,
): void {
  const path = issue.path;
  const field = path.map(String).join('.') || 'front matter';
  const last = [...path].reverse().find((k) => typeof k === 'string') as string | undefined;
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const node = keyNodeAt(root, path, key);
      const known = path.length === 0 ? KNOWN_FIELDS : ['name', 'title'];
      const near = known.find((k) => similar(k, key));
      fail(
        file,
        `unknown field \`${[...path.map(String), key].join('.')}\`${near ? ` (did you mean \`${near}\`?)` : ''}: expected one of ${known.join(', ')}`,
        node?.range ? at(node.range[0]) : blockStart,
        'front-matter-unknown-field',
      );
    }
    return;
  }
  const value = valueAt(data, path);
  const expected = EXPECTED[last ?? ''] ?? issue.message;
  if (value === undefined) {
    // A missing field has no place of its own: point at the map that should hold it.
    const parent = nodeAt(root, path.slice(0, -1));
    fail(
      file,
      `missing field \`${field}\`: expected ${expected}`,
      parent?.range ? at(parent.range[0]) : blockStart,
      'front-matter-missing-field',
    );
    return;
  }
  const node = nodeAt(root, path);
  fail(
    file,
    `\`${field}\`: expected ${expected}, got ${describe(value)}`,
    node?.range ? at(node.range[0]) : blockStart,
    'front-matter-invalid',
  );
}

/** Edit distance of at most 2, enough to catch `tilte` or `auhtors`. */
function similar(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]! <= 2;
}
