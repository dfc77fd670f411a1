import type { ClassHealth, ClassTags, Cleared, HelpState, SupervisorMetrics } from '../../../shared/protocol';
import type { SupervisionMessage } from '../../link/messages';
import { useClasses } from '../../state/classes';
import { addNote } from '../../state/diagnostics';
import { VersionedMap, type VersionedMapEdit } from '../../state/versionedMap';
import { AlertBook, type Alert } from '../alerts/alertBook';
import { PeopleUpdate, resetPeople } from './people';
import { useAlerts, useClassTags, useHealth, useHelp, useMetrics } from './stores';
import { useWatchedTelemetry } from './telemetry';

let book = new AlertBook();
let alertListener: ((raised: Alert[]) => void) | null = null;

/** Calls back with the alerts each batch raised (the desktop notifications listen here); one listener at a time. */
export function onAlertsRaised(listener: ((raised: Alert[]) => void) | null): void {
  alertListener = listener;
}

/**
 * Applies one batch of supervision traffic: at most one update per store, whatever the number of messages. A
 * payload that names another class or request than its topic is ignored, with a note in the diagnostics.
 */
export function applySupervision(messages: readonly (SupervisionMessage | Cleared)[], now = Date.now()): void {
  let health = null as VersionedMapEdit<string, ClassHealth> | null;
  let criticalLive = useHealth.getState().criticalLive;
  let tags: Map<string, ClassTags> | null = null;
  let help: Map<string, HelpState> | null = null;
  let metrics: SupervisorMetrics | null | undefined;
  const raised: Alert[] = [];
  const people = new PeopleUpdate();
  const healthNow = () => (health ??= useHealth.getState().byId.edit());
  const setHealth = (classId: string, next: ClassHealth | undefined) => {
    const map = healthNow();
    const before = map.get(classId);
    raised.push(...book.noteHealth(before, next, now));
    criticalLive += criticalCount(next) - criticalCount(before);
    if (next) map.set(classId, next);
    else map.delete(classId);
  };
  const tagsNow = () => (tags ??= new Map(useClassTags.getState().byClass));
  const helpNow = () => (help ??= new Map(useHelp.getState().byId));

  for (const message of messages) {
    if (message.kind === 'cleared') {
      const { kind, params } = message.parsed;
      if (kind === 'classHealth' && params.classId) {
        setHealth(params.classId, undefined);
      } else if (kind === 'classTags' && params.classId) {
        tagsNow().delete(params.classId);
      } else if (kind === 'helpState' && params.requestId) {
        helpNow().delete(params.requestId);
        book.noteHelp(undefined, params.requestId, now, '');
      } else if (kind === 'supervisorMetrics') {
        metrics = null;
      }
      continue;
    }
    switch (message.kind) {
      case 'classHealth': {
        if (!consistent(message.message.classId, message.params.classId, message.topic)) break;
        setHealth(message.params.classId, message.message);
        people.health(message.message);
        break;
      }
      case 'classTags':
        if (consistent(message.message.classId, message.params.classId, message.topic)) tagsNow().set(message.params.classId, message.message);
        break;
      case 'helpState': {
        const state = message.message;
        if (!consistent(state.id, message.params.requestId, message.topic)) break;
        const map = helpNow();
        const before = map.get(state.id);
        // Retained states can arrive out of order after a reconnect; the newest update wins.
        if (before && before.updatedAt > state.updatedAt) break;
        map.set(state.id, state);
        people.help(state);
        raised.push(...book.noteHelp(state, state.id, now, titleOf(state.classId, health)));
        break;
      }
      case 'supervisorMetrics':
        metrics = message.message;
        break;
      case 'presence':
        if (message.message.userId === message.params.userId) people.presence(message.message);
        break;
    }
  }
  people.commit();

  if (health) useHealth.setState({ byId: health.commit(), criticalLive });
  if (tags) useClassTags.setState({ byClass: tags });
  if (help) useHelp.setState({ byId: help });
  if (metrics !== undefined) useMetrics.setState({ metrics });
  if (health || help) publishAlerts(now);
  if (raised.length > 0) alertListener?.(raised);
}

/** Removes cleared alerts after a while; the console calls it on its clock. */
export function sweepAlerts(now = Date.now()): void {
  if (book.sweep(now)) publishAlerts(now);
}

export function acknowledgeAlert(id: string, now = Date.now()): void {
  if (book.acknowledge(id, now)) publishAlerts(now);
}

export function acknowledgeAllAlerts(now = Date.now()): void {
  if (book.acknowledgeAll(now)) publishAlerts(now);
}

/** Forgets everything (sign-out). */
export function resetSupervision(): void {
  book = new AlertBook();
  useHealth.setState({ byId: VersionedMap.empty(), criticalLive: 0 });
  useClassTags.setState({ byClass: new Map() });
  useHelp.setState({ byId: new Map() });
  useMetrics.setState({ metrics: null });
  useAlerts.setState({ alerts: [], dropped: 0 });
  useWatchedTelemetry.setState({ classId: null, events: [] });
  resetPeople();
}

function publishAlerts(now: number): void {
  book.sweep(now);
  useAlerts.setState({ alerts: book.list(), dropped: book.dropped });
}

function criticalCount(health: ClassHealth | undefined): number {
  return health?.state === 'live' && health.severity === 'critical' ? 1 : 0;
}

function titleOf(classId: string, pending: VersionedMapEdit<string, ClassHealth> | null): string {
  return (
    pending?.get(classId)?.title || useHealth.getState().byId.get(classId)?.title || useClasses.getState().byId.get(classId)?.title || classId
  );
}

function consistent(inPayload: string, inTopic: string, topicName: string): boolean {
  if (inPayload === inTopic) return true;
  addNote({ at: Date.now(), level: 'warning', text: `ignored ${topicName}: its payload is about ${inPayload}` });
  return false;
}
