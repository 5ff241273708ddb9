// Word measures in twips (1/20 pt), half-points (font sizes), eighths of a point (borders) and,
// for drawings, pixels at 96 to the inch; the house style measures in points.

export const twips = (pt: number): number => Math.round(pt * 20);
export const halfPoints = (pt: number): number => Math.round(pt * 2);
export const eighths = (pt: number): number => Math.round(pt * 8);
export const pixels = (pt: number): number => (pt * 96) / 72;
/** English Metric Units (drawing line widths): 12,700 to the point. */
export const emus = (pt: number): number => Math.round(pt * 12700);

/** The In Focus page (house style): Letter, 0.8 in sides, two 3.35 in columns 0.2 in apart. */
export const PAGE = {
  width: 612,
  height: 792,
  side: 57.6,
  /** Body top on pages without the masthead (page 2's figure or text starts here). */
  top: 48,
  /** Body bottom at y = 747 pt. */
  bottom: 45,
  /** Header and footer distances from the page edge: the masthead's top is 14 pt down. */
  header: 14,
  footer: 24,
  column: 241.2,
  gap: 14.4,
} as const;

/** Full text width: both columns and the gap (496.8 pt = 6.9 in). */
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.side;
