import { describe, expect, it } from 'vitest';
import { Course } from '../../../shared/protocol';
import { courseFileType, MAX_COURSE_FILE_BYTES, MAX_COURSE_PAGES, UploadError, type CourseFileType, type UploadProblem } from './courseFiles';
import { coursePagesFrom, pageTitle, type CoursewareIntake } from './coursePages';

/** An intake whose store keeps what it was given, and whose PDF reader answers as told. */
function intake(pdfPages: number | Error = 3) {
  const uploaded: { name: string; type: CourseFileType }[] = [];
  const store: CoursewareIntake = {
    countPdfPages: async () => {
      if (pdfPages instanceof Error) throw pdfPages;
      return pdfPages;
    },
    upload: async (file, type, onProgress) => {
      onProgress(0.5);
      onProgress(1);
      uploaded.push({ name: file.name, type });
      return { asset: `a-${uploaded.length}`, name: file.name, type, bytes: file.size };
    },
  };
  return { store, uploaded };
}

async function problemOf(promise: Promise<unknown>): Promise<UploadProblem> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof UploadError)) throw new Error(`expected an UploadError, got ${String(error)}`);
  return error.problem;
}

const pdf = (name = 'lesson.pdf', size = 100) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

describe('turning a file into course pages', () => {
  it('adds one page per PDF page, in order, all pointing at the stored asset', async () => {
    const { store, uploaded } = intake(3);
    const phases: string[] = [];
    const pages = await coursePagesFrom(pdf(), 0, store, (phase, fraction) => phases.push(`${phase}:${fraction}`));
    expect(pages.map(({ kind, asset, page, title }) => ({ kind, asset, page, title }))).toEqual([
      { kind: 'pdf', asset: 'a-1', page: 1, title: 'lesson.pdf · 1/3' },
      { kind: 'pdf', asset: 'a-1', page: 2, title: 'lesson.pdf · 2/3' },
      { kind: 'pdf', asset: 'a-1', page: 3, title: 'lesson.pdf · 3/3' },
    ]);
    expect(new Set(pages.map((p) => p.id)).size).toBe(3);
    expect(phases).toEqual(['reading:0', 'uploading:0', 'uploading:0.5', 'uploading:1']);
    expect(uploaded).toEqual([{ name: 'lesson.pdf', type: 'application/pdf' }]);
    // What it makes is a course every receiver accepts.
    expect(Course.safeParse({ v: 1, version: 1, pages, current: pages[0]!.id, by: 'teacher1', ts: 1 }).success).toBe(true);
  });

  it('adds an image as one page, knowing its type by extension when the system gives none', async () => {
    const { store, uploaded } = intake();
    const pages = await coursePagesFrom(new File([new Uint8Array(10)], 'board.JPG'), 0, store, () => {});
    expect(pages).toMatchObject([{ kind: 'image', asset: 'a-1', page: 1, title: 'board.JPG' }]);
    expect(uploaded).toEqual([{ name: 'board.JPG', type: 'image/jpeg' }]);
  });

  it('refuses wrong, empty, oversized and unreadable files, and too many pages, before sending anything', async () => {
    const { store, uploaded } = intake(3);
    const huge = new File([new Uint8Array(MAX_COURSE_FILE_BYTES + 1)], 'huge.pdf', { type: 'application/pdf' });
    expect(await problemOf(coursePagesFrom(new File(['x'], 'notes.txt', { type: 'text/plain' }), 0, store, () => {}))).toEqual({ code: 'unsupported-type' });
    expect(await problemOf(coursePagesFrom(new File(['<svg/>'], 'logo.svg'), 0, store, () => {}))).toEqual({ code: 'unsupported-type' });
    expect(await problemOf(coursePagesFrom(pdf('empty.pdf', 0), 0, store, () => {}))).toEqual({ code: 'empty' });
    expect(await problemOf(coursePagesFrom(huge, 0, store, () => {}))).toEqual({ code: 'too-large', limitMb: 50 });
    expect(await problemOf(coursePagesFrom(pdf(), MAX_COURSE_PAGES - 2, store, () => {}))).toEqual({ code: 'too-many-pages', limit: MAX_COURSE_PAGES });
    const broken = intake(new Error('Invalid PDF structure.'));
    expect(await problemOf(coursePagesFrom(pdf(), 0, broken.store, () => {}))).toEqual({ code: 'unreadable-pdf', detail: 'Invalid PDF structure.' });
    expect([...uploaded, ...broken.uploaded]).toEqual([]);
  });

  it('matches the protocol: a course holds at most MAX_COURSE_PAGES pages', () => {
    const page = (i: number) => ({ id: `p-${i}`, kind: 'blank' as const, asset: '' as const, page: 1, title: '' });
    const course = (n: number) => ({ v: 1, version: 1, pages: Array.from({ length: n }, (_, i) => page(i)), current: 'p-0', by: 't', ts: 1 });
    expect(Course.safeParse(course(MAX_COURSE_PAGES)).success).toBe(true);
    expect(Course.safeParse(course(MAX_COURSE_PAGES + 1)).success).toBe(false);
  });

  it('keeps titles within the protocol limit', () => {
    const long = `${'x'.repeat(200)}.pdf`;
    expect(pageTitle(long, 12, 120)).toHaveLength(120);
    expect(pageTitle(long, 12, 120).endsWith('… · 12/120')).toBe(true);
    expect(pageTitle('a.png', 1, 1)).toBe('a.png');
  });

  it('knows accepted types by what the system says first', () => {
    expect(courseFileType({ name: 'scan.pdf', type: 'image/png' })).toBe('image/png');
    expect(courseFileType({ name: 'scan.webp', type: '' })).toBe('image/webp');
    expect(courseFileType({ name: 'page.html', type: 'text/html' })).toBeNull();
    expect(courseFileType({ name: 'page.pdf', type: 'text/html' })).toBeNull();
  });
});
