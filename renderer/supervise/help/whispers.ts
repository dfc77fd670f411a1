import { create } from 'zustand';
import type { Whisper } from '../../../shared/protocol';
import type { SupervisorPort } from '../../session/ports';

export interface SentWhisper {
  /** The link's outbox id: the whisper counts as delivered once the broker acknowledged it. */
  outboxId: string;
  classId: string;
  to: string;
  text: string;
  ts: number;
  delivered: boolean;
}

const MAX_WHISPERS = 200;

/** The whispers this supervisor sent, newest last, with whether the broker took them. */
export const useWhispers = create<{ sent: readonly SentWhisper[] }>(() => ({ sent: [] }));

/**
 * Sends a private message to one participant of a class (the teacher): only they receive it. Queued in the link's
 * outbox like any action, so it goes out after a reconnect too. Returns false when there is nothing to send.
 */
export function whisper(port: SupervisorPort, classId: string, to: string, text: string, from: { id: string; name: string }): boolean {
  const trimmed = text.trim();
  if (!trimmed) return false;
  const message: Whisper = { v: 1, id: crypto.randomUUID().replaceAll('-', ''), from, text: trimmed.slice(0, 500), ts: Date.now() };
  const outboxId = port.publish(classId, { kind: 'whisper', to, message });
  useWhispers.setState((state) => ({
    sent: [...state.sent, { outboxId, classId, to, text: message.text, ts: message.ts, delivered: false }].slice(-MAX_WHISPERS),
  }));
  return true;
}

/** The broker acknowledged these outbox ids (the supervisor's batch applier passes them on). */
export function markWhispersDelivered(outboxIds: readonly string[]): void {
  const acknowledged = new Set(outboxIds);
  useWhispers.setState((state) =>
    state.sent.some((w) => acknowledged.has(w.outboxId))
      ? { sent: state.sent.map((w) => (acknowledged.has(w.outboxId) ? { ...w, delivered: true } : w)) }
      : state,
  );
}

export function resetWhispers(): void {
  useWhispers.setState({ sent: [] });
}
