import { ASSET_TYPES, MAX_ASSET_BYTES, MAX_COURSE_PAGES, type AssetType } from '../../../shared/protocol';

/** What the asset store accepts; checking here first refuses a wrong file before anything is sent. */
export const COURSE_FILE_TYPES = ASSET_TYPES;
export type CourseFileType = AssetType;
export const MAX_COURSE_FILE_BYTES = MAX_ASSET_BYTES;
export { MAX_COURSE_PAGES };

/** For the file picker. */
export const COURSE_FILE_ACCEPT = [...COURSE_FILE_TYPES, '.pdf', '.png', '.jpg', '.jpeg', '.webp'].join(',');

const BY_EXTENSION: Record<string, CourseFileType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** The file's type by what the system says, or else by its extension; null when it is not courseware. */
export function courseFileType(file: { name: string; type: string }): CourseFileType | null {
  const declared = file.type.toLowerCase();
  if ((COURSE_FILE_TYPES as readonly string[]).includes(declared)) return declared as CourseFileType;
  if (declared !== '' && declared !== 'application/octet-stream') return null;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? null;
}

/** Why a file was not added. Shown to the teacher; `detail` is plain text from pdf.js or the server. */
export type UploadProblem =
  | { code: 'unsupported-type' }
  | { code: 'too-large'; limitMb: number }
  | { code: 'empty' }
  | { code: 'unreadable-pdf'; detail: string }
  | { code: 'too-many-pages'; limit: number }
  | { code: 'type-mismatch'; detail: string }
  | { code: 'store-full' }
  | { code: 'refused'; status: number; detail: string }
  | { code: 'network' };

export class UploadError extends Error {
  constructor(readonly problem: UploadProblem) {
    super(`courseware upload failed: ${problem.code}`);
  }
}
