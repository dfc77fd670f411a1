import { teaches } from '../../shared/auth/claims';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode, type DropCounter } from '../../shared/protocol/codec';
import type { Incoming, MessageHandlers } from '../host/declaration';
import { RPC } from '../../shared/protocol/rpc/index';
import {
  RECORDED_KINDS, RecordingState, type RecordedEntry, type RecordedKind, type RecordingStopReason,
} from '../../shared/protocol/recording';
import { isId } from '../../shared/protocol/ids';
import { KINDS } from '../../shared/protocol/kinds';
import { topic } from '../../shared/protocol/topics';
import { requesterIn, type ClaimsLookup } from '../classroom/requester';
import { RpcRefusal } from '../host/refusal';
import { ServiceHost } from '../host/service-host';
import type { ServiceLink } from '../mqtt/service-connection';
import { frame, RecordingWriter, writeFailure } from './recording-file';

/** A class's recording may grow to this many bytes by default (`limitBytes`). */
export const DEFAULT_RECORDING_LIMIT_BYTES = 512 * 1024 * 1024;
/** Room kept below the bound for the entry that says the recording stopped there. */
const STOP_RESERVE_BYTES = 128;
const FLUSH_EVERY_MS = 200;
/**
 * A page's snapshot is kept at most this often (`snapshotEveryMs`, recorder clock). The board service republishes a
 * changing page every 2 s; keeping each would make an hour's recording hundreds of megabytes of repeated pages. Every
 * op is kept, so a replay rebuilds from the kept snapshot and the ops after it.
 */
export const DEFAULT_SNAPSHOT_EVERY_MS = 30_000;

export interface RecorderServiceOptions {
  link: ServiceLink;
  root: string;
  claimsOf: ClaimsLookup;
  /** The recordings' folder: `<classId>.rec` (the sync log) and `<classId>.json` (its state) per class. */
  dir: string;
  /** Largest recording per class, in bytes; reaching it stops the recording, keeping what was written. */
  limitBytes?: number;
  /** A page's snapshot is kept at most once per this many ms of the recorder's clock (DEFAULT_SNAPSHOT_EVERY_MS). */
  snapshotEveryMs?: number;
  /** The recorder's clock, for entry times (the replay bench compresses a class's hour with it). */
  now?: () => number;
  onError?(error: unknown): void;
}

interface Active {
  writer: RecordingWriter;
  state: RecordingState;
  /** When each page's snapshot was last kept, by page id. */
  snapshotsKept: Map<string, number>;
}

export const recordingPath = (dir: string, classId: string) => join(dir, `${classId}.rec`);
const statePath = (dir: string, classId: string) => join(dir, `${classId}.json`);

/**
 * Records classes on their teachers' request: while a class is recorded, every message of the recorded kinds
 * (board ops and snapshots, course and page turns, room changes, chat, hands, presence, polls and their tallies) is appended to its file with
 * the time it arrived. Recording starts with the class's retained state, so a replay can begin anywhere. The class's
 * retained `recording` state tells everyone. A recorder that restarts resumes the recordings it was writing and marks
 * the time it was away; a recording that reaches its bound or fills the disk stops by itself, keeping what it wrote.
 */
export class RecorderService {
  private readonly active = new Map<string, Active>();
  /** The last state of every class this recorder has recorded, for republishing. */
  private readonly states = new Map<string, RecordingState>();
  /** The retained state of each class (course, room, snapshots, hands, presence), by topic, written when recording starts. */
  private readonly retained = new Map<string, Map<string, { kind: RecordedKind; params: Record<string, string>; message: unknown }>>();
  private readonly host: ServiceHost<typeof RPC.recorder>;
  private readonly limitBytes: number;
  private readonly now: () => number;

  private constructor(private readonly options: RecorderServiceOptions) {
    this.limitBytes = options.limitBytes ?? DEFAULT_RECORDING_LIMIT_BYTES;
    this.now = options.now ?? Date.now;
    const handlers: MessageHandlers = {};
    for (const kind of RECORDED_KINDS) {
      (handlers as Record<string, (incoming: Incoming<RecordedKind>) => void>)[kind] = (incoming) => this.take(kind, incoming);
    }
    this.host = new ServiceHost(
      {
        name: 'recorder',
        // What is sent while the recorder reconnects (or restarts) waits for it: the recording misses nothing then.
        persistentSession: true,
        subscriptions: [...RECORDED_KINDS, 'classSummary'],
        handlers: {
          ...handlers,
          classSummary: ({ params, message }) => {
            if (message.state === 'ended' && this.active.has(params.classId)) this.stopRecording(params.classId, 'class-ended');
          },
        },
        rpc: {
          contract: RPC.recorder,
          methods: {
            start: ({ classId }, userId) => {
              this.mustTeach(userId, classId);
              return this.start(classId, userId);
            },
            stop: ({ classId }, userId) => {
              this.mustTeach(userId, classId);
              return this.stopRecording(classId, 'teacher') ?? this.stateOf(classId);
            },
          },
        },
        onStart: () => this.resume(),
        onConnect: () => {
          for (const classId of this.states.keys()) this.publishState(classId);
        },
        timers: [{ everyMs: FLUSH_EVERY_MS, run: () => this.flushAll() }],
        onStop: () => this.closeAll(),
      },
      { link: options.link, root: options.root, onError: options.onError },
    );
  }

  static async start(options: RecorderServiceOptions): Promise<RecorderService> {
    mkdirSync(options.dir, { recursive: true });
    const service = new RecorderService(options);
    await service.host.start();
    return service;
  }

  get drops(): DropCounter {
    return this.host.drops;
  }

  /** The state of a class's recording, or null when it was never recorded here. */
  state(classId: string): RecordingState | null {
    return this.states.get(classId) ?? null;
  }

  /** Every class recorded here, with its state. */
  list(): { classId: string; state: RecordingState }[] {
    return [...this.states].map(([classId, state]) => ({ classId, state }));
  }

  /** Writes what is buffered now (tests and the bench read the file while recording goes on). */
  flushAll(): void {
    for (const classId of [...this.active.keys()]) this.flush(classId);
  }

  stopRecording(classId: string, reason: RecordingStopReason = 'teacher'): RecordingState | null {
    const active = this.active.get(classId);
    if (!active) return null;
    active.writer.append(frame({ t: this.now(), k: '$stop', reason }));
    const failure = active.writer.flush();
    return this.finish(classId, failure ?? reason);
  }

  /** Stops the service; recordings under way are flushed and resume when a recorder starts again. */
  stop(): Promise<void> {
    return this.host.stop();
  }

  private mustTeach(userId: string, classId: string): void {
    const claims = requesterIn(this.options.claimsOf, userId, classId);
    if (!teaches(claims, classId)) throw new RpcRefusal('forbidden', 'only the class\'s teacher starts and stops its recording');
  }

  private stateOf(classId: string): RecordingState {
    const state = this.states.get(classId);
    if (!state) throw new RpcRefusal('not-recorded', `${classId} has no recording`);
    return state;
  }

  private start(classId: string, by: string): RecordingState {
    const running = this.active.get(classId);
    if (running) return running.state;
    const previous = this.states.get(classId);
    if (previous?.reason === 'limit' || previous?.reason === 'disk-full') {
      throw new RpcRefusal('full', previous.reason === 'limit' ? 'this class\'s recording reached its size bound' : 'the recorder\'s disk is full');
    }
    const now = this.now();
    let writer: RecordingWriter;
    try {
      ({ writer } = RecordingWriter.open(recordingPath(this.options.dir, classId)));
    } catch (error) {
      this.options.onError?.(error);
      const reason = writeFailure(error);
      const failed: RecordingState = {
        v: 1, state: 'stopped', reason, startedAt: previous?.startedAt ?? now, by, bytes: previous?.bytes ?? 0, limitBytes: this.limitBytes,
        gaps: previous?.gaps ?? 0, ts: now,
      };
      this.setState(classId, failed);
      return failed;
    }
    const state: RecordingState = {
      v: 1, state: 'recording', startedAt: previous?.startedAt ?? now, by, bytes: writer.bytes, limitBytes: this.limitBytes,
      gaps: previous?.gaps ?? 0, ts: now,
    };
    this.active.set(classId, { writer, state, snapshotsKept: new Map() });
    this.write(classId, { t: now, k: '$start', by });
    this.writeRetained(classId);
    if (!this.active.has(classId)) return this.stateOf(classId);
    this.setState(classId, state);
    this.flush(classId);
    return this.active.get(classId)?.state ?? this.stateOf(classId);
  }

  /** Recordings that were running when this recorder stopped go on, after a mark for the time it was away. */
  private resume(): void {
    for (const name of readdirSync(this.options.dir)) {
      const classId = name.endsWith('.json') ? name.slice(0, -5) : '';
      if (!isId(classId)) continue;
      let state: RecordingState;
      try {
        state = RecordingState.parse(JSON.parse(readFileSync(statePath(this.options.dir, classId), 'utf8')));
      } catch (error) {
        this.options.onError?.(new Error(`recording state of ${classId} unreadable: ${(error as Error).message}`));
        continue;
      }
      this.states.set(classId, state);
      if (state.state !== 'recording' || this.active.has(classId)) continue;
      try {
        const { writer, existing } = RecordingWriter.open(recordingPath(this.options.dir, classId));
        const last = existing.entries.at(-1)?.t ?? state.ts;
        const resumed: RecordingState = { ...state, gaps: state.gaps + 1, bytes: writer.bytes, ts: this.now() };
        this.active.set(classId, { writer, state: resumed, snapshotsKept: new Map() });
        this.write(classId, { t: this.now(), k: '$resume', from: last });
        if (this.active.has(classId)) this.setState(classId, resumed);
      } catch (error) {
        this.options.onError?.(error);
        this.setState(classId, { ...state, state: 'stopped', reason: 'write-failed', ts: this.now() });
      }
    }
  }

  private take(kind: RecordedKind, { params, message, retained }: Incoming<RecordedKind>): void {
    const classId = (params as { classId: string }).classId;
    if (KINDS[kind].retain) {
      let byTopic = this.retained.get(classId);
      if (!byTopic) this.retained.set(classId, (byTopic = new Map()));
      byTopic.set(topic(kind, params as never, this.options.root), { kind, params, message });
    }
    const active = this.active.get(classId);
    if (!active) return;
    if (kind === 'boardSnapshot' && !retained && !this.keepSnapshot(active, (params as { pageId: string }).pageId)) return;
    this.write(classId, retained ? { t: this.now(), k: kind, p: params, m: message, state: true } : { t: this.now(), k: kind, p: params, m: message });
  }

  private keepSnapshot(active: Active, pageId: string): boolean {
    const now = this.now();
    const kept = active.snapshotsKept.get(pageId);
    if (kept !== undefined && now - kept < (this.options.snapshotEveryMs ?? DEFAULT_SNAPSHOT_EVERY_MS)) return false;
    active.snapshotsKept.set(pageId, now);
    return true;
  }

  private writeRetained(classId: string): void {
    const t = this.now();
    for (const { kind, params, message } of this.retained.get(classId)?.values() ?? []) {
      const active = this.active.get(classId);
      if (!active) return;
      // The page as the recording starts counts as its kept snapshot: the next one is kept 30 s on.
      if (kind === 'boardSnapshot') active.snapshotsKept.set((params as { pageId: string }).pageId, t);
      this.write(classId, { t, k: kind, p: params, m: message, state: true });
    }
  }

  /** Appends an entry, or stops the recording at its bound (the stop entry fits in the room kept for it). */
  private write(classId: string, entry: RecordedEntry): void {
    const active = this.active.get(classId);
    if (!active) return;
    const bytes = frame(entry);
    if (active.writer.bytes + bytes.length + STOP_RESERVE_BYTES > this.limitBytes) {
      this.stopRecording(classId, 'limit');
      return;
    }
    active.writer.append(bytes);
  }

  private flush(classId: string): void {
    const active = this.active.get(classId);
    if (!active) return;
    const failure = active.writer.flush();
    if (failure) return void this.finish(classId, failure);
    if (active.state.bytes !== active.writer.bytes) this.setState(classId, { ...active.state, bytes: active.writer.bytes, ts: this.now() });
  }

  private finish(classId: string, reason: RecordingStopReason): RecordingState | null {
    const active = this.active.get(classId);
    if (!active) return null;
    this.active.delete(classId);
    const bytes = active.writer.bytes;
    try {
      active.writer.close();
    } catch (error) {
      this.options.onError?.(error);
    }
    const state: RecordingState = { ...active.state, state: 'stopped', reason, bytes, ts: this.now() };
    this.setState(classId, state);
    return state;
  }

  private setState(classId: string, state: RecordingState): void {
    const active = this.active.get(classId);
    if (active) active.state = state;
    const changed = this.states.get(classId)?.state !== state.state || this.states.get(classId)?.reason !== state.reason;
    this.states.set(classId, state);
    try {
      const path = statePath(this.options.dir, classId);
      writeFileSync(`${path}.tmp`, JSON.stringify(state));
      renameSync(`${path}.tmp`, path);
    } catch (error) {
      // The state file is only how a restarted recorder knows to resume; the recording itself goes on.
      this.options.onError?.(error);
    }
    // Byte counts change on every flush: everyone hears of starts and stops, and the size once in a while.
    if (changed || state.ts - (this.published.get(classId) ?? 0) >= 5_000) this.publishState(classId);
  }

  private readonly published = new Map<string, number>();

  private publishState(classId: string): void {
    const state = this.states.get(classId);
    if (!state) return;
    this.published.set(classId, state.ts);
    this.host.publish(encode('recording', topic('recording', { classId }, this.options.root), state));
  }

  private closeAll(): void {
    for (const [classId, active] of this.active) {
      const failure = active.writer.flush();
      if (failure) {
        this.finish(classId, failure);
        continue;
      }
      active.writer.close();
      // Still recording: a recorder that starts again resumes it.
      this.active.delete(classId);
    }
  }
}
