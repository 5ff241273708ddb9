// The PDF's bookmarks, read with pdf-lib's object model (poppler 22 has no outline dump).
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

export interface OutlineItem {
  title: string;
  children: OutlineItem[];
}

export async function pdfOutline(bytes: Uint8Array): Promise<OutlineItem[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (parent: PDFDict | undefined): OutlineItem[] => {
    const items: OutlineItem[] = [];
    for (let item = parent?.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const t = item.lookup(PDFName.of('Title'));
      const title = t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : '';
      items.push({ title, children: walk(item) });
    }
    return items;
  };
  return walk(root);
}

export function flatten(items: OutlineItem[]): string[] {
  return items.flatMap((i) => [i.title, ...flatten(i.children)]);
}
