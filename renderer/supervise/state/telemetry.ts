import { create } from 'zustand';
import type { TelemetryEvent } from '../../../shared/protocol';
import type { TelemetryMessage } from '../../link/messages';
import type { SupervisorPort } from '../../session/ports';

export interface WatchedEvent {
  userId: string;
  /** Event time: the event's own, else its message's. */
  at: number;
  event: TelemetryEvent;
}

/** Events kept for the watched class: about a minute of a class reporting once a second. */
export const MAX_WATCHED_EVENTS = 300;

/** The live telemetry of the one class whose detail is open. */
export const useWatchedTelemetry = create<{ classId: string | null; events: readonly WatchedEvent[] }>(() => ({ classId: null, events: [] }));

/** Starts receiving one class's telemetry and tags (null stops); what was kept of another class is dropped. */
export function watchClassTelemetry(port: SupervisorPort, classId: string | null): void {
  if (useWatchedTelemetry.getState().classId === classId) return;
  useWatchedTelemetry.setState({ classId, events: [] });
  port.watchClass(classId);
}

/** Applies one batch of telemetry: only the watched class's, newest last, bounded. */
export function applyTelemetry(messages: readonly TelemetryMessage[]): void {
  const { classId, events } = useWatchedTelemetry.getState();
  if (!classId) return;
  const arrived: WatchedEvent[] = [];
  for (const message of messages) {
    if (message.params.classId !== classId) continue;
    for (const event of message.message.events) arrived.push({ userId: message.params.userId, at: event.at ?? message.message.at, event });
  }
  if (arrived.length > 0) useWatchedTelemetry.setState({ events: [...events, ...arrived].slice(-MAX_WATCHED_EVENTS) });
}
