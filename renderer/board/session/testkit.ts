import type { BoardLive, BoardOps, BoardSnapshot, BoardSync, Course, Laser, Room, TelemetryEvent } from '../../../shared/protocol';
import type { BoardInbox, BoardTransport } from '../contract';
import type { Clock } from './BoardSession';

/** Test helpers for the board session: a clock that moves only when told, and a transport that records. */

export class ManualClock implements Clock {
  private time = 1_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].fn();
    }
    this.time = until;
  }
}

export class RecordingTransport implements BoardTransport {
  readonly ops: { outboxId: string; message: BoardOps }[] = [];
  readonly live: BoardLive[] = [];
  readonly lasers: Laser[] = [];
  readonly syncs: BoardSync[] = [];
  readonly telemetry: TelemetryEvent[] = [];
  readonly snapshotRequests: string[] = [];
  /** Answers snapshot requests; replace to simulate the board service. */
  snapshot: (pageId: string) => Promise<BoardSnapshot> = () => Promise.reject(new Error('board service unavailable'));
  private outboxSeq = 0;

  sendOps(message: BoardOps): string {
    const outboxId = `ob-${++this.outboxSeq}`;
    this.ops.push({ outboxId, message });
    return outboxId;
  }

  sendLive(message: BoardLive): void {
    this.live.push(message);
  }

  sendLaser(message: Laser): void {
    this.lasers.push(message);
  }

  sendSync(message: BoardSync): void {
    this.syncs.push(message);
  }

  sendTelemetry(events: TelemetryEvent[]): void {
    this.telemetry.push(...events);
  }

  requestSnapshot(pageId: string): Promise<BoardSnapshot> {
    this.snapshotRequests.push(pageId);
    return this.snapshot(pageId);
  }
}

export const CLASS_ID = 'class-1';

type Inbound = Parameters<BoardInbox['receive']>[0];

/** A message as the channel hands it over after the link decoded it, but with a payload the test chooses. */
export function inbound(kind: 'boardOps' | 'boardLive' | 'laser', userId: string, message: unknown): Inbound;
export function inbound(kind: 'boardSnapshot', pageId: string, message: unknown): Inbound;
export function inbound(kind: Inbound['kind'], who: string, message: unknown): Inbound {
  const params = kind === 'boardSnapshot' ? { classId: CLASS_ID, pageId: who } : { classId: CLASS_ID, userId: who };
  return { ok: true, kind, params, message, topic: `classroom/v1/class/${CLASS_ID}/board/${kind}/${who}` } as Inbound;
}

export function course(pages: string[], current: string, version = 1): Course {
  return { v: 1, version, pages: pages.map((id) => ({ id, kind: 'blank', asset: '', page: 1, title: '' })), current, by: 'teacher', ts: 1 };
}

export function room(drawing: string[], version = 1): Room {
  return {
    v: 1, version, drawing, chatMutedAll: false, chatMuted: [], stars: {}, removed: [], startedAt: null,
    countdownEndsAt: null, by: 'teacher', ts: 1,
  };
}

/** Lets pending promise callbacks (snapshot responses) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => globalThis.setTimeout(resolve, 0));
}
