import { useTranslation } from 'react-i18next';
import { signOut } from '../session/signIn';
import { useConnection } from '../state/connection';
import { useDiagnostics } from '../state/diagnostics';
import { useSession } from '../session/SessionContext';
import { ConnectionIndicator } from './ConnectionIndicator';
import { UpdateStatus } from '../updates/UpdateStatus';
import { HeaderSettings } from '../preferences/HeaderSettings';

interface HeaderProps {
  diagnosticsOpen: boolean;
  onToggleDiagnostics: () => void;
}

export function Header({ diagnosticsOpen, onToggleDiagnostics }: HeaderProps) {
  const { t } = useTranslation();
  const { name, role } = useSession().user;
  const unsent = useConnection((s) => s.outbox.length);
  const dropped = useDiagnostics((s) => s.drops.total);
  return (
    <header className="topbar">
      <div className="brand">{t('app.name')}</div>
      <div className="topbar-status">
        <ConnectionIndicator />
        <UpdateStatus />
        {unsent > 0 && (
          <span className="unsent" data-testid="unsent-count" data-count={unsent}>
            {t('header.unsent', { count: unsent })}
          </span>
        )}
      </div>
      <div className="topbar-user">
        <HeaderSettings />
        <span className="user-name" data-testid="user-name">
          {name}
        </span>
        <span className={`role-badge role-${role ?? 'unknown'}`} data-testid="user-role">
          {t(`role.${role ?? 'unknown'}`)}
        </span>
        <button
          type="button"
          className="ghost"
          data-testid="diagnostics-toggle"
          aria-pressed={diagnosticsOpen}
          onClick={onToggleDiagnostics}
        >
          {t('header.diagnostics')}
          {dropped > 0 && <span className="count-badge">{dropped}</span>}
        </button>
        <button type="button" className="ghost" data-testid="sign-out" onClick={signOut}>
          {t('header.signOut')}
        </button>
      </div>
    </header>
  );
}
