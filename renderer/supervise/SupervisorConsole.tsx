import { useEffect } from 'react';
import { AlertsFeed } from './alerts/AlertsFeed';
import { useCriticalNotifications } from './alerts/useCriticalNotifications';
import { MetricsBar } from './components/MetricsBar';
import { ClassDetail } from './detail/ClassDetail';
import { HelpQueue } from './help/HelpQueue';
import { RequestDetail } from './help/RequestDetail';
import { sweepAlerts } from './state/apply';
import { useNow, watchClock } from './state/now';
import { useSuperviseView } from './state/view';
import { ClassWall } from './wall/ClassWall';
import './supervise.css';

/** The supervisor console: headline metrics, the class wall, alerts and the help queue, and a detail drawer. */
export function SupervisorConsole() {
  const classId = useSuperviseView((s) => s.classId);
  const requestId = useSuperviseView((s) => s.requestId);
  useEffect(() => watchClock(), []);
  useEffect(() => useNow.subscribe(({ now }) => sweepAlerts(now)), []);
  useCriticalNotifications();
  return (
    <div className="supervise" data-testid="supervisor-console">
      <MetricsBar />
      <div className="supervise-body">
        <ClassWall />
        <div className="supervise-side">
          <HelpQueue />
          <AlertsFeed />
        </div>
        {requestId && <RequestDetail requestId={requestId} />}
        {classId && !requestId && <ClassDetail classId={classId} />}
      </div>
    </div>
  );
}
