import type { TelemetryEvent } from '../../shared/protocol/messages';
import { topic } from '../../shared/protocol/topics';
import type { ClassDefinition, Participant } from './catalogue';
import type { FaultRecord, FaultTag } from './faults';
import type { FieldMember } from './field';
import type { Seat } from './model';
import type { Prng } from './prng';
import { restated, type MemberView } from './signatures';

/** One simulated participant of a class, as the live simulation drives it. */
export class Member implements MemberView {
  readonly userId: string;
  readonly role: 'teacher' | 'student';
  fault: FaultTag | null = null;
  faultRecord: FaultRecord | null = null;
  /** Events waiting for the next report, oldest first; some (a re-entry in progress) lie slightly ahead. */
  queued: TelemetryEvent[] = [];
  lastReportAt: number | null = null;
  reports = 0;
  /** Recently received command ids and the answer given, so a redelivered command is not carried out twice. */
  readonly answered = new Map<string, { ok: boolean; detail: string } | null>();
  /** The field model's side of this participant (noisy scenario only). */
  field: FieldMember | null = null;

  readonly telemetryTopic: string;

  constructor(
    readonly participant: Participant,
    readonly seat: Seat,
    /** Changes when the participant's desk installs an update (installs.ts). */
    public appVersion: string,
    readonly device: string,
    root: string,
  ) {
    this.userId = participant.id;
    this.role = participant.role;
    this.telemetryTopic = topic('telemetry', { classId: seat.classId, userId: participant.id }, root);
  }

  get online(): boolean {
    return this.seat.online;
  }

  setFault(record: FaultRecord | null): void {
    this.faultRecord = record;
    this.fault = record?.tag ?? null;
  }

  /** Events still ahead of `now` (an entry in progress) are restated for the fault the participant now carries. */
  restate(now: number, prng: Prng): void {
    this.queued = this.queued.flatMap((event) => ((event.at ?? 0) > now ? (restated(this, event, prng) ?? []) : [event]));
  }

  queue(events: readonly TelemetryEvent[]): void {
    if (events.length === 0) return;
    this.queued.push(...events);
    this.queued.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  }

  /** Takes up to `max` queued events that have happened by `now`. */
  takeQueued(now: number, max: number): TelemetryEvent[] {
    let count = 0;
    while (count < this.queued.length && count < max && (this.queued[count]!.at ?? 0) <= now) count++;
    return this.queued.splice(0, count);
  }

  remember(commandId: string, answer: { ok: boolean; detail: string } | null): void {
    this.answered.set(commandId, answer);
    if (this.answered.size > 32) this.answered.delete(this.answered.keys().next().value!);
  }
}

/** One class of the live simulation: its simulated members, its courseware and whose turn it is to report. */
export class LiveClass {
  readonly members: Member[];
  /** False when a real person (a demo account) takes part: no faults are injected there. */
  readonly everyoneSimulated: boolean;
  readonly asset: string;
  page = 1;
  nextPageAt: number;
  nextReportAt: number;
  turn = 0;
  fault: FaultRecord | null = null;
  /** When the class's presence is let go again after its fault ended. */
  releaseAt: number | null = null;

  constructor(
    readonly definition: ClassDefinition,
    seats: readonly Seat[],
    index: number,
    { startedAt, root }: { startedAt: number; root: string },
    reportEveryMs: number,
    prng: Prng,
  ) {
    this.members = seats.map((seat) => new Member(seat.participant, seat, prng.pick(APP_VERSIONS), prng.pick(DEVICES), root));
    this.everyoneSimulated = [definition.teacher, ...definition.students].every((p) => p.simulated);
    this.asset = `cw-${definition.id.slice(6)}`;
    this.nextPageAt = startedAt + prng.int(60_000, 180_000);
    // Classes take turns through the reporting period, so the load is spread evenly over it.
    this.nextReportAt = startedAt + ((index * 7919) % 1000) / 1000 * reportEveryMs;
  }

  get id(): string {
    return this.definition.id;
  }

  online(): Member[] {
    return this.members.filter((m) => m.online);
  }

  member(userId: string): Member | undefined {
    return this.members.find((m) => m.userId === userId);
  }

  teacher(): Member | undefined {
    return this.members.find((m) => m.role === 'teacher');
  }
}

const APP_VERSIONS = ['1.8.4', '1.9.0', '1.9.2', '1.9.2', '1.9.2'];
const DEVICES = ['Windows 11 · Chrome 126', 'Windows 10 · Electron 41', 'macOS 14 · Electron 41', 'iPad · Safari 17', 'Android 14 · Chrome 126'];
