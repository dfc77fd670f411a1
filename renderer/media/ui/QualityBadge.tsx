import { useState } from 'react';
import type { PeerFigures, Quality } from '../quality';
import { useMediaTranslation } from '../strings';

const BARS: Record<Quality, number> = { good: 3, fair: 2, poor: 1, none: 0 };

/** Signal bars for one connection; a click opens its figures (bitrate, loss, jitter, round trip, frames). */
export function QualityBadge({ quality, figures, lineId }: { quality: Quality; figures: PeerFigures | null; lineId: string | null }) {
  const { t } = useMediaTranslation();
  const [open, setOpen] = useState(false);
  const bars = BARS[quality];
  const value = (n: number | null | undefined, unit: 'kbps' | 'ms' | 'pct') => (n === null || n === undefined ? t('quality.unknown') : t(`quality.${unit}`, { value: n }));
  const path = figures?.path;
  return (
    <div className="quality">
      <button
        type="button"
        className={`quality-badge quality-${quality}`}
        data-testid="quality-badge"
        data-quality={quality}
        aria-expanded={open}
        title={t(`quality.${quality}`)}
        aria-label={`${t(`quality.${quality}`)}: ${t('quality.details')}`}
        onClick={() => setOpen((o) => !o)}
      >
        {[1, 2, 3].map((n) => (
          <span key={n} className={n <= bars ? 'bar on' : 'bar'} style={{ height: `${4 + n * 3}px` }} />
        ))}
      </button>
      {open && (
        <div className="quality-details" data-testid="quality-details" role="dialog" aria-label={t('quality.details')}>
          <strong>{t(`quality.${quality}`)}</strong>
          <dl>
            <dt>{t('quality.bitrate')}</dt>
            <dd data-testid="figure-bitrate">{value(figures?.bitrateKbps, 'kbps')}</dd>
            <dt>{t('quality.loss')}</dt>
            <dd data-testid="figure-loss">{value(figures?.lossPct, 'pct')}</dd>
            <dt>{t('quality.jitter')}</dt>
            <dd data-testid="figure-jitter">{value(figures?.jitterMs, 'ms')}</dd>
            <dt>{t('quality.rtt')}</dt>
            <dd data-testid="figure-rtt">{value(figures?.rttMs, 'ms')}</dd>
            <dt>{t('quality.frames')}</dt>
            <dd data-testid="figure-frames">{figures ? String(figures.framesDecoded) : t('quality.unknown')}</dd>
            <dt>{t('quality.fps')}</dt>
            <dd data-testid="figure-fps">{figures ? String(figures.framesPerSecond) : t('quality.unknown')}</dd>
            <dt>{t('quality.path')}</dt>
            <dd data-testid="figure-path">
              {path === 'host' || path === 'srflx' || path === 'prflx' || path === 'relay' ? t(`quality.pathName.${path}`) : t('quality.unknown')}
            </dd>
            <dt>{t('quality.line')}</dt>
            <dd data-testid="figure-line">{lineId ?? t('quality.unknown')}</dd>
          </dl>
          <button type="button" className="small" onClick={() => setOpen(false)}>
            {t('quality.close')}
          </button>
        </div>
      )}
    </div>
  );
}
