import type { BoardLive, Laser } from '../../../shared/protocol';

/** A stroke still being drawn; replaced by the committed element with the same id. */
export interface LiveStroke {
  strokeId: string;
  userId: string;
  /** The drawing board's sender key (`senderKey`): each window of a user draws its own strokes. */
  sender: string;
  pageId: string;
  kind: 'pen' | 'highlighter';
  stroke: string;
  strokeWidth: number;
  /** Flat absolute x,y pairs. */
  points: number[];
  updatedAt: number;
}

export interface LaserPointer {
  userId: string;
  /** The pointing board's sender key: two windows of one user point with two lasers. */
  sender: string;
  pageId: string;
  x: number;
  y: number;
  updatedAt: number;
}

export const LIVE_STROKE_TIMEOUT_MS = 5_000;
export const LASER_TIMEOUT_MS = 2_000;
const MAX_LIVE_POINTS = 40_000;
const MAX_LIVE_STROKES = 200;

/** Who sent a live stroke or laser: the user (from the topic) and their board's sender key. */
export interface PresenceSender {
  userId: string;
  key: string;
}

/** The ephemeral layer: live strokes and laser pointers, by sending board. Nothing here is stored or merged. */
export class EphemeralLayer {
  private readonly strokes = new Map<string, LiveStroke>();
  /** By sender key. */
  private readonly lasers = new Map<string, LaserPointer>();

  live({ userId, key }: PresenceSender, message: BoardLive, now: number): void {
    let stroke = this.strokes.get(message.strokeId);
    if (stroke && stroke.sender !== key) return;
    if (!stroke) {
      if (this.strokes.size >= MAX_LIVE_STROKES) return;
      stroke = { strokeId: message.strokeId, userId, sender: key, pageId: message.pageId, kind: message.kind, stroke: message.stroke,
        strokeWidth: message.strokeWidth, points: [], updatedAt: now };
      this.strokes.set(message.strokeId, stroke);
    }
    // QoS 0 may lose or reorder pieces: write each piece where it belongs, and accept a gap as a straight segment.
    const from = Math.min(message.from - (message.from % 2), stroke.points.length);
    if (from + message.points.length > MAX_LIVE_POINTS) return;
    stroke.points.splice(from, message.points.length, ...message.points);
    stroke.updatedAt = now;
  }

  /** A committed element with this id exists now: its live preview goes. */
  committed(id: string): boolean {
    return this.strokes.delete(id);
  }

  laser({ userId, key }: PresenceSender, message: Laser, now: number): void {
    if (!message.on) this.lasers.delete(key);
    else this.lasers.set(key, { userId, sender: key, pageId: message.pageId, x: message.x, y: message.y, updatedAt: now });
  }

  /** Drops what has not been refreshed in time; true when anything went. */
  expire(now: number): boolean {
    let changed = false;
    for (const [id, s] of this.strokes) if (now - s.updatedAt > LIVE_STROKE_TIMEOUT_MS) changed = this.strokes.delete(id) || changed;
    for (const [id, l] of this.lasers) if (now - l.updatedAt > LASER_TIMEOUT_MS) changed = this.lasers.delete(id) || changed;
    return changed;
  }

  get empty(): boolean {
    return this.strokes.size === 0 && this.lasers.size === 0;
  }

  strokesOn(pageId: string): LiveStroke[] {
    return [...this.strokes.values()].filter((s) => s.pageId === pageId);
  }

  lasersOn(pageId: string): LaserPointer[] {
    return [...this.lasers.values()].filter((l) => l.pageId === pageId);
  }

  /** Everything a user shows, from any of their windows. */
  forgetUser(userId: string): boolean {
    let changed = false;
    for (const [id, s] of this.strokes) if (s.userId === userId) changed = this.strokes.delete(id) || changed;
    for (const [key, l] of this.lasers) if (l.userId === userId) changed = this.lasers.delete(key) || changed;
    return changed;
  }
}
