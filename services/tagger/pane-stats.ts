import type { TelemetryEvent } from '../../shared/protocol/messages';

export type MediaEvent = Extract<TelemetryEvent, { type: 'media' }>;
type BoardLagEvent = Extract<TelemetryEvent, { type: 'board-lag' }>;
type DrawEvent = Extract<TelemetryEvent, { type: 'draw' }>;

/** Below this bitrate a stream carries nothing (silence or a frozen encoder still send a little). */
export const SILENT_KBPS = 2;
/** Streams received from at most this many peers are kept per participant and pane; the join needs the teachers'. */
const MAX_PEERS = 32;
/** Board lag above this is "not synced". */
export const LAG_LIMIT_MS = 5_000;
const MAX_FAILURE_TIMES = 64;

/** One participant's reception of one kind of stream from one peer (`null`: the report named no peer). */
export interface ReceivedStream {
  peer: string | null;
  reports: number;
  /** Reports that carried an audio level, and the highest one. */
  levelReports: number;
  maxLevel: number;
  maxKbps: number;
  /** Reports that carried a frame count, and the frames they add up to. */
  frameReports: number;
  frames: number;
}

/**
 * What one participant reported during one 15 s pane, folded as it arrives: counts, sums and extremes only, so the
 * order events arrive in does not matter and a pane costs the same whatever the report rate.
 */
export class PaneStats {
  mediaReports = 0;

  sendAudioReports = 0;
  /** Send-audio reports with the mic on, the link connected and (almost) nothing flowing. */
  sendAudioSilent = 0;
  sendAudioMaxKbps = 0;
  /** Highest audio level of send-audio reports with the mic on and audio flowing (what others could hear). */
  sendAudioMaxLevel = 0;

  sendVideoReports = 0;
  sendVideoOn = 0;
  sendVideoFrameReports = 0;
  sendVideoFrames = 0;

  receivedAudio: ReceivedStream[] | null = null;
  receivedVideo: ReceivedStream[] | null = null;

  boardLagReports = 0;
  maxLagMs = 0;
  minPendingOps = Number.POSITIVE_INFINITY;
  /** Event time of the newest board-lag report, and of the newest one over the lag limit. */
  lastBoardLagAt = Number.NEGATIVE_INFINITY;
  lastLagOverAt = Number.NEGATIVE_INFINITY;

  drawFailures = 0;
  /** Event times of the failed drawing attempts (the newest `MAX_FAILURE_TIMES`), to count those after a recovery. */
  drawFailureTimes: number[] | null = null;
  /** Any courseware, board or drawing telemetry: what makes a participant's courseware state worth a tag. */
  course = false;

  addMedia(event: MediaEvent): void {
    this.mediaReports++;
    if (event.direction === 'send') {
      if (event.kind === 'audio') {
        this.sendAudioReports++;
        if (event.bitrateKbps > this.sendAudioMaxKbps) this.sendAudioMaxKbps = event.bitrateKbps;
        if (event.enabled && event.bitrateKbps < SILENT_KBPS) {
          if (event.link === 'connected') this.sendAudioSilent++;
        } else if (event.enabled && (event.audioLevel ?? 0) > this.sendAudioMaxLevel) {
          this.sendAudioMaxLevel = event.audioLevel ?? 0;
        }
      } else {
        this.sendVideoReports++;
        if (event.enabled) this.sendVideoOn++;
        if (event.enabled && event.frames !== undefined) {
          this.sendVideoFrameReports++;
          this.sendVideoFrames += event.frames;
        }
      }
      return;
    }
    const peer = event.peer ?? null;
    const streams = event.kind === 'audio' ? (this.receivedAudio ??= []) : (this.receivedVideo ??= []);
    let stream = streams.find((s) => s.peer === peer);
    if (!stream) {
      if (streams.length >= MAX_PEERS) return;
      stream = { peer, reports: 0, levelReports: 0, maxLevel: 0, maxKbps: 0, frameReports: 0, frames: 0 };
      streams.push(stream);
    }
    stream.reports++;
    if (event.bitrateKbps > stream.maxKbps) stream.maxKbps = event.bitrateKbps;
    if (event.audioLevel !== undefined) {
      stream.levelReports++;
      if (event.audioLevel > stream.maxLevel) stream.maxLevel = event.audioLevel;
    }
    if (event.frames !== undefined) {
      stream.frameReports++;
      stream.frames += event.frames;
    }
  }

  addBoardLag(event: BoardLagEvent, at: number): void {
    this.course = true;
    this.boardLagReports++;
    if (event.lagMs > this.maxLagMs) this.maxLagMs = event.lagMs;
    if (event.pendingOps < this.minPendingOps) this.minPendingOps = event.pendingOps;
    if (at > this.lastBoardLagAt) this.lastBoardLagAt = at;
    if (event.lagMs > LAG_LIMIT_MS && at > this.lastLagOverAt) this.lastLagOverAt = at;
  }

  addDraw(event: DrawEvent, at: number): void {
    this.course = true;
    if (event.ok) return;
    this.drawFailures++;
    const times = (this.drawFailureTimes ??= []);
    times.push(at);
    if (times.length > MAX_FAILURE_TIMES) times.shift();
  }
}
