import { useTranslation } from 'react-i18next';
import { ClassList } from '../components/ClassList';
import { ReleasesScreen } from '../releases/ReleasesScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { SupervisorConsole } from './SupervisorConsole';
import { showTab, useSuperviseView, type SuperviseTab } from './state/view';

const TABS: SuperviseTab[] = ['console', 'classes', 'reports', 'releases'];

/** Where a supervisor lands: the console, with the plain class list, the class reports and the Releases screen (read only) one tab away. */
export function SupervisorHome() {
  const { t } = useTranslation();
  const tab = useSuperviseView((s) => s.tab);
  return (
    <div className="supervise-home">
      <nav className="supervise-tabs" role="tablist" aria-label={t('supervise.tabs.label')}>
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} data-testid={`tab-${name}`} onClick={() => showTab(name)}>
            {t(`supervise.tabs.${name}`)}
          </button>
        ))}
      </nav>
      {tab === 'console' ? <SupervisorConsole /> : tab === 'releases' ? <ReleasesScreen /> : tab === 'reports' ? <ReportsScreen /> : <ClassList />}
    </div>
  );
}
