import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenClass } from '../OpenClass';
import { useClassroom } from '../store';
import { UploadError, type UploadProblem } from './courseFiles';
import { coursePagesFrom, type CoursewareIntake } from './coursePages';
import { countPdfPages } from './pdfPages';
import { uploadAsset } from './uploadAsset';

export interface UploadEntry {
  id: string;
  name: string;
  phase: 'waiting' | 'reading' | 'uploading' | 'added' | 'failed';
  /** Of the upload, 0..100. */
  percent: number;
  /** Pages added to the course. */
  pages: number;
  problem: UploadProblem | null;
}

/** Entries kept on screen; the oldest finished ones go first. */
const MAX_ENTRIES = 10;

/**
 * The teacher's courseware uploads: files are taken one at a time, and each adds its pages to the course (and turns
 * to the first of them) as soon as it is stored. A refused file leaves the course as it was and says why.
 */
export function useCoursewareUpload(openClass: OpenClass) {
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const cancel = useRef(new AbortController());

  useEffect(() => {
    const controller = new AbortController();
    cancel.current = controller;
    return () => controller.abort();
  }, [openClass]);

  const update = useCallback((id: string, patch: Partial<UploadEntry>) => {
    setEntries((list) => list.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry)));
  }, []);

  const process = useCallback(
    async (id: string, file: File, signal: AbortSignal) => {
      if (signal.aborted) return;
      const intake: CoursewareIntake = {
        countPdfPages,
        upload: (f, type, onProgress) => uploadAsset(openClass.assetUploadTarget(), f, type, onProgress, signal),
      };
      try {
        const before = useClassroom.getState().course?.pages.length ?? 0;
        const pages = await coursePagesFrom(file, before, intake, (phase, fraction) => update(id, { phase, percent: Math.round(fraction * 100) }));
        if (signal.aborted) return;
        // Read the course again: it may have changed while the file was uploading.
        const course = useClassroom.getState().course;
        openClass.setCourse([...(course?.pages ?? []), ...pages], pages[0]!.id);
        update(id, { phase: 'added', percent: 100, pages: pages.length });
      } catch (error) {
        if (signal.aborted) return;
        const problem: UploadProblem =
          error instanceof UploadError ? error.problem : { code: 'refused', status: 0, detail: error instanceof Error ? error.message : String(error) };
        update(id, { phase: 'failed', problem });
      }
    },
    [openClass, update],
  );

  const add = useCallback(
    (files: Iterable<File>) => {
      const signal = cancel.current.signal;
      const added: UploadEntry[] = [];
      for (const file of files) {
        const entry: UploadEntry = { id: crypto.randomUUID(), name: file.name, phase: 'waiting', percent: 0, pages: 0, problem: null };
        added.push(entry);
        queue.current = queue.current.then(() => process(entry.id, file, signal));
      }
      setEntries((list) => trim([...list, ...added]));
    },
    [process],
  );

  const dismiss = useCallback((id: string) => setEntries((list) => list.filter((entry) => entry.id !== id)), []);

  return { entries, add, dismiss };
}

function trim(list: UploadEntry[]): UploadEntry[] {
  const next = [...list];
  while (next.length > MAX_ENTRIES) {
    const finished = next.findIndex((entry) => entry.phase === 'added' || entry.phase === 'failed');
    if (finished < 0) break;
    next.splice(finished, 1);
  }
  return next;
}
