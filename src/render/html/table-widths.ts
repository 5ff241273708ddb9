// A table with set column widths (`widths=`, model PROP.widths): a <colgroup> gives each column its
// share and the table a fixed layout; the figure carries its whole width as --table-width, which
// the printed page uses to set it that wide, centred (past the margins if it is wider than them).
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { hasClass, tableWidths } from '../../model/hast-utils.js';
import { CLASS } from '../../model/vocabulary.js';

/** Applies the widths in place; `body` must be the caller's own copy. */
export function applyTableWidths(body: Root): Root {
  visit(body, 'element', (figure) => {
    if (figure.tagName !== 'figure' || !hasClass(figure, CLASS.tableFigure)) return;
    const widths = tableWidths(figure);
    const table = figure.children.find((c): c is Element => c.type === 'element' && c.tagName === 'table');
    if (!widths || !table) return;
    const total = widths.reduce((a, b) => a + b, 0);
    figure.properties.style = `--table-width:${round(total)}pt`;
    table.properties.style = 'table-layout:fixed';
    const cols = widths.map((w): Element => ({ type: 'element', tagName: 'col', properties: { style: `width:${round((100 * w) / total)}%` }, children: [] }));
    table.children.unshift({ type: 'element', tagName: 'colgroup', properties: {}, children: cols });
  });
  return body;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
