// Chromium writes the print time and its own user agent into the PDF; a brief's PDF should say
// who wrote it and when the version was issued, and be the same bytes every build. pdf-lib sets
// the Info dictionary from the front matter; the structure tree and outline pass through.
import { PDFDocument } from 'pdf-lib';
import type { BriefDocument } from '../../model/types.js';
import { versionInstant } from '../../model/dates.js';
import { GENERATOR } from '../html/render-html.js';

export async function stampPdf(pdf: Uint8Array, doc: BriefDocument): Promise<Uint8Array> {
  const out = await PDFDocument.load(pdf, { updateMetadata: false });
  const { meta } = doc;
  const when = versionInstant(meta.date);
  out.setTitle(meta.title, { showInWindowTitleBar: true });
  out.setAuthor(meta.authors.map((a) => a.name).join('; '));
  out.setSubject(meta.summary ?? `CRS In Focus ${meta.product}, version ${meta.version}`);
  // One entry: pdf-lib joins entries with spaces, which would run "North Korea" into "DPRK".
  out.setKeywords([[meta.product, ...meta.keywords].join(', ')]);
  out.setCreator(`${GENERATOR} (CRS In Focus, ${meta.product} version ${meta.version})`);
  out.setProducer(`${GENERATOR} with Chromium (Skia/PDF) and pdf-lib`);
  out.setCreationDate(when);
  out.setModificationDate(when);
  out.setLanguage(meta.lang);
  return out.save({ useObjectStreams: false, updateFieldAppearances: false });
}
