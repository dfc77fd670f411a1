import { create } from 'zustand';
import type { Whisper } from '../../../shared/protocol';
import { currentLink } from '../../session/signIn';

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

let stopListening: (() => void) | null = null;
let listeningTo: unknown = null;

function listen(): void {
  const link = currentLink();
  if (!link || listeningTo === link) return;
  stopListening?.();
  listeningTo = link;
  stopListening = link.onAcknowledged((ids) => {
    const acknowledged = new Set(ids);
    useWhispers.setState((state) =>
      state.sent.some((w) => acknowledged.has(w.outboxId))
        ? { sent: state.sent.map((w) => (acknowledged.has(w.outboxId) ? { ...w, delivered: true } : w)) }
        : state,
    );
  });
}

/**
 * Sends a private message to one participant of a class (the teacher): only they receive it. Queued in the link's
 * outbox like any action, so it goes out after a reconnect too. Returns false when there is no connection to queue on.
 */
export function whisper(classId: string, to: string, text: string, from: { id: string; name: string }): boolean {
  const link = currentLink();
  const trimmed = text.trim();
  if (!link || !trimmed) return false;
  listen();
  const message: Whisper = { v: 1, id: crypto.randomUUID().replaceAll('-', ''), from, text: trimmed.slice(0, 500), ts: Date.now() };
  const outboxId = link.publish(classId, { kind: 'whisper', to, message });
  useWhispers.setState((state) => ({
    sent: [...state.sent, { outboxId, classId, to, text: message.text, ts: message.ts, delivered: false }].slice(-MAX_WHISPERS),
  }));
  return true;
}
