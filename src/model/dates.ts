// Dates come from the brief's own `date` field, never from the clock, so builds are repeatable.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The parts of an ISO date, as numbers. */
export function dateParts(iso: string): { y: number; m: number; d: number } {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  return { y, m, d };
}

export const monthName = (m: number): string => MONTHS[m - 1]!;

/** "2020-01-22" → "January 22, 2020" (CRS style). */
export function displayDate(iso: string): string {
  const { y, m, d } = dateParts(iso);
  return `${monthName(m)} ${d}, ${y}`;
}

/** Noon UTC on the version's date: a fixed instant for file metadata and zip entries. */
export function versionInstant(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}
