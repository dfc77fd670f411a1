import type { Presence, Telemetry } from '../../shared/protocol/messages';
import type { ClassTags } from '../../shared/protocol/supervision';
import { ClassStream, type Roster, type SetAside } from './class-stream';

export interface TagEngineOptions {
  /** The tagger's clock: corrects senders' clocks, judges late and "future" events, and times evidence going quiet. */
  clock(): number;
  /** A class's tags or counters changed when a window closed (or the class was forgotten: empty tags). */
  onTags(tags: ClassTags): void;
  /** A class silent this long is forgotten. */
  forgetAfterMs?: number;
}

export const DEFAULT_FORGET_AFTER_MS = 10 * 60_000;

export interface EngineTotals extends SetAside {
  messages: number;
}

/**
 * Telemetry of many classes in, tags per class out. One `ClassStream` per class that sends telemetry; rosters (who
 * teaches, who went offline) are kept apart because presence and summaries arrive for classes that send nothing yet.
 * `tick()` is the only timer work: tags whose evidence went quiet or whose confirmation is due, and forgetting.
 */
export class TagEngine {
  readonly totals: EngineTotals = { messages: 0, late: 0, future: 0, duplicate: 0 };
  private readonly streams = new Map<string, ClassStream>();
  private readonly rosters = new Map<string, Roster>();
  private readonly forgetAfterMs: number;

  constructor(private readonly options: TagEngineOptions) {
    this.forgetAfterMs = options.forgetAfterMs ?? DEFAULT_FORGET_AFTER_MS;
  }

  get classes(): number {
    return this.streams.size;
  }

  ingest(classId: string, userId: string, message: Telemetry): void {
    this.totals.messages++;
    const now = this.options.clock();
    const stream = this.stream(classId, now);
    if (stream.receive(userId, message, now)) this.emit(stream, now);
  }

  notePresence(classId: string, userId: string, role: Presence['role'], online: boolean): void {
    const roster = this.roster(classId);
    if (role === 'teacher') roster.teachers.add(userId);
    if (online) roster.offline.delete(userId);
    else roster.offline.add(userId);
  }

  noteTeacher(classId: string, teacherId: string): void {
    this.roster(classId).teachers.add(teacherId);
  }

  /** Takes over previously published tags for a class whose windows have not started closing here yet. */
  restore(tags: ClassTags): boolean {
    const now = this.options.clock();
    return this.stream(tags.classId, now).restore(tags, now);
  }

  /** The class is gone (its summary was removed): drop everything, publishing nothing. */
  forget(classId: string): void {
    this.streams.delete(classId);
    this.rosters.delete(classId);
  }

  tags(classId: string): ClassTags | null {
    return this.streams.get(classId)?.current(this.options.clock()) ?? null;
  }

  /** Looks again at classes whose tags may change with time alone, and forgets long-silent ones. Call about once a second. */
  tick(): void {
    const now = this.options.clock();
    for (const [classId, stream] of this.streams) {
      if (now - stream.lastArrivalAt >= this.forgetAfterMs) {
        this.streams.delete(classId);
        if (stream.publishedAnything) this.options.onTags(stream.emptied(now));
      } else if (stream.tick(now)) {
        this.emit(stream, now);
      }
    }
  }

  /** Every class's current tags, for republishing after a reconnection. */
  *all(): Iterable<ClassTags> {
    const now = this.options.clock();
    for (const stream of this.streams.values()) if (stream.publishedAnything) yield stream.current(now);
  }

  private emit(stream: ClassStream, now: number): void {
    const changed = stream.takeChange(now);
    if (changed) this.options.onTags(changed);
  }

  private stream(classId: string, now: number): ClassStream {
    let stream = this.streams.get(classId);
    if (!stream) this.streams.set(classId, (stream = new ClassStream(classId, this.roster(classId), now, this.totals)));
    return stream;
  }

  private roster(classId: string): Roster {
    let roster = this.rosters.get(classId);
    if (!roster) this.rosters.set(classId, (roster = { teachers: new Set(), offline: new Set() }));
    return roster;
  }
}
