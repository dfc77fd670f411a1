import { boardMessages, rebuildFeed, snapshotBefore } from './replayFeed';
import { ReplayChannel } from './ReplayChannel';
import { messagesUpTo, type Timeline } from './timeline';

/** Mounts the real board on a channel and returns its unmount (renderer/board/mount.ts in the app). */
export type MountReplayBoard = (channel: ReplayChannel) => () => void;

export interface ReplayPlayerOptions {
  timeline: Timeline;
  classId: string;
  mount: MountReplayBoard;
  /** Called with the position (ms from the start) whenever it changes. */
  onPosition(at: number): void;
  onPlaying(playing: boolean): void;
}

export const REPLAY_SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
/** A forward seek feeds the messages between; beyond this many, the board is rebuilt from snapshots instead. */
const FEED_FORWARD_LIMIT = 2_000;
const TICK_MS = 100;

/**
 * Plays a recording into the real board: forward, it hands the board the recorded messages as their time comes;
 * a seek back (or far ahead) mounts a fresh board and feeds it what it needs to be as the class was at that moment.
 */
export class ReplayPlayer {
  private position = 0;
  /** Messages of the timeline the mounted board has been given. */
  private fed = 0;
  private channel: ReplayChannel | null = null;
  private unmount: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastTick = 0;
  private speed = 1;

  constructor(private readonly options: ReplayPlayerOptions) {}

  get at(): number {
    return this.position;
  }

  get playing(): boolean {
    return this.timer !== null;
  }

  /** Shows the class as it was at `at` (ms from the start, clamped to the recording). */
  seek(at: number): void {
    const { timeline } = this.options;
    const target = Math.min(Math.max(0, at), timeline.durationMs);
    const count = messagesUpTo(timeline, target);
    if (this.channel && count >= this.fed && count - this.fed <= FEED_FORWARD_LIMIT) {
      this.channel.deliver(boardMessages(timeline.messages.slice(this.fed, count)));
    } else {
      this.rebuild(count);
    }
    this.fed = count;
    this.position = target;
    this.options.onPosition(target);
  }

  play(): void {
    if (this.timer) return;
    if (this.position >= this.options.timeline.durationMs) this.seek(0);
    this.lastTick = performance.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.options.onPlaying(true);
  }

  pause(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    this.options.onPlaying(false);
  }

  setSpeed(speed: number): void {
    this.speed = Math.min(2, Math.max(0.5, speed));
  }

  dispose(): void {
    this.pause();
    this.unmount?.();
    this.unmount = null;
    this.channel = null;
  }

  private tick(): void {
    const now = performance.now();
    const next = this.position + (now - this.lastTick) * this.speed;
    this.lastTick = now;
    this.seek(next);
    if (next >= this.options.timeline.durationMs) this.pause();
  }

  private rebuild(count: number): void {
    this.unmount?.();
    const { timeline, classId } = this.options;
    const channel = new ReplayChannel(classId, 'replay', (pageId) => snapshotBefore(timeline, this.fed, pageId));
    this.channel = channel;
    this.unmount = this.options.mount(channel);
    this.fed = count;
    channel.deliver(rebuildFeed(timeline, count));
  }
}
