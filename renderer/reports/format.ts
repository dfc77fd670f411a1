import i18next from 'i18next';
import type { ClassReport } from '../../shared/protocol/reports';
import { fileStem } from '../components/saveFile';
import type { WordBook } from '../supervise/components/people';

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

/** A report file's stem, made of its class's title and id. */
export function reportFileStem(classId: string, title: string): string {
  return `report-${fileStem(`${title}-${classId}`, 80) || classId}`;
}

/** The words for the ids a report's help reasons carry (people and the class), from the report itself. */
export function reportWordBook(report: Pick<ClassReport, 'people' | 'classId' | 'title'>): WordBook {
  const names = new Map(report.people.map((p) => [p.userId, p.name]));
  return { person: (id) => names.get(id), classTitle: (id) => (id === report.classId ? report.title : undefined) };
}
