// Word measures in twips (1/20 pt), half-points (font sizes), eighths of a point (borders) and,
// for drawings, pixels at 96 to the inch; the house style measures in points. The page's own
// measures are the edition's (styles.ts, pageGeometry).

export const twips = (pt: number): number => Math.round(pt * 20);
export const halfPoints = (pt: number): number => Math.round(pt * 2);
export const eighths = (pt: number): number => Math.round(pt * 8);
export const pixels = (pt: number): number => (pt * 96) / 72;
/** English Metric Units (drawing line widths): 12,700 to the point. */
export const emus = (pt: number): number => Math.round(pt * 12700);
