import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useHealth, useMetrics } from '../state/stores';

/** The headline figures: from the dispatcher's metrics, and the wall's own count of classes with problems. */
export function MetricsBar() {
  const { t, i18n } = useTranslation();
  const metrics = useMetrics((s) => s.metrics);
  const critical = useHealth((s) => s.criticalLive);
  const percent = useMemo(() => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }), [i18n.language]);
  const none = t('supervise.metrics.none');
  const figures: [string, string, string][] = [
    ['live', t('supervise.metrics.live'), metrics ? String(metrics.liveClasses) : none],
    ['open', t('supervise.metrics.open'), metrics ? String(metrics.openHelp) : none],
    ['escalated', t('supervise.metrics.escalated'), metrics ? String(metrics.escalated) : none],
    ['auto', t('supervise.metrics.autoRate'), metrics ? percent.format(metrics.autoResolvedRate) : none],
    [
      'median',
      t('supervise.metrics.median'),
      metrics?.medianResolveS != null ? t('supervise.metrics.seconds', { count: Math.round(metrics.medianResolveS) }) : none,
    ],
    ['critical', t('supervise.metrics.critical'), String(critical)],
  ];
  return (
    <dl className="metrics-bar" data-testid="metrics-bar">
      {figures.map(([key, label, value]) => (
        <div key={key} className={`metric metric-${key}`}>
          <dt>{label}</dt>
          <dd data-testid={`metric-${key}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
