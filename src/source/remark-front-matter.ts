// remark plugin: parse the YAML front matter, validate it, and put it on `file.data.meta`.
// Every problem becomes its own vfile message at the line and column of the offending value.
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { fail } from '../report.js';
import { EXPECTED, KNOWN_FIELDS, LAYOUT_FIELDS, frontMatterSchema, type FrontMatter } from './front-matter-schema.js';
import { checkYaml } from './yaml-schema.js';

declare module 'vfile' {
  interface DataMap {
    meta: FrontMatter;
  }
}

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
  const { value: meta, locate } = checkYaml({
    file,
    text: first.value,
    // The YAML text starts on the line after the opening `---`.
    firstLine: (first.position?.start.line ?? 1) + 1,
    schema: frontMatterSchema,
    what: 'front matter',
    rule: 'front-matter',
    expected: (path) => EXPECTED[String([...path].reverse().find((k) => typeof k === 'string') ?? '')],
    knownKeys: (path) => (path.length === 0 ? KNOWN_FIELDS : path[0] === 'layout' ? LAYOUT_FIELDS : ['name', 'title']),
  });
  if (!meta) return;
  const folder = productFolder(file);
  if (folder && folder !== meta.product) {
    fail(
      file,
      `product: \`${meta.product}\` does not match its folder \`${folder}\`: expected the folder name, content/${folder}/`,
      locate(['product']),
      'front-matter-product-folder',
    );
    return;
  }
  file.data.meta = meta;
};

/** content/<P>/brief.md, or a frozen version's content/<P>/versions/<n>/brief.md. */
function productFolder(file: VFile): string | undefined {
  const parts = file.dirname?.split(/[\\/]/) ?? [];
  const last = parts.length - 1;
  if (/^\d+$/.test(parts[last] ?? '') && parts[last - 1] === 'versions') return parts[last - 2];
  return parts[last];
}
