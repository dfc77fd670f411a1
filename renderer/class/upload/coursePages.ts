import type { CoursePage } from '../../../shared/protocol';
import { courseFileType, MAX_COURSE_FILE_BYTES, MAX_COURSE_PAGES, UploadError, type CourseFileType } from './courseFiles';
import type { UploadedAsset } from './uploadAsset';

/** What turning a file into course pages needs: reading a PDF and sending the file to the asset store. */
export interface CoursewareIntake {
  countPdfPages(data: ArrayBuffer): Promise<number>;
  upload(file: File, type: CourseFileType, onProgress: (fraction: number) => void): Promise<UploadedAsset>;
}

export type IntakePhase = 'reading' | 'uploading';

const TITLE_MAX = 120;

/**
 * Checks a file, counts its PDF pages, uploads it and returns one course page per PDF page (or one for an image).
 * Every refusal is an UploadError, raised before anything is sent where the file itself is the problem.
 */
export async function coursePagesFrom(
  file: File,
  pagesInCourse: number,
  intake: CoursewareIntake,
  onPhase: (phase: IntakePhase, fraction: number) => void,
): Promise<CoursePage[]> {
  const type = courseFileType(file);
  if (!type) throw new UploadError({ code: 'unsupported-type' });
  if (file.size === 0) throw new UploadError({ code: 'empty' });
  if (file.size > MAX_COURSE_FILE_BYTES) throw new UploadError({ code: 'too-large', limitMb: MAX_COURSE_FILE_BYTES / 1024 / 1024 });

  let count = 1;
  if (type === 'application/pdf') {
    onPhase('reading', 0);
    try {
      count = await intake.countPdfPages(await file.arrayBuffer());
    } catch (error) {
      throw new UploadError({ code: 'unreadable-pdf', detail: (error instanceof Error ? error.message : String(error)).slice(0, 300) });
    }
    if (count < 1) throw new UploadError({ code: 'unreadable-pdf', detail: 'no pages' });
  }
  if (pagesInCourse + count > MAX_COURSE_PAGES) throw new UploadError({ code: 'too-many-pages', limit: MAX_COURSE_PAGES });

  onPhase('uploading', 0);
  const stored = await intake.upload(file, type, (fraction) => onPhase('uploading', fraction));
  const kind = type === 'application/pdf' ? 'pdf' : 'image';
  return Array.from({ length: count }, (_, i) => ({
    id: `page-${crypto.randomUUID().slice(0, 8)}`,
    kind,
    asset: stored.asset,
    page: i + 1,
    title: pageTitle(file.name, i + 1, count),
  }));
}

/** "lesson.pdf · 2/12": the file's name, shortened so the title fits the protocol's limit. */
export function pageTitle(name: string, page: number, count: number): string {
  const suffix = count > 1 ? ` · ${page}/${count}` : '';
  const room = TITLE_MAX - suffix.length;
  const shown = name.length > room ? `${name.slice(0, room - 1)}…` : name;
  return `${shown}${suffix}`;
}
