import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoursePage } from '../../shared/protocol';
import { ConfirmDialog } from '../components/ConfirmDialog';
import type { OpenClass } from './OpenClass';
import { useClassroom } from './store';
import { UploadButton, UploadEntries } from './upload/CoursewareUpload';
import { useCoursewareUpload } from './upload/useCoursewareUpload';

function blankPage(): CoursePage {
  return { id: `page-${crypto.randomUUID().slice(0, 8)}`, kind: 'blank', asset: '', page: 1, title: '' };
}

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * The course's pages. The teacher turns, adds (blank, or from PDF and image files picked or dropped here), removes
 * and reorders them; everyone else follows the current page.
 */
export function CoursePanel({ openClass, canSteer }: { openClass: OpenClass; canSteer: boolean }) {
  const { t } = useTranslation();
  const upload = useCoursewareUpload(openClass);
  const [dropping, setDropping] = useState(false);
  /** The page the teacher asked to remove, waiting for them to confirm. */
  const [removing, setRemoving] = useState<CoursePage | null>(null);
  const course = useClassroom((s) => s.course);
  const pages = course?.pages ?? [];
  const current = course?.current ?? null;
  const index = pages.findIndex((page) => page.id === current);

  const publish = (next: CoursePage[], nextCurrent: string | null) => {
    if (next.length === 0) return;
    openClass.setCourse(next, nextCurrent && next.some((p) => p.id === nextCurrent) ? nextCurrent : next[0]!.id);
  };
  const addBlank = () => {
    const page = blankPage();
    publish([...pages, page], page.id);
  };
  const title = (page: CoursePage, i: number) => page.title || t('classroom.course.page', { n: i + 1 });
  const remove = (page: CoursePage) => {
    const i = pages.findIndex((p) => p.id === page.id);
    if (i < 0) return; // already gone (another window of the teacher's removed it)
    publish(pages.filter((p) => p.id !== page.id), page.id === current ? (pages[i + 1] ?? pages[i - 1])?.id ?? null : current);
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= pages.length) return;
    const next = [...pages];
    const [page] = next.splice(from, 1);
    next.splice(to, 0, page!);
    publish(next, current);
  };

  return (
    <section
      className={dropping ? 'class-panel course-panel dropping' : 'class-panel course-panel'}
      aria-label={t('classroom.course.title')}
      data-testid="course-panel"
      data-dropping={dropping}
      style={dropping ? { outline: '2px dashed currentColor', outlineOffset: -4 } : undefined}
      {...(canSteer && {
        onDragOver: (event: DragEvent) => {
          if (!carriesFiles(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDropping(true);
        },
        onDragLeave: (event: DragEvent) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
        },
        onDrop: (event: DragEvent) => {
          if (!carriesFiles(event)) return;
          event.preventDefault();
          setDropping(false);
          upload.add([...event.dataTransfer.files]);
        },
      })}
    >
      <header>
        <h3>{t('classroom.course.title')}</h3>
        {canSteer && (
          <span className="course-nav">
            <button type="button" className="small" data-testid="page-previous" disabled={index <= 0} onClick={() => publish(pages, pages[index - 1]?.id ?? null)}>
              {t('classroom.course.previous')}
            </button>
            <button
              type="button"
              className="small"
              data-testid="page-next"
              disabled={index < 0 || index >= pages.length - 1}
              onClick={() => publish(pages, pages[index + 1]?.id ?? null)}
            >
              {t('classroom.course.next')}
            </button>
            <button type="button" className="small" data-testid="page-add-blank" onClick={addBlank}>
              {t('classroom.course.addBlank')}
            </button>
            <UploadButton onFiles={upload.add} />
          </span>
        )}
      </header>
      {canSteer && (
        <>
          <p className="muted drop-hint">{t('classroom.course.dropHint')}</p>
          <UploadEntries entries={upload.entries} onDismiss={upload.dismiss} />
        </>
      )}
      <ol className="page-list" data-testid="page-list" data-current={current ?? ''}>
        {pages.map((page, i) => (
          <li key={page.id} data-testid="page-entry" data-page-id={page.id} aria-current={page.id === current ? 'page' : undefined}>
            {canSteer ? (
              <button type="button" className="link" data-testid="page-open" onClick={() => publish(pages, page.id)}>
                {title(page, i)}
              </button>
            ) : (
              <span>{title(page, i)}</span>
            )}
            {page.id === current && <span className="tag">{t('classroom.course.current')}</span>}
            {canSteer && (
              <span className="page-actions">
                <button type="button" className="small" aria-label={t('classroom.course.up')} onClick={() => move(i, i - 1)}>
                  ↑
                </button>
                <button type="button" className="small" aria-label={t('classroom.course.down')} onClick={() => move(i, i + 1)}>
                  ↓
                </button>
                <button
                  type="button"
                  className="small"
                  data-testid="page-remove"
                  disabled={pages.length <= 1}
                  aria-label={`${t('classroom.course.remove')}: ${title(page, i)}`}
                  onClick={() => setRemoving(page)}
                >
                  {t('classroom.course.remove')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {removing && (
        <ConfirmDialog
          testId="remove-page-dialog"
          danger
          title={t('classroom.course.removeConfirm.title', { page: title(removing, Math.max(0, pages.findIndex((p) => p.id === removing.id))) })}
          body={t('classroom.course.removeConfirm.body')}
          confirmLabel={t('classroom.course.removeConfirm.confirm')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            remove(removing);
            setRemoving(null);
          }}
        />
      )}
      {canSteer && pages.length === 0 && (
        <button type="button" data-testid="course-begin" onClick={addBlank}>
          {t('classroom.course.addBlank')}
        </button>
      )}
    </section>
  );
}
