import type { OpenClass } from '../OpenClass';
import { useClassroom } from '../store';

/** Where the class is in its course: the shown page's number (1-based, 0 when none) and how many pages there are. */
export function coursePosition(course: { pages: readonly { id: string }[]; current: string | null } | null): { n: number; count: number } {
  const pages = course?.pages ?? [];
  return { n: pages.findIndex((page) => page.id === course?.current) + 1, count: pages.length };
}

/**
 * Turns the class to the page `delta` away from the shown one (the teacher's page turn), and says whether there was
 * such a page. Everyone follows through the course the open class publishes.
 */
export function turnPage(openClass: Pick<OpenClass, 'setCourse'>, delta: number): boolean {
  const course = useClassroom.getState().course;
  if (!course) return false;
  const { n } = coursePosition(course);
  const target = course.pages[n - 1 + delta];
  if (n === 0 || !target) return false;
  openClass.setCourse(course.pages, target.id);
  return true;
}
