import { KINDS, type ClassSummary } from '../../../shared/protocol';
import type {
  ClassCleared,
  ClassMessage,
  ConnectionStatus,
  DiagnosticNote,
  DropSnapshot,
  LinkBatch,
  OutboxItem,
  ReleaseMessage,
  SupervisionMessage,
  TelemetryMessage,
} from '../messages';

/** Class messages kept for the next batch at most; beyond it the oldest go (the board notices the gap and resyncs). */
export const MAX_CLASS_STREAM = 20_000;
/** Telemetry messages of the watched class kept for the next batch at most; beyond it the oldest go. */
export const MAX_TELEMETRY = 500;
export const MAX_NOTES_PER_BATCH = 100;

/** What the builder reads only when a batch is taken, and only when it changed: copying them per message would cost. */
export interface BatchSources {
  outbox(): OutboxItem[];
  drops(): DropSnapshot;
}

/**
 * The next batch for the UI, built as messages arrive. Retained state (class summaries, the open class's retained
 * topics, supervision) is coalesced to the newest per topic; streams (board ops, chat, telemetry) keep arrival order
 * under a cap, oldest dropped first, with a note saying how many. Pure: no timers and no I/O; the link takes one
 * batch per animation frame.
 */
export class BatchBuilder {
  private readonly summaries = new Map<string, ClassSummary>();
  private readonly clearedSummaries = new Set<string>();
  private readonly retained = new Map<string, ClassMessage | ClassCleared>();
  private stream: ClassMessage[] = [];
  private streamOverflow = 0;
  private readonly supervision = new Map<string, SupervisionMessage | ClassCleared>();
  private readonly releases = new Map<string, ReleaseMessage>();
  private telemetry: TelemetryMessage[] = [];
  private notes: DiagnosticNote[] = [];
  private acknowledged: string[] = [];
  private status: ConnectionStatus | null = null;
  private outboxChanged = false;
  private dropsChanged = false;

  summary(summary: ClassSummary): void {
    this.clearedSummaries.delete(summary.id);
    this.summaries.set(summary.id, summary);
  }

  summaryCleared(classId: string): void {
    this.summaries.delete(classId);
    this.clearedSummaries.add(classId);
  }

  /** A message of the open class: retained kinds (and clearings) coalesce per topic, the rest queue in order. */
  classMessage(message: ClassMessage | ClassCleared): void {
    if (message.kind === 'cleared' || KINDS[message.kind].retain) {
      this.retained.delete(message.topic);
      this.retained.set(message.topic, message);
      return;
    }
    this.stream.push(message);
    if (this.stream.length > MAX_CLASS_STREAM) {
      this.stream.shift();
      this.streamOverflow++;
    }
  }

  /** The open class changed: what was gathered for the one before is no longer wanted. */
  dropClassTraffic(): void {
    this.retained.clear();
    this.stream = [];
    this.streamOverflow = 0;
  }

  supervisionMessage(message: SupervisionMessage | ClassCleared): void {
    this.supervision.delete(message.topic);
    this.supervision.set(message.topic, message);
  }

  dropSupervision(): void {
    this.supervision.clear();
  }

  /** Release state, adoption and health: each retained, the newest per topic. */
  releaseMessage(message: ReleaseMessage): void {
    this.releases.set(message.topic, message);
  }

  telemetryMessage(message: TelemetryMessage): void {
    this.telemetry.push(message);
    if (this.telemetry.length > MAX_TELEMETRY) this.telemetry.shift();
  }

  dropTelemetry(): void {
    this.telemetry = [];
  }

  note(note: DiagnosticNote): void {
    this.notes.push(note);
    if (this.notes.length > MAX_NOTES_PER_BATCH) this.notes.shift();
  }

  acknowledge(outboxId: string): void {
    this.acknowledged.push(outboxId);
  }

  setStatus(status: ConnectionStatus): void {
    this.status = status;
  }

  markOutbox(): void {
    this.outboxChanged = true;
  }

  markDrops(): void {
    this.dropsChanged = true;
  }

  /** The batch of everything since the previous one; the builder starts empty again. */
  take(sources: BatchSources, now: number): LinkBatch {
    const batch: LinkBatch = { summaries: [...this.summaries.values()], cleared: [...this.clearedSummaries] };
    this.summaries.clear();
    this.clearedSummaries.clear();
    if (this.status) batch.status = { ...this.status };
    if (this.outboxChanged) batch.outbox = sources.outbox();
    if (this.acknowledged.length > 0) batch.acknowledged = this.acknowledged;
    if (this.dropsChanged) batch.drops = sources.drops();
    if (this.retained.size > 0 || this.stream.length > 0) batch.classMessages = [...this.retained.values(), ...this.stream];
    if (this.telemetry.length > 0) batch.telemetry = this.telemetry;
    if (this.supervision.size > 0) batch.supervision = [...this.supervision.values()];
    if (this.releases.size > 0) batch.releases = [...this.releases.values()];
    if (this.streamOverflow > 0) {
      this.note({ at: now, level: 'warning', text: `${this.streamOverflow} class messages were dropped: the screen fell behind` });
    }
    if (this.notes.length > 0) batch.notes = this.notes;

    this.retained.clear();
    this.stream = [];
    this.streamOverflow = 0;
    this.telemetry = [];
    this.supervision.clear();
    this.releases.clear();
    this.notes = [];
    this.acknowledged = [];
    this.status = null;
    this.outboxChanged = this.dropsChanged = false;
    return batch;
  }
}
