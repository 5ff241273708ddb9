// The editions of the In Focus style, by the id a brief names in its front matter (`style:`).
import type { Edition, EditionId } from './edition.js';
import { inFocus2020 } from './editions/in-focus-2020.js';
import { inFocus2026 } from './editions/in-focus-2026.js';

export const EDITIONS: Record<EditionId, Edition> = {
  'in-focus-2020': inFocus2020,
  'in-focus-2026': inFocus2026,
};
