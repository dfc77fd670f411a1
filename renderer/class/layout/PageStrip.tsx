import type { OpenClass } from '../OpenClass';
import { useClassroom } from '../store';
import { coursePosition, turnPage } from './pageTurn';
import { useLayoutTranslation } from './strings';

/** What the folded pages column still shows: the page number, and for the teacher the page turns. */
export function PageStrip({ openClass, canSteer }: { openClass: OpenClass; canSteer: boolean }) {
  const { t } = useLayoutTranslation();
  const n = useClassroom((s) => coursePosition(s.course).n);
  const count = useClassroom((s) => s.course?.pages.length ?? 0);
  return (
    <div className="page-strip" data-testid="page-strip">
      {canSteer && (
        <button type="button" className="small" data-testid="strip-page-previous" aria-label={t('previousPage')} disabled={n <= 1} onClick={() => turnPage(openClass, -1)}>
          ▲
        </button>
      )}
      <span className="page-strip-number" title={t('pageOf', { n, count })}>
        {n}/{count}
      </span>
      {canSteer && (
        <button type="button" className="small" data-testid="strip-page-next" aria-label={t('nextPage')} disabled={n === 0 || n >= count} onClick={() => turnPage(openClass, 1)}>
          ▼
        </button>
      )}
    </div>
  );
}
