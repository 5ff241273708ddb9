// Small questions asked of hast elements across the model and the renderers.
import type { Element } from 'hast';
import { PROP } from './vocabulary.js';

export function hasClass(el: Element, name: string): boolean {
  const c = el.properties?.className;
  return Array.isArray(c) && c.includes(name);
}

export interface TableRowCells {
  tr: Element;
  cells: Element[];
  /** In <thead>, or made of <th> cells only. */
  header: boolean;
}

/** A table's rows in order (through thead, tbody, tfoot), each with its cells. */
export function tableRows(table: Element): TableRowCells[] {
  const rows: TableRowCells[] = [];
  const walk = (el: Element, header: boolean) => {
    for (const child of el.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') {
        const cells = child.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
        rows.push({ tr: child, cells, header: header || (cells.length > 0 && cells.every((c) => c.tagName === 'th')) });
      } else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') walk(child, child.tagName === 'thead');
    }
  };
  walk(table, false);
  return rows;
}

/** A table figure's column widths in points, as the author set them (`widths=`), or null. */
export function tableWidths(figure: Element): number[] | null {
  const value = figure.properties[PROP.widths];
  if (typeof value !== 'string') return null;
  const widths = value.split(' ').map(Number);
  return widths.length > 0 && widths.every((w) => Number.isFinite(w) && w > 0) ? widths : null;
}
