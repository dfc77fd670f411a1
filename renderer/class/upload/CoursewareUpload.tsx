import type { TFunction } from 'i18next';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { COURSE_FILE_ACCEPT, type UploadProblem } from './courseFiles';
import type { UploadEntry } from './useCoursewareUpload';

/** The teacher's "Add PDF or image" button; the file picker behind it takes several files at once. */
export function UploadButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="small" data-testid="course-upload" onClick={() => input.current?.click()}>
        {t('classroom.course.addFile')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={COURSE_FILE_ACCEPT}
        data-testid="course-upload-input"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Cleared so that choosing the same file again is a new choice.
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}

/** Each upload with its progress, what it added, or why it was refused. */
export function UploadEntries({ entries, onDismiss }: { entries: UploadEntry[]; onDismiss: (id: string) => void }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <ul className="upload-list" data-testid="upload-list">
      {entries.map((entry) => (
        <li key={entry.id} data-testid="upload-entry" data-name={entry.name} data-phase={entry.phase} role={entry.phase === 'failed' ? 'alert' : undefined}>
          {entry.phase === 'waiting' && <span>{t('classroom.course.waiting', { name: entry.name })}</span>}
          {entry.phase === 'reading' && (
            <>
              <span>{t('classroom.course.reading', { name: entry.name })}</span>
              <progress data-testid="upload-progress" />
            </>
          )}
          {entry.phase === 'uploading' && (
            <>
              <span>{t('classroom.course.uploading', { name: entry.name })}</span>
              <progress data-testid="upload-progress" data-percent={entry.percent} max={100} value={entry.percent}>
                {entry.percent}%
              </progress>
              <span className="muted">{entry.percent}%</span>
            </>
          )}
          {entry.phase === 'added' && <span data-testid="upload-added">{t('classroom.course.added', { name: entry.name, count: entry.pages })}</span>}
          {entry.phase === 'failed' && entry.problem && (
            <span className="error" data-testid="upload-error" data-problem={entry.problem.code}>
              {t('classroom.course.uploadFailed', { name: entry.name, reason: problemText(t, entry.problem) })}
            </span>
          )}
          {(entry.phase === 'added' || entry.phase === 'failed') && (
            <button type="button" className="small ghost" data-testid="upload-dismiss" aria-label={t('classroom.course.dismiss')} onClick={() => onDismiss(entry.id)}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function problemText(t: TFunction, problem: UploadProblem): string {
  switch (problem.code) {
    case 'too-large':
      return t('classroom.course.problem.too-large', { limit: problem.limitMb });
    case 'too-many-pages':
      return t('classroom.course.problem.too-many-pages', { limit: problem.limit });
    case 'unreadable-pdf':
    case 'type-mismatch':
      return t(`classroom.course.problem.${problem.code}`, { detail: problem.detail });
    case 'refused':
      return t('classroom.course.problem.refused', { status: problem.status, detail: problem.detail });
    default:
      return t(`classroom.course.problem.${problem.code}`);
  }
}
