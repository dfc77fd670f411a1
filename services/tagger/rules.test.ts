import { describe, expect, it } from 'vitest';
import { T0, audioReceive, audioSend, videoReceive, videoSend } from './fixtures';
import { PaneStats } from './pane-stats';
import { audioStuck, cantDraw, cantHear, cantSee, notSynced, teacherSignal, videoStuck } from './rules';

function pane(...fill: ((stats: PaneStats) => void)[]): PaneStats {
  const stats = new PaneStats();
  for (const f of fill) f(stats);
  return stats;
}
const media = (...events: Parameters<PaneStats['addMedia']>[0][]) => (s: PaneStats) => events.forEach((e) => s.addMedia(e));

describe('tag rules at their thresholds', () => {
  it('audio stuck: below 2 kbps with mic on and link connected in every report of both panes', () => {
    expect(audioStuck([pane(media(audioSend(T0, 1.9))), pane(media(audioSend(T0, 0)))])).toMatch(/at most 1\.9 kbps sent in 2 reports/);
    expect(audioStuck([pane(media(audioSend(T0, 2))), pane(media(audioSend(T0, 0)))])).toBeNull();
    expect(audioStuck([undefined, pane(media(audioSend(T0, 0, { link: 'disconnected' })))])).toBeNull();
    expect(audioStuck([undefined, undefined])).toBeNull();
  });

  it('video stuck: camera on throughout, frames reported, none encoded', () => {
    expect(videoStuck([pane(media(videoSend(T0, 0))), undefined])).not.toBeNull();
    expect(videoStuck([pane(media(videoSend(T0, 0))), pane(media(videoSend(T0, 0, { frames: undefined })))])).not.toBeNull();
    expect(videoStuck([pane(media(videoSend(T0, 0, { frames: undefined })))])).toBeNull();
    expect(videoStuck([pane(media(videoSend(T0, 0), videoSend(T0, 0, { enabled: false })))])).toBeNull();
  });

  it("can't hear: teacher above level 0.02; student below 0.005, or below 2 kbps when no level is reported", () => {
    const speaking = teacherSignal([pane(media(audioSend(T0, 32, { audioLevel: 0.021 })))]);
    const quiet = teacherSignal([pane(media(audioSend(T0, 32, { audioLevel: 0.02 })))]);
    const silent = [pane(media(audioReceive(T0, 'teacher1', 0.0049)))];
    expect(cantHear(speaking, 'teacher1', silent, true)).not.toBeNull();
    expect(cantHear(quiet, 'teacher1', silent, true)).toBeNull();
    expect(cantHear(speaking, 'teacher1', [pane(media(audioReceive(T0, 'teacher1', 0.005)))], true)).toBeNull();
    const noLevel = (kbps: number) => [pane(media({ ...audioReceive(T0, 'teacher1', 0, kbps), audioLevel: undefined }))];
    expect(cantHear(speaking, 'teacher1', noLevel(1.5), true)).not.toBeNull();
    expect(cantHear(speaking, 'teacher1', noLevel(24), true)).toBeNull();
    // Audio from another peer says nothing about the teacher; a peerless report is the teacher's only in a 1-teacher class.
    expect(cantHear(speaking, 'teacher1', [pane(media(audioReceive(T0, 'student2', 0)))], true)).toBeNull();
    expect(cantHear(speaking, 'teacher1', [pane(media(audioReceive(T0, undefined, 0)))], true)).not.toBeNull();
    expect(cantHear(speaking, 'teacher1', [pane(media(audioReceive(T0, undefined, 0)))], false)).toBeNull();
  });

  it("can't see: the teacher's frames > 0, none decoded", () => {
    const sending = teacherSignal([pane(media(videoSend(T0, 1)))]);
    expect(cantSee(sending, 'teacher1', [pane(media(videoReceive(T0, 'teacher1', 0)))], true)).not.toBeNull();
    expect(cantSee(sending, 'teacher1', [pane(media(videoReceive(T0, 'teacher1', 1)))], true)).toBeNull();
    expect(cantSee(teacherSignal([pane(media(videoSend(T0, 0)))]), 'teacher1', [pane(media(videoReceive(T0, 'teacher1', 0)))], true)).toBeNull();
  });

  it('not synced above 5,000 ms of lag; can not draw from 2 failures', () => {
    const lag = (lagMs: number, pendingOps = 1, at = T0) => (s: PaneStats) => s.addBoardLag({ type: 'board-lag', lagMs, pendingOps }, at);
    expect(notSynced([pane(lag(5_001))])).toEqual({ evidence: 'board 5001 ms behind', lastAt: T0 });
    expect(notSynced([pane(lag(5_000))])).toBeNull();
    expect(notSynced([pane(lag(100)), pane(lag(100, 0))])).toBeNull();
    const draws = (n: number) => (s: PaneStats) => { for (let i = 0; i < n; i++) s.addDraw({ type: 'draw', ok: false }, T0 + i); };
    expect(cantDraw([pane(draws(1)), pane(draws(1))])).toEqual({ evidence: '2 drawing attempts failed', lastAt: T0 });
    expect(cantDraw([pane(draws(1)), undefined])).toBeNull();
  });

  it('count only the evidence after a recovery for the rules that need some events, not all', () => {
    const lag = (lagMs: number, pendingOps: number, at: number) => (s: PaneStats) => s.addBoardLag({ type: 'board-lag', lagMs, pendingOps }, at);
    expect(notSynced([pane(lag(9_000, 2, T0 + 1_000), lag(100, 0, T0 + 5_000))], T0 + 4_000)).toBeNull();
    expect(notSynced([pane(lag(9_000, 2, T0 + 6_000))], T0 + 4_000)).toMatchObject({ lastAt: T0 + 6_000 });
    // Pending through both halves is dated by the newest report.
    expect(notSynced([pane(lag(100, 2, T0 + 1_000)), pane(lag(100, 1, T0 + 20_000))], T0 + 4_000)).toMatchObject({ lastAt: T0 + 20_000 });
    const failed = (...times: number[]) => (s: PaneStats) => times.forEach((at) => s.addDraw({ type: 'draw', ok: false }, at));
    expect(cantDraw([pane(failed(T0 + 1_000, T0 + 2_000)), pane(failed(T0 + 16_000))], T0 + 3_000)).toBeNull();
    expect(cantDraw([pane(failed(T0 + 1_000)), pane(failed(T0 + 16_000, T0 + 17_000))], T0 + 3_000)).toEqual({ evidence: '2 drawing attempts failed', lastAt: T0 + 17_000 });
  });
});
