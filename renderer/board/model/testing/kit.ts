// Test support for the board's model: a clock that moves only when told, a class channel and a host that record.
import type { BoardLive, BoardOps, BoardSnapshot, BoardSync, Course, Laser, Room, TelemetryEvent } from '../../../../shared/protocol';
import type { ClassChannel, ClassMessageOf } from '../../../link/channel';
import type { ClassKind, ClassMessage, LivePublication, TrackedPublication } from '../../../link/messages';
import type { BoardHost } from '../../contract';
import type { Clock } from '../clock';

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
      let due: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= until && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].fn();
    }
    this.time = until;
  }
}

export const CLASS_ID = 'class-1';

type Settled = { acknowledged: string[]; rejected: { id: string; message: string }[] };

/** A class channel that records what the board sends and hands it what a test delivers. */
export class FakeChannel implements ClassChannel {
  readonly classId = CLASS_ID;
  readonly published: { outboxId: string; publication: TrackedPublication }[] = [];
  readonly fired: LivePublication[] = [];
  /** The pages the board asked the board service for. */
  readonly snapshotRequests: string[] = [];
  /** Answers snapshot requests; replace to simulate the board service. */
  snapshot: (pageId: string) => Promise<BoardSnapshot> = () => Promise.reject(new Error('board service unavailable'));
  private readonly listeners: { kinds: ReadonlySet<ClassKind>; deliver: (messages: ClassMessage[]) => void }[] = [];
  private readonly settledListeners = new Set<(settled: Settled) => void>();
  private readonly connectedListeners = new Set<(connected: boolean) => void>();
  private connected = true;
  private outboxSeq = 0;

  constructor(readonly userId: string) {}

  get ops(): { outboxId: string; message: BoardOps }[] {
    return this.published.flatMap(({ outboxId, publication }) => (publication.kind === 'boardOps' ? [{ outboxId, message: publication.message }] : []));
  }

  get syncs(): BoardSync[] {
    return this.published.flatMap(({ publication }) => (publication.kind === 'boardSync' ? [publication.message] : []));
  }

  get live(): BoardLive[] {
    return this.fired.flatMap((p) => (p.kind === 'boardLive' ? [p.message] : []));
  }

  get lasers(): Laser[] {
    return this.fired.flatMap((p) => (p.kind === 'laser' ? [p.message] : []));
  }

  publish(publication: TrackedPublication): string {
    const outboxId = `ob-${++this.outboxSeq}`;
    this.published.push({ outboxId, publication });
    return outboxId;
  }

  fire(publication: LivePublication): void {
    this.fired.push(publication);
  }

  request(...[service, method, params]: Parameters<ClassChannel['request']>): ReturnType<ClassChannel['request']> {
    if (service !== 'board' || method !== 'snapshot') return Promise.reject(new Error(`no ${service} ${String(method)} here`));
    const { pageId } = params as { pageId: string };
    this.snapshotRequests.push(pageId);
    return this.snapshot(pageId) as ReturnType<ClassChannel['request']>;
  }

  listen<K extends ClassKind>(kinds: readonly K[], listener: (messages: ClassMessageOf<K>[]) => void): () => void {
    const entry = { kinds: new Set<ClassKind>(kinds), deliver: listener as (messages: ClassMessage[]) => void };
    this.listeners.push(entry);
    return () => void this.listeners.splice(this.listeners.indexOf(entry), 1);
  }

  onCleared(): () => void {
    return () => {};
  }

  onSettled(listener: (settled: Settled) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  onConnected(listener: (connected: boolean) => void): () => void {
    this.connectedListeners.add(listener);
    listener(this.connected);
    return () => this.connectedListeners.delete(listener);
  }

  /** Hands the listeners these messages as one batch, as the link's channel does. */
  deliver(...messages: ClassMessage[]): void {
    for (const listener of [...this.listeners]) {
      const wanted = messages.filter((m) => listener.kinds.has(m.kind));
      if (wanted.length > 0) listener.deliver(wanted);
    }
  }

  /** The broker acknowledged these outbox ids. */
  acknowledge(...outboxIds: string[]): void {
    for (const listener of this.settledListeners) listener({ acknowledged: outboxIds, rejected: [] });
  }

  setConnected(connected: boolean): void {
    this.connected = connected;
    for (const listener of this.connectedListeners) listener(connected);
  }
}

/** The open class as the board's host: records telemetry, sync states and fetched snapshots. */
export class RecordingHost implements BoardHost {
  readonly telemetry: TelemetryEvent[] = [];
  readonly syncs: BoardSync[] = [];
  snapshotsLoaded = 0;

  sendTelemetry(events: TelemetryEvent[]): void {
    this.telemetry.push(...events);
  }

  syncSent(sync: BoardSync): void {
    this.syncs.push(sync);
  }

  snapshotLoaded(): void {
    this.snapshotsLoaded++;
  }

  fetchAsset(): Promise<ArrayBuffer> {
    return Promise.reject(new Error('no courseware in tests'));
  }
}

type Inbound = Extract<ClassMessage, { kind: 'boardOps' | 'boardLive' | 'laser' | 'boardSnapshot' }>;

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

/** The class's course or room as the channel hands it to its listeners. */
export function classState(state: { kind: 'course'; message: Course } | { kind: 'room'; message: Room }): ClassMessage {
  return { ok: true, ...state, params: { classId: CLASS_ID }, topic: `classroom/v1/class/${CLASS_ID}/${state.kind}` } as ClassMessage;
}

/** Lets pending promise callbacks (snapshot responses) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
