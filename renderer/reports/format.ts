import i18next from 'i18next';

/** A moment as the console's language writes a date and time. */
export function when(ms: number | null): string {
  if (ms === null) return '';
  return new Date(ms).toLocaleString(i18next.language || 'en', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A share 0..1 as a whole-ish percentage ("75%", "66.7%"); a dash with no answer. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined) return '–';
  const value = 100 * share;
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

/** A file name made of a class's title and id (letters and digits of any script, and dashes). */
export function csvFileName(classId: string, title: string): string {
  const stem = `${title}-${classId}`.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/-+/g, '-').slice(0, 80);
  return `report-${stem || classId}.csv`;
}
