import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleaseAdoption } from '../../shared/protocol';
import { RELEASE_RINGS, type ReleaseRing } from '../../shared/releases/documents';
import { adoptionSeries } from './view';

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 44, right: 12, top: 10, bottom: 22 };
const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4b5563'];

/** Installs per version over time, one line per version, in one ring or all of them: an SVG line chart. */
export function AdoptionChart({ adoption }: { adoption: ReleaseAdoption }) {
  const { t } = useTranslation();
  const [ring, setRing] = useState<ReleaseRing | 'all'>('all');
  const series = adoptionSeries(adoption, ring);
  const { points, versions } = series;
  const latest = points.at(-1)?.installs ?? {};
  const max = Math.max(1, ...points.flatMap((p) => Object.values(p.installs)));
  const first = points[0]?.at ?? 0;
  const span = Math.max(1, (points.at(-1)?.at ?? 0) - first);
  const x = (at: number) => PAD.left + ((at - first) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (n: number) => HEIGHT - PAD.bottom - (n / max) * (HEIGHT - PAD.top - PAD.bottom);
  const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  return (
    <section className="release-panel" data-testid="release-adoption">
      <header>
        <h3>{t('releases.adoption.title')}</h3>
        <select aria-label={t('releases.dialog.ring')} data-testid="adoption-ring" value={ring} onChange={(e) => setRing(e.target.value as ReleaseRing | 'all')}>
          <option value="all">{t('releases.ring.all')}</option>
          {RELEASE_RINGS.map((name) => (
            <option key={name} value={name}>
              {t(`releases.ring.${name}`)}
            </option>
          ))}
        </select>
      </header>
      {versions.length === 0 ? (
        <p className="release-empty">{t('releases.adoption.empty')}</p>
      ) : (
        <>
          <svg className="adoption-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('releases.adoption.chartLabel')}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} className="axis" />
            <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={y(0)} className="axis" />
            <text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" className="tick">{max}</text>
            <text x={PAD.left - 6} y={y(0)} textAnchor="end" className="tick">0</text>
            <text x={PAD.left} y={HEIGHT - 6} className="tick">{time(first)}</text>
            <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" className="tick">{time(first + span)}</text>
            {versions.map((version, index) => (
              <polyline
                key={version}
                fill="none"
                stroke={COLOURS[index % COLOURS.length]}
                strokeWidth={2}
                points={points.map((p) => `${x(p.at).toFixed(1)},${y(p.installs[version] ?? 0).toFixed(1)}`).join(' ')}
              />
            ))}
          </svg>
          <ul className="adoption-legend">
            {versions.map((version, index) => (
              <li key={version} data-testid={`adoption-${version}`} data-installs={latest[version] ?? 0}>
                <span className="swatch" style={{ background: COLOURS[index % COLOURS.length] }} />
                {version}: {t('releases.adoption.installs', { count: latest[version] ?? 0 })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
