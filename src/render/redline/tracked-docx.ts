// Version B as a Word document carrying the changes from version A as tracked changes.
import type { BriefDocument } from '../../model/types.js';
import type { BlockChange } from './compare.js';

export async function renderTrackedDocx(_doc: BriefDocument, _changes: BlockChange[]): Promise<Uint8Array> {
  throw new Error('tracked-changes DOCX: waiting for the DOCX renderer');
}
