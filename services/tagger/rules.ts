import type { TelemetryEvent } from '../../shared/protocol/messages';
import { DEFAULT_INTERVAL_MS, MIN_BAD_MS } from './time';

/**
 * The tag rules, one report at a time. Each media report is judged on its own: bad (and how strongly), healthy, or
 * saying nothing about its stream (a muted microphone says nothing about a stuck one). Streaks of verdicts make tags
 * (streak.ts). The rules tell silence from failure by what differs between them:
 * - a quiet microphone with silence suppression (DTX) still sends a packet every 400 ms, a stuck one sends none; a
 *   microphone without DTX sends 50 packets a second even in silence. What a microphone hears (its own level, which
 *   getStats reports for the captured audio however it is encoded) says how many packets it must send: 50 a second
 *   while speech lasts, the silence rate otherwise. A microphone sending under 45% of that is failing, under 80% is
 *   weakening (that only continues a run of bad reports: a fade is tagged as it happens, not at its end);
 * - a camera that is on encodes frames at its own rate; below one a second, or below 45% of its recent rate, it is
 *   stuck, and below 80% it is weakening;
 * - audio from the teacher that is lost on the way (`lossPct`) is "can't hear"; audio the teacher does not send (they
 *   are quiet, muted, or their own microphone is stuck) is not;
 * - video from the teacher whose packets arrive but whose frames do not decode, or that stays frozen, is "can't see";
 *   video the teacher's camera does not send is not.
 * Reports from consoles that send neither packets nor intervals are judged by the older figures (bitrate, level,
 * frames against what the teacher sent).
 */
export type MediaEvent = Extract<TelemetryEvent, { type: 'media' }>;

/** The teacher counts as speaking above this level; a student hears silence below `SILENCE_LEVEL`. */
export const SPEAKING_LEVEL = 0.02;
export const SILENCE_LEVEL = 0.005;
/** Below this bitrate a stream carries nothing (for reports without packet counts). */
export const SILENT_KBPS = 2;
/** Board lag above this with operations pending is "not synced"; above `LONG_LAG_MS` it is whatever is pending. */
export const LAG_LIMIT_MS = 5_000;
export const LONG_LAG_MS = 20_000;
/**
 * This many failed drawing attempts within `DRAW_SPAN_MS`, making at least `DRAW_FAILED_SHARE` of the attempts then,
 * is "can't draw": a stroke that fails now and then and goes through on its retry is no fault.
 */
export const DRAW_FAILURES = 2;
export const DRAW_SPAN_MS = 30_000;
export const DRAW_FAILED_SHARE = 1 / 3;

/** A stuck microphone sends fewer packets a second than this (DTX silence sends 2.5). */
export const STUCK_PPS = 0.5;
/** A microphone that sends this many packets a second while quiet has no DTX. */
export const NO_DTX_PPS = 40;
/** Packets a second of speech (Opus in 20 ms frames), and of silence with DTX (one every 400 ms). */
export const SPEECH_PPS = 50;
export const DTX_PPS = 2.5;
/** Only reports whose level shows at least this share of speech teach the tagger a microphone's speaking level. */
const CALIBRATION_SPEECH = 0.15;
/** Video below this many frames a second is stuck. */
export const STUCK_FPS = 1;
/** A stream's rate below this share of what it should be is failing; below `WEAK_SHARE`, weakening. */
export const FAILING_SHARE = 0.45;
export const WEAK_SHARE = 0.8;
/**
 * Received audio losing this share of its packets cannot be heard (all but nothing over a whole report: `ALL_LOST_PCT`);
 * losing `LOSSY_PCT` it is breaking up (weak evidence); below `HEARD_LOSS_PCT` it can be heard.
 */
export const ALL_LOST_PCT = 95;
export const LOST_PCT = 70;
export const LOSSY_PCT = 45;
export const HEARD_LOSS_PCT = 30;
/** A report this long or longer with nothing getting through is enough on its own. */
const WHOLE_REPORT_MS = 4_000;
/** Received video frozen for this share of a report is not seen. */
export const FROZEN_SHARE = 0.5;

/**
 * A report's verdict: `hard` evidence is enough on its own, soft evidence needs a second report (streak.ts); `weak`
 * evidence (a rate fallen, not yet failing) continues a run of bad reports but never raises a tag by itself.
 */
export type Verdict = { bad: true; hard: boolean; weak?: boolean; evidence: string } | { bad: false } | null;

const HEALTHY: Verdict = { bad: false };
const bad = (evidence: string, hard = false): Verdict => ({ bad: true, hard, evidence });
const weak = (evidence: string): Verdict => ({ bad: true, hard: false, weak: true, evidence });
const per = (count: number, ms: number) => count / (ms / 1000);
const fixed = (value: number) => (value >= 10 ? value.toFixed(0) : value.toFixed(1));

/** What a participant's own recent reports say about their devices, for the relative rules. */
export interface Baseline {
  /** A quiet report went at `NO_DTX_PPS` or more lately: this microphone has no silence suppression. */
  noDtx: boolean;
  /**
   * The microphone's level squared while speaking (median over healthy reports, each report's level squared over its
   * share of speech as its packets show it); null until known.
   */
  speechEnergy: number | null;
  /** The camera's recent frame rate (median of healthy reports); null until three are known. */
  fps: number | null;
}

/** Packets a second a working microphone sends over a report with this level. */
export function expectedPps(level: number | undefined, baseline: Baseline): number {
  const silence = baseline.noDtx ? SPEECH_PPS : DTX_PPS;
  if (level === undefined || baseline.speechEnergy === null) return silence;
  return silence + (SPEECH_PPS - silence) * Math.min(1, (level * level) / baseline.speechEnergy);
}

/** What a healthy send-audio report says of the microphone's speaking level (level squared over the share of speech), or null. */
export function speechEnergyOf(pps: number, level: number | undefined, noDtx: boolean): number | null {
  if (noDtx || level === undefined || level <= 0) return null;
  const speech = (pps - DTX_PPS) / (SPEECH_PPS - DTX_PPS);
  return speech >= CALIBRATION_SPEECH ? (level * level) / Math.min(1, speech) : null;
}

export function intervalOf(event: MediaEvent): number {
  return event.intervalMs && event.intervalMs > 0 ? event.intervalMs : DEFAULT_INTERVAL_MS;
}

/** Own microphone: on, connected, and sending (almost) nothing. */
export function sendAudio(event: MediaEvent, baseline: Baseline): Verdict {
  if (!event.enabled || event.link !== 'connected') return null;
  if (event.packets === undefined) return event.bitrateKbps < SILENT_KBPS ? bad(`mic on and link connected, but ${event.bitrateKbps.toFixed(1)} kbps sent`) : HEALTHY;
  const ms = intervalOf(event);
  const pps = per(event.packets, ms);
  if (pps < STUCK_PPS) return bad(`mic on and link connected, but ${event.packets} packets sent in ${Math.round(ms / 1000)} s`, ms >= 4_000);
  const expected = expectedPps(event.audioLevel, baseline);
  const text = () => `mic sends ${fixed(pps)} packets/s where its level ${(event.audioLevel ?? 0).toFixed(3)} calls for ${fixed(expected)}`;
  if (pps < expected * FAILING_SHARE) return bad(text());
  if (pps < expected * WEAK_SHARE) return weak(text());
  return HEALTHY;
}

/** Own camera: on, and encoding (almost) no frames. */
export function sendVideo(event: MediaEvent, baseline: Baseline): Verdict {
  if (!event.enabled || event.frames === undefined) return null;
  if (event.intervalMs === undefined) return event.frames === 0 ? bad('camera on, but 0 frames encoded') : HEALTHY;
  const ms = intervalOf(event);
  const fps = per(event.frames, ms);
  if (fps < STUCK_FPS) return bad(`camera on, but ${event.frames} frames encoded in ${Math.round(ms / 1000)} s`, event.frames === 0 && ms >= 4_000);
  if (baseline.fps === null) return HEALTHY;
  const text = `camera encodes ${fixed(fps)} fps where it ran at ${fixed(baseline.fps)}`;
  if (fps < baseline.fps * FAILING_SHARE) return bad(text);
  if (fps < baseline.fps * WEAK_SHARE) return weak(text);
  return HEALTHY;
}

/** What the tagger knows of a teacher's sending, for reports that carry no loss or packet figures to go by. */
export interface TeacherSending {
  /** Corrected time of the teacher's latest report that showed them speaking, and sending frames. */
  spokeAt: number;
  framesAt: number;
}

/** How recent the teacher's speaking or frames must be for an older-style report to be judged against them. */
export const TEACHER_RECENT_MS = 15_000;

/** Audio received from the teacher: lost on the way, or (older reports) silent while the teacher spoke. */
export function receiveAudio(event: MediaEvent, at: number, teacher: TeacherSending | null): Verdict {
  if (!event.enabled || event.link !== 'connected') return null;
  if (event.packets !== undefined || event.intervalMs !== undefined) {
    const text = `${Math.round(event.lossPct)}% of the teacher's audio lost on the way`;
    if (event.lossPct >= LOST_PCT) return bad(text, event.lossPct >= ALL_LOST_PCT && intervalOf(event) >= WHOLE_REPORT_MS);
    if (event.lossPct >= LOSSY_PCT) return weak(text);
    return event.lossPct < HEARD_LOSS_PCT ? HEALTHY : null;
  }
  const silent = event.audioLevel !== undefined ? event.audioLevel < SILENCE_LEVEL : event.bitrateKbps < SILENT_KBPS;
  if (!silent) return HEALTHY;
  if (!teacher || at - teacher.spokeAt > TEACHER_RECENT_MS) return null;
  return bad(`the teacher spoke but level ${(event.audioLevel ?? 0).toFixed(3)} and ${event.bitrateKbps.toFixed(1)} kbps arrived`);
}

/** Video received from the teacher: packets arrive (or the picture freezes) but (almost) no frame decodes. */
export function receiveVideo(event: MediaEvent, at: number, teacher: TeacherSending | null): Verdict {
  if (!event.enabled || event.frames === undefined) return null;
  if (event.intervalMs !== undefined && (event.packets !== undefined || event.frozenMs !== undefined)) {
    const ms = intervalOf(event);
    if (per(event.frames, ms) >= STUCK_FPS) return HEALTHY;
    if (event.link !== 'connected') return null;
    const frozen = (event.frozenMs ?? 0) >= ms * FROZEN_SHARE;
    const text = `${event.frames} frames decoded in ${Math.round(ms / 1000)} s${frozen ? `, frozen ${Math.round((event.frozenMs ?? 0) / 1000)} s` : ''} while ${event.packets ?? 0} packets arrived`;
    if ((event.packets ?? 0) > 0 || frozen) return bad(text, event.frames === 0 && ms >= WHOLE_REPORT_MS);
    return null;
  }
  if (event.frames > 0) return HEALTHY;
  if (!teacher || at - teacher.framesAt > TEACHER_RECENT_MS) return null;
  return bad('the teacher sent frames but 0 were decoded');
}

/**
 * Board lag. Behind by more than the limit with operations pending is bad: the board has what it needs and does not
 * apply it; behind for `MIN_BAD_MS` or more so is enough on its own (the report says how long it has been behind).
 * Behind with nothing pending says nothing below `LONG_LAG_MS`: it is a board waiting for the network (after a dropout
 * it catches up by itself), or the report a board sends when it has caught up, with how long it was behind. Behind
 * further than any dropout the network recovers from is bad whatever is pending. Caught up with nothing pending is
 * healthy. `explained`: the lag began while the participant's own network dropped out.
 */
export function boardLag(event: Extract<TelemetryEvent, { type: 'board-lag' }>, explained: boolean): Verdict {
  if (event.lagMs > LONG_LAG_MS) return bad(`board ${Math.round(event.lagMs / 1000)} s behind`, true);
  if (event.lagMs > LAG_LIMIT_MS) {
    if (explained || event.pendingOps === 0) return null;
    return bad(`board ${Math.round(event.lagMs)} ms behind with ${event.pendingOps} operations pending`, event.lagMs >= MIN_BAD_MS);
  }
  return event.pendingOps === 0 ? HEALTHY : null;
}
