import { useTranslation } from 'react-i18next';
import type { ReleaseHealth } from '../../shared/protocol';
import { rateText } from './view';

/** Each rolling version's classroom health per ring, beside the version it replaces, with the gate's verdict. */
export function HealthTable({ health }: { health: ReleaseHealth }) {
  const { t } = useTranslation();
  const rows = health.versions.flatMap((v) => v.rings.map((ring) => ({ version: v.version, ...ring })));
  return (
    <section className="release-panel" data-testid="release-health">
      <header>
        <h3>{t('releases.health.title')}</h3>
      </header>
      {rows.length === 0 ? (
        <p className="release-empty">{t('releases.health.empty')}</p>
      ) : (
        <table className="release-table">
          <thead>
            <tr>
              <th>{t('releases.column.version')}</th>
              <th>{t('releases.dialog.ring')}</th>
              <th>{t('releases.health.sessions')}</th>
              <th>{t('releases.health.problemTags')}</th>
              <th>{t('releases.health.failedEntries')}</th>
              <th>{t('releases.health.baseline')}</th>
              <th>{t('releases.health.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.version}/${row.ring}`} data-testid={`health-${row.version}-${row.ring}`} data-halt={row.halt}>
                <td className="release-version">{row.version}</td>
                <td>{t(`releases.ring.${row.ring}`)}</td>
                <td>{row.counts.sessions}</td>
                <td>{rateText(row.counts.problemTags, row.counts.sessions)}</td>
                <td>{rateText(row.counts.failedEntries, row.counts.sessions)}</td>
                <td>
                  {row.baseline
                    ? `${row.baseline.version}: ${rateText(row.baseline.counts.problemTags, row.baseline.counts.sessions)} / ${rateText(row.baseline.counts.failedEntries, row.baseline.counts.sessions)} (${row.baseline.counts.sessions})`
                    : t('releases.health.noBaseline')}
                </td>
                <td className={row.halt ? 'release-status release-status-haltedByGate' : ''} title={row.why}>
                  {row.halt ? t('releases.health.halt') : t('releases.health.ok')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
