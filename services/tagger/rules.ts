import { LAG_LIMIT_MS, SILENT_KBPS, type PaneStats, type ReceivedStream } from './pane-stats';

export { LAG_LIMIT_MS };

/**
 * The windowed tag rules. Each reads one participant's panes of a 30 s window (two 15 s panes, either possibly
 * missing) and returns the evidence for the tag, or null when the window does not show it.
 */
export type Window = readonly (PaneStats | undefined)[];

/** The teacher counts as speaking above this level; a student hears silence below `SILENCE_LEVEL`. */
export const SPEAKING_LEVEL = 0.02;
export const SILENCE_LEVEL = 0.005;
/** This many failed drawing attempts in one window is "can't draw". */
export const DRAW_FAILURES = 2;

const kbps = (value: number) => `${value.toFixed(1)} kbps`;

/** Mic on and link connected for every send-audio report of the window, but almost nothing sent. */
export function audioStuck(window: Window): string | null {
  let reports = 0;
  let silent = 0;
  let maxKbps = 0;
  for (const pane of window) {
    if (!pane) continue;
    reports += pane.sendAudioReports;
    silent += pane.sendAudioSilent;
    maxKbps = Math.max(maxKbps, pane.sendAudioMaxKbps);
  }
  if (reports === 0 || silent < reports) return null;
  return `mic on and link connected, but at most ${kbps(maxKbps)} sent in ${reports} reports`;
}

/** Camera on for every send-video report of the window, and not one frame encoded. */
export function videoStuck(window: Window): string | null {
  let reports = 0;
  let on = 0;
  let frameReports = 0;
  let frames = 0;
  for (const pane of window) {
    if (!pane) continue;
    reports += pane.sendVideoReports;
    on += pane.sendVideoOn;
    frameReports += pane.sendVideoFrameReports;
    frames += pane.sendVideoFrames;
  }
  if (reports === 0 || on < reports || frameReports === 0 || frames > 0) return null;
  return `camera on, but 0 frames encoded in ${frameReports} reports`;
}

/**
 * A tag a window shows through some of its events rather than all of them: what showed it, and the event time of the
 * newest of those events, which a later recovery must beat (see recovery.ts). The whole-window rules need no time: a
 * window that holds a healthy sample does not show them.
 */
export interface Finding {
  evidence: string;
  lastAt: number;
}

/**
 * Any board-lag report above the limit, or operations pending in every report of both halves of the window. Only
 * reports later than `after` (the participant's last recovery) count.
 */
export function notSynced(window: Window, after = Number.NEGATIVE_INFINITY): Finding | null {
  let maxLag = 0;
  let minPending = Number.POSITIVE_INFINITY;
  let lastOverAt = Number.NEGATIVE_INFINITY;
  let lastAt = Number.NEGATIVE_INFINITY;
  let halvesReporting = 0;
  for (const pane of window) {
    if (!pane || pane.boardLagReports === 0) continue;
    halvesReporting++;
    maxLag = Math.max(maxLag, pane.maxLagMs);
    minPending = Math.min(minPending, pane.minPendingOps);
    lastOverAt = Math.max(lastOverAt, pane.lastLagOverAt);
    lastAt = Math.max(lastAt, pane.lastBoardLagAt);
  }
  if (lastOverAt > after) return { evidence: `board ${Math.round(maxLag)} ms behind`, lastAt: lastOverAt };
  if (halvesReporting === 2 && minPending > 0 && lastAt > after) return { evidence: `${minPending}+ board operations pending for the whole window`, lastAt };
  return null;
}

/** At least `DRAW_FAILURES` failed drawing attempts later than `after` (the participant's last recovery). */
export function cantDraw(window: Window, after = Number.NEGATIVE_INFINITY): Finding | null {
  let failures = 0;
  let lastAt = Number.NEGATIVE_INFINITY;
  for (const pane of window) {
    if (!pane?.drawFailureTimes) continue;
    for (const at of pane.drawFailureTimes) lastAt = Math.max(lastAt, at);
    failures += after === Number.NEGATIVE_INFINITY ? pane.drawFailures : pane.drawFailureTimes.filter((at) => at > after).length;
  }
  return failures >= DRAW_FAILURES ? { evidence: `${failures} drawing attempts failed`, lastAt } : null;
}

export function hasMedia(window: Window): boolean {
  return window.some((pane) => (pane?.mediaReports ?? 0) > 0);
}

/** What the teacher sent during a window, for the join. */
export interface TeacherSignal {
  speakingLevel: number;
  sentAudioKbps: number;
  videoFrames: number;
}

export function teacherSignal(window: Window): TeacherSignal {
  let speakingLevel = 0;
  let sentAudioKbps = 0;
  let videoFrames = 0;
  for (const pane of window) {
    if (!pane) continue;
    speakingLevel = Math.max(speakingLevel, pane.sendAudioMaxLevel);
    sentAudioKbps = Math.max(sentAudioKbps, pane.sendAudioMaxKbps);
    videoFrames += pane.sendVideoFrames;
  }
  return { speakingLevel, sentAudioKbps, videoFrames };
}

/**
 * One stream received from `teacherId` over the window, folded across panes. A report without a peer counts as
 * coming from the teacher when the class has only one (`soleTeacher`).
 */
function received(window: Window, kind: 'audio' | 'video', teacherId: string, soleTeacher: boolean): ReceivedStream | null {
  let total: ReceivedStream | null = null;
  for (const pane of window) {
    const streams = kind === 'audio' ? pane?.receivedAudio : pane?.receivedVideo;
    if (!streams) continue;
    for (const stream of streams) {
      if (stream.peer !== teacherId && !(stream.peer === null && soleTeacher)) continue;
      total ??= { peer: teacherId, reports: 0, levelReports: 0, maxLevel: 0, maxKbps: 0, frameReports: 0, frames: 0 };
      total.reports += stream.reports;
      total.levelReports += stream.levelReports;
      total.maxLevel = Math.max(total.maxLevel, stream.maxLevel);
      total.maxKbps = Math.max(total.maxKbps, stream.maxKbps);
      total.frameReports += stream.frameReports;
      total.frames += stream.frames;
    }
  }
  return total;
}

/** The teacher spoke during the window, while this participant's audio from the teacher stayed silent throughout. */
export function cantHear(teacher: TeacherSignal, teacherId: string, student: Window, soleTeacher: boolean): string | null {
  if (teacher.speakingLevel <= SPEAKING_LEVEL) return null;
  const stream = received(student, 'audio', teacherId, soleTeacher);
  if (!stream || stream.reports === 0) return null;
  const silentByLevel = stream.levelReports > 0 && stream.maxLevel < SILENCE_LEVEL;
  if (!silentByLevel && stream.maxKbps >= SILENT_KBPS) return null;
  return `${teacherId} spoke (level ${teacher.speakingLevel.toFixed(2)}, ${kbps(teacher.sentAudioKbps)}) but at most level ${stream.maxLevel.toFixed(3)} and ${kbps(stream.maxKbps)} arrived`;
}

/** The teacher sent video frames during the window, while this participant decoded none of them. */
export function cantSee(teacher: TeacherSignal, teacherId: string, student: Window, soleTeacher: boolean): string | null {
  if (teacher.videoFrames <= 0) return null;
  const stream = received(student, 'video', teacherId, soleTeacher);
  if (!stream || stream.frameReports === 0 || stream.frames > 0) return null;
  return `${teacherId} sent ${teacher.videoFrames} frames but 0 were decoded`;
}
