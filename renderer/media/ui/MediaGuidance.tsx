import type { MediaProblem } from '../store';
import { useMediaTranslation } from '../strings';

/** What went wrong with the camera or microphone, what to do about it, and that the class goes on regardless. */
export function MediaGuidance({ problem, onRetry }: { problem: MediaProblem; onRetry: () => void }) {
  const { t } = useMediaTranslation();
  return (
    <div className="banner media-guidance" role="alert" data-testid="media-guidance" data-problem={problem.kind} data-device={problem.device}>
      <p>{t(`problem.${problem.kind}`, { device: t(`device.${problem.device}`) })}</p>
      <p>{t('problem.still')}</p>
      <p className="muted">{t('problem.detail', { detail: problem.detail })}</p>
      <button type="button" className="small" data-testid="media-retry" onClick={onRetry}>
        {t('check.retry')}
      </button>
    </div>
  );
}
