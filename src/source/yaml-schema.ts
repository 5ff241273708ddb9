// Check a YAML text against a zod schema and report each problem as a vfile message at the line
// and column of the offending value (or of the map missing a field): shared by front matter and
// figure data files.
import type { VFile } from 'vfile';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, visit, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { fail } from '../report.js';
import { characterProblems } from './decode-text.js';

/** Aliases a YAML text may expand: none is needed in front matter or figure data, so a few are plenty. */
const MAX_ALIAS_COUNT = 100;

export type Point = { line: number; column: number };
export type Path = PropertyKey[];

export interface YamlCheck<T> {
  file: VFile;
  text: string;
  /** Line of `text`'s first line in `file`. */
  firstLine: number;
  schema: z.ZodType<T>;
  /** What the text is, for messages: "front matter", "figure data". */
  what: string;
  /** Prefix of rule ids: front-matter-yaml, figure-data-invalid… */
  rule: string;
  /** What a person should write at this path. */
  expected: (path: Path, reason: string) => string | undefined;
  /** The keys allowed in the map at this path (for "did you mean"). */
  knownKeys: (path: Path) => string[];
}

export interface YamlResult<T> {
  value?: T;
  /** Where the value at a path was written (the map's start for a missing one). */
  locate: (path: Path) => Point;
}

export function fieldName(path: Path): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i > 0 ? '.' : ''}${String(k)}`)).join('') || 'the file';
}

export function checkYaml<T>(c: YamlCheck<T>): YamlResult<T> {
  const counter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(c.text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    // The YAML parser is not expected to throw, but a brief must still get a message, not a trace.
    fail(c.file, `${c.what} cannot be read as YAML (${String((err as Error).message ?? err).split('\n')[0]}): expected simple \`field: value\` lines`, { line: c.firstLine, column: 1 }, `${c.rule}-yaml`);
    return { locate: () => ({ line: c.firstLine, column: 1 }) };
  }
  const at = (offset: number): Point => {
    const p = counter.linePos(offset);
    return { line: c.firstLine + p.line - 1, column: p.col };
  };
  const start: Point = { line: Math.max(1, c.firstLine - 1), column: 1 };
  const locate = (path: Path): Point => {
    for (let n = path.length; n >= 0; n--) {
      const node = nodeAt(doc.contents as YamlNode, path.slice(0, n));
      if (node?.range) return at(node.range[0]);
    }
    return start;
  };
  // Warnings are errors too: an unknown tag (`!!js/function`) would otherwise publish the tag's text.
  for (const w of doc.warnings) {
    const reason = w.code === 'TAG_RESOLVE_FAILED' ? `${w.message.split('\n')[0]}: expected plain values, without \`!\` tags` : w.message.split('\n')[0];
    fail(c.file, `${c.what} is not valid YAML: ${reason}`, at(w.pos[0]), `${c.rule}-yaml`);
  }
  if (doc.errors.length > 0 || doc.warnings.length > 0) {
    for (const e of doc.errors) {
      // yaml reports an unclosed quote where the text ends; point at where the quote opened.
      const opened = e.code === 'MISSING_CHAR' ? unclosedQuote(c.text) : undefined;
      if (opened !== undefined) {
        fail(c.file, `${c.what} is not valid YAML: this quoted value is never closed: expected a closing quote on the same line`, at(opened), `${c.rule}-yaml`);
      } else {
        fail(c.file, `${c.what} is not valid YAML: ${e.message.split('\n')[0]}`, at(e.pos[0]), `${c.rule}-yaml`);
      }
    }
    return { locate };
  }
  if (!isMap(doc.contents)) {
    fail(c.file, `${c.what} must be a set of \`field: value\` lines`, start, `${c.rule}-shape`);
    return { locate };
  }
  // Escapes (`"\\0"`, `"\\uD800"`) can put characters into a value that the file itself may not hold.
  let badText = false;
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || !node.range) return;
      const problems = characterProblems(node.value, `${c.what} value`, at(node.range[0]));
      // Positions inside an escaped value do not map to the file: report the value's start.
      for (const p of problems.slice(0, 1)) fail(c.file, p.reason, at(node.range[0]), p.rule);
      if (problems.length > 0) badText = true;
    },
  });
  if (badText) return { locate };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml refuses alias bombs (aliases of aliases expanding to millions of nodes) with a ReferenceError.
    let alias: Point = start;
    let found = false;
    visit(doc, {
      Alias(_, node) {
        if (found || !node.range) return;
        alias = at(node.range[0]);
        found = true;
      },
    });
    fail(
      c.file,
      found
        ? `${c.what}: its aliases (\`*name\`) expand to too many values (a YAML “billion laughs”); expected the values written out, without \`&anchors\` and \`*aliases\``
        : `${c.what} cannot be read as YAML (${String((err as Error).message ?? err).split('\n')[0]})`,
      alias,
      `${c.rule}-yaml`,
    );
    return { locate };
  }
  const result = c.schema.safeParse(data);
  if (result.success) return { value: result.data, locate };

  const issues = result.error.issues;
  // A misspelt field shows up twice (unknown `athors`, missing `authors`): say it once.
  const misspelt = new Set(
    issues.flatMap((i) =>
      i.code === 'unrecognized_keys' ? i.keys.map((k) => JSON.stringify([...i.path, c.knownKeys(i.path).find((f) => similar(f, k))])) : [],
    ),
  );
  for (const issue of issues) {
    const value = valueAt(data, issue.path);
    if (value === undefined && misspelt.has(JSON.stringify(issue.path))) continue;
    if (issue.code === 'unrecognized_keys') {
      const known = c.knownKeys(issue.path);
      for (const key of issue.keys) {
        const node = keyNodeAt(doc.contents as YamlNode, issue.path, key);
        const near = known.find((k) => similar(k, key));
        fail(
          c.file,
          `unknown field \`${fieldName([...issue.path, key])}\`${near ? ` (did you mean \`${near}\`?)` : ''}: expected one of ${known.join(', ')}`,
          node?.range ? at(node.range[0]) : locate(issue.path),
          `${c.rule}-unknown-field`,
        );
      }
      continue;
    }
    const expected = c.expected(issue.path, issue.message) ?? issue.message;
    if (value === undefined) {
      fail(c.file, `missing field \`${fieldName(issue.path)}\`: expected ${expected}`, locate(issue.path.slice(0, -1)), `${c.rule}-missing-field`);
    } else {
      fail(c.file, `\`${fieldName(issue.path)}\`: expected ${expected}, got ${describe(value)}`, locate(issue.path), `${c.rule}-invalid`);
    }
  }
  return { locate };
}

function nodeAt(root: YamlNode, path: Path): YamlNode | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (isMap(node)) node = node.get(key as never, true);
    else if (isSeq(node)) node = node.get(key as number, true);
    else return undefined;
  }
  return node as YamlNode | undefined;
}

function keyNodeAt(root: YamlNode, path: Path, key: string): YamlNode | undefined {
  const parent = nodeAt(root, path);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair?.key as YamlNode | undefined;
}

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return String(value);
}

/** Offset of the first quote that opens a value and is not closed on its line. */
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

/** Edit distance of at most 2, enough to catch `tilte` or `auhtors`. */
export function similar(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]! <= 2;
}
