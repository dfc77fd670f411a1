/** The tag engine on a test clock, for the tagger's engine and recovery tests. */
import type { TelemetryEvent } from '../../shared/protocol/messages';
import type { ClassTags } from '../../shared/protocol/supervision';
import { TagEngine } from '../tagger/engine';
import { T0, message, messages } from '../tagger/fixtures';

export const CLASS = 'class-1';

/** An engine on a clock the test sets, one class taught by `teacher1`, and what it published. */
export function harness(options: { forgetAfterMs?: number } = {}) {
  const published: ClassTags[] = [];
  const clock = { now: T0 + 3_600_000 };
  const engine = new TagEngine({ clock: () => clock.now, onTags: (tags) => published.push(tags), ...options });
  engine.noteTeacher(CLASS, 'teacher1');
  const send = (userId: string, events: TelemetryEvent[], id?: string) => engine.ingest(CLASS, userId, message(events, id));
  return {
    engine,
    clock,
    published,
    send,
    sendAll: (userId: string, events: TelemetryEvent[]) => messages(events).forEach((m) => engine.ingest(CLASS, userId, m)),
    /** Several participants' events as clients send them: in 2 s batches, everyone's batches in time order. */
    play: (streams: Record<string, TelemetryEvent[]>) => {
      const batches = new Map<string, { userId: string; at: number; events: TelemetryEvent[] }>();
      for (const [userId, events] of Object.entries(streams)) {
        for (const event of events) {
          const at = Math.floor(event.at! / 2_000) * 2_000;
          const key = `${at}/${userId}`;
          if (!batches.has(key)) batches.set(key, { userId, at, events: [] });
          batches.get(key)!.events.push(event);
        }
      }
      for (const batch of [...batches.values()].sort((a, b) => a.at - b.at)) engine.ingest(CLASS, batch.userId, message(batch.events));
    },
    /** Moves event time on: an entry step (not the first of an entry, which starts afresh) carries no tag. */
    advance: (at: number) => send('probe', [{ type: 'entry', step: 'broker', ms: 0, at }]),
    latest: () => published.at(-1),
    tags: () => (published.at(-1)?.tags ?? []).map((t) => `${t.tag} ${t.userId}`).sort(),
  };
}

