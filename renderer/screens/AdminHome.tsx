import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReleasesScreen } from '../releases/ReleasesScreen';
import { ReportsScreen } from '../reports/ReportsScreen';

const TABS = ['releases', 'reports'] as const;

/** Where an IT admin lands: the Releases screen, with every class's report one tab away. */
export function AdminHome() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<(typeof TABS)[number]>('releases');
  return (
    <div className="admin-home">
      <nav className="admin-tabs" role="tablist" aria-label={t('reports.tabs.label')}>
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} data-testid={`tab-${name}`} onClick={() => setTab(name)}>
            {t(`reports.tabs.${name}`)}
          </button>
        ))}
      </nav>
      {tab === 'releases' ? <ReleasesScreen /> : <ReportsScreen />}
    </div>
  );
}
