import type { TelemetryEvent } from '../../shared/protocol/messages';
import type { TagId } from '../../shared/tags/catalogue';
import { SILENT_KBPS } from './pane-stats';
import { LAG_LIMIT_MS, SILENCE_LEVEL } from './rules';

/**
 * Recovery evidence: the healthy samples that clear a windowed tag at once, without waiting for a window to close.
 *
 * A signal is one stream of samples of one participant that a windowed tag judges: their send audio, their send
 * video, what they receive from one teacher (`hear|<teacher>`, `see|<teacher>`), their board lag, their drawing.
 * Each sample is healthy, bad, or says nothing (a muted microphone says nothing about a stuck one). A signal has
 * recovered at the time of the `needed`-th healthy sample after its last bad one, in event-time order; a tag whose
 * latest bad evidence is older than that recovery no longer shows. Renewed bad evidence after the recovery raises the
 * tag again only through the normal window rule.
 */
export type Signal = 'audio' | 'video' | 'board' | 'draw' | `hear|${string}` | `see|${string}`;

/** Audio has to be heard twice in a row (a single report can be a blip); a frame, a caught-up board or a stroke once. */
const AUDIO_SAMPLES = 2;

export function tagOf(signal: Signal): TagId {
  if (signal === 'audio') return 'stream.audio-stuck';
  if (signal === 'video') return 'stream.video-stuck';
  if (signal === 'board') return 'course.not-synced';
  if (signal === 'draw') return 'course.cant-draw';
  return signal.startsWith('hear|') ? 'stream.cant-hear' : 'stream.cant-see';
}

export function samplesNeeded(signal: Signal): number {
  return signal === 'audio' || signal.startsWith('hear|') ? AUDIO_SAMPLES : 1;
}

/** Whether an event is a healthy sample (true), a bad one (false), or says nothing about any signal (null). */
export function healthOf(event: TelemetryEvent): boolean | null {
  switch (event.type) {
    case 'board-lag':
      return event.lagMs <= LAG_LIMIT_MS && event.pendingOps === 0;
    case 'draw':
      return event.ok;
    case 'media':
      if (event.direction === 'receive') {
        if (event.kind === 'audio') return event.bitrateKbps >= SILENT_KBPS && (event.audioLevel === undefined || event.audioLevel >= SILENCE_LEVEL);
        return event.frames === undefined ? null : event.frames > 0;
      }
      if (!event.enabled) return null;
      if (event.kind === 'audio') return event.link === 'connected' ? event.bitrateKbps >= SILENT_KBPS : null;
      return event.frames === undefined ? null : event.frames > 0;
    default:
      return null;
  }
}

/**
 * The signal a sample event belongs to, or null when none is tracked: `teacherOf` names the teacher a received stream
 * comes from (null when it is not a teacher's), since only the teachers' streams are joined.
 */
export function signalOf(event: TelemetryEvent, teacherOf: (peer: string | undefined) => string | null): Signal | null {
  switch (event.type) {
    case 'board-lag':
      return 'board';
    case 'draw':
      return 'draw';
    case 'media': {
      if (event.direction === 'send') return event.kind;
      const teacher = teacherOf(event.peer);
      if (teacher === null) return null;
      return event.kind === 'audio' ? `hear|${teacher}` : `see|${teacher}`;
    }
    default:
      return null;
  }
}

/**
 * One signal's samples folded into a few numbers: the latest bad sample, the first healthy ones after it, and the
 * recovery they establish. Exact for samples that arrive in event-time order; when a bad sample arrives after healthy
 * ones that are later in event time, it cuts their run (recovery then needs the samples after it, as the order says).
 */
export class Recovery {
  lastBadAt = Number.NEGATIVE_INFINITY;
  /** The earliest healthy samples after `lastBadAt` (at most `needed` of them), ascending, and how many there were. */
  private run: number[] = [];
  private runCount = 0;
  /** A recovery established before `lastBadAt`, and the bad sample its run followed. */
  private priorAt = Number.NEGATIVE_INFINITY;
  private priorAfter = Number.NEGATIVE_INFINITY;

  constructor(private readonly needed: number) {}

  /** When the signal last recovered; -Infinity when it has not since its first bad sample. */
  get recoveredAt(): number {
    return this.runCount >= this.needed ? this.run[this.needed - 1]! : this.priorAt;
  }

  add(at: number, healthy: boolean): void {
    if (healthy) {
      if (at <= this.lastBadAt) return;
      this.runCount++;
      this.run.push(at);
      this.run.sort((a, b) => a - b);
      if (this.run.length > this.needed) this.run.length = this.needed;
      return;
    }
    if (at <= this.lastBadAt) {
      // An older bad sample inside the run that established the earlier recovery: that run was not unbroken.
      if (at > this.priorAfter && at < this.priorAt) this.priorAt = Number.NEGATIVE_INFINITY;
      return;
    }
    if (this.runCount >= this.needed && this.run[this.needed - 1]! < at) {
      this.priorAt = this.run[this.needed - 1]!;
      this.priorAfter = this.lastBadAt;
    }
    this.lastBadAt = at;
    // Healthy samples later than this bad one start the next run; beyond the earliest few they were not kept, so the
    // run may count fewer than there were (recovery then waits for the next healthy sample).
    this.run = this.run.filter((t) => t > at);
    this.runCount = this.run.length;
  }
}
