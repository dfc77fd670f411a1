import { useState } from 'react';
import { ClassList } from '../components/ClassList';
import { DiagnosticsPanel } from '../components/DiagnosticsPanel';
import { Header } from '../components/Header';
import { SignInAgain } from '../components/SignInAgain';
import { useSession } from '../session/SessionContext';
import { backToClasses, useRoute } from '../state/route';
import { SupervisorHome } from '../supervise/SupervisorHome';
import { ClassRooms } from './ClassRooms';
import { ReplayScreen } from '../replay/ReplayScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { AdminHome } from './AdminHome';

export function ConsoleScreen() {
  const [diagnosticsOpen, setDiagnosticsOpen] = useState(false);
  const route = useRoute((s) => s.route);
  const user = useSession().user;
  return (
    <div className="console" data-testid="console-screen">
      <Header diagnosticsOpen={diagnosticsOpen} onToggleDiagnostics={() => setDiagnosticsOpen((open) => !open)} />
      <SignInAgain />
      <div className="console-body">
        {route.screen === 'report' ? (
          <ReportsScreen classId={route.classId} onBack={backToClasses} />
        ) : route.screen === 'replay' ? (
          <ReplayScreen classId={route.classId} startAt={route.at} />
        ) : route.screen === 'class' ? (
          <ClassRooms classId={route.classId} observer={route.observer} user={user} />
        ) : user.role === 'supervisor' ? (
          <SupervisorHome />
        ) : user.role === 'admin' ? (
          <AdminHome />
        ) : (
          <ClassList />
        )}
        {diagnosticsOpen && <DiagnosticsPanel onClose={() => setDiagnosticsOpen(false)} />}
      </div>
    </div>
  );
}
