// Small questions asked of hast elements across the model and the renderers.
import type { Element } from 'hast';

export function hasClass(el: Element, name: string): boolean {
  const c = el.properties?.className;
  return Array.isArray(c) && c.includes(name);
}
