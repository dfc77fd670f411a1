import { SILENT_KBPS, type PaneStats, type ReceivedStream } from './pane-stats';

/**
 * The windowed tag rules. Each reads one participant's panes of a 30 s window (two 15 s panes, either possibly
 * missing) and returns the evidence for the tag, or null when the window does not show it.
 */
export type Window = readonly (PaneStats | undefined)[];

/** The teacher counts as speaking above this level; a student hears silence below `SILENCE_LEVEL`. */
export const SPEAKING_LEVEL = 0.02;
export const SILENCE_LEVEL = 0.005;
/** Board lag above this is "not synced". */
export const LAG_LIMIT_MS = 5_000;
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

/** Any board-lag report above the limit, or operations pending in every report of both halves of the window. */
export function notSynced(window: Window): string | null {
  let maxLag = 0;
  let minPending = Number.POSITIVE_INFINITY;
  let halvesReporting = 0;
  for (const pane of window) {
    if (!pane || pane.boardLagReports === 0) continue;
    halvesReporting++;
    maxLag = Math.max(maxLag, pane.maxLagMs);
    minPending = Math.min(minPending, pane.minPendingOps);
  }
  if (maxLag > LAG_LIMIT_MS) return `board ${Math.round(maxLag)} ms behind`;
  if (halvesReporting === 2 && minPending > 0) return `${minPending}+ board operations pending for the whole window`;
  return null;
}

export function cantDraw(window: Window): string | null {
  let failures = 0;
  for (const pane of window) failures += pane?.drawFailures ?? 0;
  return failures >= DRAW_FAILURES ? `${failures} drawing attempts failed` : null;
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
