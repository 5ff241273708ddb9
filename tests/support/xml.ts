// Reading a DOCX part's XML in tests: a small element tree (name, attributes, children, text) from
// fast-xml-parser, and the few questions the tests ask of it.
import { XMLParser } from 'fast-xml-parser';

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false });

export function parseXml(xml: string): El {
  const convert = (nodes: Record<string, unknown>[]): El[] =>
    nodes.flatMap((node) => {
      const name = Object.keys(node).find((k) => k !== ':@')!;
      if (name === '#text') return [{ name, attrs: {}, children: [], text: String(node[name]) }];
      const children = convert((node[name] as Record<string, unknown>[]) ?? []);
      return [{ name, attrs: (node[':@'] as Record<string, string>) ?? {}, children, text: children.map((c) => c.text).join('') }];
    });
  return { name: '#document', attrs: {}, children: convert(parser.parse(xml) as Record<string, unknown>[]), text: '' };
}

/** Every element with that name under el, in document order. */
export function all(el: El, name: string): El[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}
export const one = (el: El, name: string): El | undefined => all(el, name)[0];
/** A paragraph's text as Word shows it (inserted text included, deleted text not). */
export const textOf = (el: El): string => all(el, 'w:t').map((t) => t.text).join('');
/** Deleted text (w:delText) under el. */
export const deletedTextOf = (el: El): string => all(el, 'w:delText').map((t) => t.text).join('');

/** A reader of a DOCX package's parts, each parsed once. */
export function packageParts(zip: { file(name: string): { async(type: 'string'): Promise<string> } | null }): (name: string) => Promise<El> {
  const parts = new Map<string, El>();
  return async (name) => {
    if (!parts.has(name)) {
      const xml = await zip.file(name)?.async('string');
      if (xml === undefined) throw new Error(`no ${name} in the package`);
      parts.set(name, parseXml(xml));
    }
    return parts.get(name)!;
  };
}
