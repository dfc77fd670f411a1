import { useTranslation } from 'react-i18next';
import type { HeldListView } from './useHeldList';

/**
 * A side panel's footer while its order is held: says so, and what came since. At the foot, so that it appearing
 * moves no item under the pointer.
 */
export function HeldNote({ view }: { view: HeldListView<unknown> }) {
  const { t } = useTranslation();
  if (!view.held) return null;
  const text =
    view.arrivedUrgent > 0
      ? t('supervise.hold.arrivedCritical', { count: view.arrived, critical: view.arrivedUrgent })
      : view.arrived > 0
        ? t('supervise.hold.arrived', { count: view.arrived })
        : t('supervise.hold.held');
  return (
    <p className="held-note" data-testid="held-note" data-arrived={view.arrived} data-arrived-urgent={view.arrivedUrgent}>
      <span className={view.arrivedUrgent > 0 ? 'held-text critical' : 'held-text muted'} data-testid="held-text">
        {text}
      </span>
      <button type="button" className="ghost small" data-testid="held-sort-now" onClick={view.sortNow}>
        {t('supervise.hold.sortNow')}
      </button>
    </p>
  );
}
