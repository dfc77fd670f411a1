import type { BoardSync, Course } from '../../shared/protocol';

/**
 * Where a person's board is, as the roster says it: the page by its number in the course, and how it compares with
 * the teacher's board (the reference). Keys are i18n keys under `classroom.roster.sync`.
 */
export type SyncWords =
  | { key: 'waiting' }
  | { key: 'onPage'; page: number }
  | { key: 'inSync'; page: number }
  | { key: 'catchingUp'; page: number }
  | { key: 'behind' | 'ahead'; count: number }
  | { key: 'otherPage' | 'offCourse' };

/** The page's number in the course (1-based), or null when the course does not have it (removed, or not yet known). */
export function pageNumber(course: Course | null, pageId: string): number | null {
  const index = course?.pages.findIndex((page) => page.id === pageId) ?? -1;
  return index < 0 ? null : index + 1;
}

/**
 * The words for one person's sync state. `reference` is the teacher's sync; for the teacher themself (or when the
 * teacher's board is not known) only the page is said.
 */
export function syncWords(sync: BoardSync | null, reference: BoardSync | null, course: Course | null, isReference: boolean): SyncWords {
  if (!sync) return { key: 'waiting' };
  const page = pageNumber(course, sync.pageId);
  if (page === null) return { key: 'offCourse' };
  if (isReference || !reference) return { key: 'onPage', page };
  if (sync.pageId === reference.pageId) return sync.revision >= reference.revision ? { key: 'inSync', page } : { key: 'catchingUp', page };
  const theirs = pageNumber(course, reference.pageId);
  if (theirs === null) return { key: 'otherPage' };
  return theirs > page ? { key: 'behind', count: theirs - page } : { key: 'ahead', count: page - theirs };
}

/** How well a person is connected, in one word. */
export type ConnectionWord = 'offline' | 'good' | 'fair' | 'poor' | 'online';

/**
 * One word for a person's connection: offline by their presence; otherwise the quality of the media connection with
 * them when there is one (renderer/media/quality.ts), else this console's own round trip for the person themself,
 * else just online. Round-trip thresholds follow the media ones (ITU-T G.114).
 */
export function connectionWord(online: boolean, mediaQuality: 'good' | 'fair' | 'poor' | 'none' | null, ownRttMs: number | null): ConnectionWord {
  if (!online) return 'offline';
  if (mediaQuality && mediaQuality !== 'none') return mediaQuality;
  if (ownRttMs === null) return 'online';
  return ownRttMs > 600 ? 'poor' : ownRttMs > 300 ? 'fair' : 'good';
}
