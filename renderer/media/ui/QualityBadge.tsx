import type { PeerFigures, Quality } from '../quality';
import { useMediaTranslation } from '../strings';

const BARS: Record<Quality, number> = { good: 3, fair: 2, poor: 1, none: 0 };

/** Signal bars for one connection; a click opens (or closes) its figures. */
export function QualityBadge({ quality, open, onToggle }: { quality: Quality; open: boolean; onToggle: () => void }) {
  const { t } = useMediaTranslation();
  const bars = BARS[quality];
  return (
    <button
      type="button"
      className={`quality-badge quality-${quality}`}
      data-testid="quality-badge"
      data-quality={quality}
      aria-expanded={open}
      title={t(`quality.${quality}`)}
      aria-label={`${t(`quality.${quality}`)}: ${t('quality.details')}`}
      onClick={onToggle}
    >
      {[1, 2, 3].map((n) => (
        <span key={n} className={n <= bars ? 'bar on' : 'bar'} style={{ height: `${4 + n * 3}px` }} />
      ))}
    </button>
  );
}

/** The figures behind the bars: bitrate, loss, jitter, round trip, frames decoded, and the path media takes. */
export function QualityDetails({ quality, figures, lineId, onClose }: { quality: Quality; figures: PeerFigures | null; lineId: string | null; onClose: () => void }) {
  const { t } = useMediaTranslation();
  const value = (n: number | null | undefined, unit: 'kbps' | 'ms' | 'pct') => (n === null || n === undefined ? t('quality.unknown') : t(`quality.${unit}`, { value: n }));
  const path = figures?.path;
  const rows: [string, string, string][] = [
    ['figure-bitrate', t('quality.bitrate'), value(figures?.bitrateKbps, 'kbps')],
    ['figure-loss', t('quality.loss'), value(figures?.lossPct, 'pct')],
    ['figure-jitter', t('quality.jitter'), value(figures?.jitterMs, 'ms')],
    ['figure-rtt', t('quality.rtt'), value(figures?.rttMs, 'ms')],
    ['figure-frames', t('quality.frames'), figures ? String(figures.framesDecoded) : t('quality.unknown')],
    ['figure-fps', t('quality.fps'), figures ? String(figures.framesPerSecond) : t('quality.unknown')],
    ['figure-path', t('quality.path'), path === 'host' || path === 'srflx' || path === 'prflx' || path === 'relay' ? t(`quality.pathName.${path}`) : t('quality.unknown')],
    ['figure-line', t('quality.line'), lineId ?? t('quality.unknown')],
  ];
  return (
    <div className="quality-details" data-testid="quality-details" role="dialog" aria-label={t('quality.details')}>
      <header>
        <strong>{t(`quality.${quality}`)}</strong>
        <button type="button" className="small" onClick={onClose} aria-label={t('quality.close')}>
          ×
        </button>
      </header>
      <dl>
        {rows.map(([testId, label, shown]) => (
          <div key={testId}>
            <dt>{label}</dt>
            <dd data-testid={testId}>{shown}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
