// Handlebars templates of a house layout (templates/<house>/): layout.hbs, its partials and its
// stylesheets, compiled once per process (or again after `forgetHouseTemplates`, when the live
// preview sees a template or stylesheet change).
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../shared/paths.js';

export interface HouseTemplates {
  layout: Handlebars.TemplateDelegate;
  css: string;
  pagedCss: string;
}

const cache = new Map<string, HouseTemplates>();

export function houseTemplates(house = 'in-focus'): HouseTemplates {
  const cached = cache.get(house);
  if (cached) return cached;
  const dir = path.join(TEMPLATES_DIR, house);
  // Each house gets its own Handlebars environment so partials of different houses never mix.
  const hb = Handlebars.create();
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(String(sep)) : ''));
  hb.registerHelper('upper', (s: unknown) => String(s ?? '').toUpperCase());
  const partials = path.join(dir, 'partials');
  for (const name of fs.readdirSync(partials).sort()) {
    if (name.endsWith('.hbs')) hb.registerPartial(name.slice(0, -4), fs.readFileSync(path.join(partials, name), 'utf8'));
  }
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  const templates: HouseTemplates = {
    // strict: a misspelt field in a template is an error, not an empty string on the page.
    layout: hb.compile(read('layout.hbs'), { strict: true }),
    css: read('in-focus.css'),
    pagedCss: read('paged.css'),
  };
  cache.set(house, templates);
  return templates;
}

/** Drop the compiled templates and stylesheets, so the next render reads them from disk again. */
export function forgetHouseTemplates(): void {
  cache.clear();
}
