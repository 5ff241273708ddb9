// What docx's packer leaves to us, done on its output before the file is written: our font table
// with embedded fonts cut down to the characters the parts show (shown-characters.ts, fonts.ts),
// document properties it does not write (language) or writes from the clock (created, modified),
// widow control as a default, stable ids where docx draws random ones, a check that every style
// reference resolves, and a deterministic zip.
import type { BriefDocument } from '../../model/types.js';
import { versionInstant } from '../../model/dates.js';
import { GENERATOR } from '../html/render-html.js';
import { deterministicZip, readZip } from './deterministic-zip.js';
import { fontTableParts } from './fonts.js';
import { shownCharacters } from './shown-characters.js';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** W3CDTF without milliseconds, as Word writes it. */
const w3cdtf = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function text(parts: Map<string, string | Uint8Array>, name: string): string {
  const part = parts.get(name);
  if (typeof part !== 'string') throw new Error(`DOCX: the package has no ${name}`);
  return part;
}

function replaceOnce(xml: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(xml)) throw new Error(`DOCX: cannot set ${what}: docx wrote it differently than expected`);
  return xml.replace(pattern, replacement);
}

/** core.xml: created and modified at the version's instant; dc:language from the front matter. */
function coreProperties(xml: string, doc: BriefDocument): string {
  const when = w3cdtf(versionInstant(doc.meta.date));
  let out = replaceOnce(xml, /(<dcterms:created [^>]*>)[^<]*(<\/dcterms:created>)/, `$1${when}$2`, 'dcterms:created');
  out = replaceOnce(out, /(<dcterms:modified [^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${when}$2`, 'dcterms:modified');
  return out.replace(/<dc:language>[^<]*<\/dc:language>/, '').replace('</cp:coreProperties>', `<dc:language>${xmlEscape(doc.meta.lang)}</dc:language></cp:coreProperties>`);
}

/**
 * Widow and orphan control for every paragraph (the house style keeps two lines together, as
 * the PDF does). docx has no option for it in the document defaults; absent, it is off.
 */
function widowControl(xml: string): string {
  return replaceOnce(xml, /<w:pPrDefault><w:pPr>/, '<w:pPrDefault><w:pPr><w:widowControl/>', 'widow control');
}

/**
 * docx names a hyperlink's relationship with a random id (rId + nanoid); renumber those in
 * document order, so two builds write the same ids.
 */
function stableRelationshipIds(parts: Map<string, string | Uint8Array>): void {
  for (const [name, rels] of parts) {
    if (typeof rels !== 'string' || !name.endsWith('.rels')) continue;
    const owner = name.replace(/_rels\/([^/]+)\.rels$/, '$1');
    const ids = [...rels.matchAll(/Id="(rId[^"]*)"/g)].map((m) => m[1]!).filter((id) => !/^rId\d+$/.test(id));
    if (ids.length === 0) continue;
    let ownerXml = parts.get(owner);
    let relsXml = rels;
    ids.forEach((id, i) => {
      const stable = `rIdLink${i + 1}`;
      relsXml = relsXml.split(`"${id}"`).join(`"${stable}"`);
      if (typeof ownerXml === 'string') ownerXml = ownerXml.split(`"${id}"`).join(`"${stable}"`);
    });
    parts.set(name, relsXml);
    if (typeof ownerXml === 'string') parts.set(owner, ownerXml);
  }
}

/** Every w:pStyle / w:rStyle / w:tblStyle in the package names a style styles.xml defines. */
export function checkStyleReferences(parts: ReadonlyMap<string, string | Uint8Array>): void {
  const styles = parts.get('word/styles.xml');
  if (typeof styles !== 'string') throw new Error('DOCX: the package has no word/styles.xml');
  const defined = new Set([...styles.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"/g)].map((m) => m[1]!));
  for (const [name, xml] of parts) {
    if (typeof xml !== 'string' || !name.startsWith('word/')) continue;
    for (const m of xml.matchAll(/<w:(pStyle|rStyle|tblStyle|basedOn|next|link)\b[^>]*\bw:val="([^"]*)"/g)) {
      if (!defined.has(m[2]!)) throw new Error(`DOCX: ${name} refers to style "${m[2]}" (w:${m[1]}), which word/styles.xml does not define`);
    }
  }
}

/** app.xml: docx writes it empty; say what made the file and whose it is. */
function appProperties(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${GENERATOR}</Application><DocSecurity>0</DocSecurity><Company>Congressional Research Service</Company>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>'
  );
}

export async function finishPackage(packed: Uint8Array, doc: BriefDocument): Promise<Uint8Array> {
  const parts = await readZip(packed);
  for (const [name, part] of await fontTableParts(doc.edition, shownCharacters(parts))) parts.set(name, part);
  parts.set('docProps/core.xml', coreProperties(text(parts, 'docProps/core.xml'), doc));
  parts.set('docProps/app.xml', appProperties());
  // The fonts are embedded, as subsets: Word keeps them, so, when it saves the file (schema order:
  // after displayBackgroundShape, before defaultTabStop).
  parts.set('word/settings.xml', replaceOnce(text(parts, 'word/settings.xml'), /<w:displayBackgroundShape\/>/, '<w:displayBackgroundShape/><w:embedTrueTypeFonts/><w:saveSubsetFonts/>', 'the embedded fonts setting'));
  parts.set('word/styles.xml', widowControl(text(parts, 'word/styles.xml')));
  stableRelationshipIds(parts);
  checkStyleReferences(parts);
  return deterministicZip(parts, versionInstant(doc.meta.date));
}
