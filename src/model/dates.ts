// Dates come from the brief's own `date` field, never from the clock, so builds are repeatable.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2020-01-22" → "January 22, 2020" (CRS style). */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}

/** Noon UTC on the version's date: a fixed instant for file metadata and zip entries. */
export function versionInstant(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}
