import type { BoardLive, Laser } from '../../../shared/protocol';

/** A stroke still being drawn; replaced by the committed element with the same id. */
export interface LiveStroke {
  strokeId: string;
  userId: string;
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
  pageId: string;
  x: number;
  y: number;
  updatedAt: number;
}

export const LIVE_STROKE_TIMEOUT_MS = 5_000;
export const LASER_TIMEOUT_MS = 2_000;
const MAX_LIVE_POINTS = 40_000;
const MAX_LIVE_STROKES = 200;

/** The ephemeral layer: live strokes and laser pointers. Nothing here is stored or merged. */
export class EphemeralLayer {
  private readonly strokes = new Map<string, LiveStroke>();
  private readonly lasers = new Map<string, LaserPointer>();

  live(userId: string, message: BoardLive, now: number): void {
    let stroke = this.strokes.get(message.strokeId);
    if (stroke && stroke.userId !== userId) return;
    if (!stroke) {
      if (this.strokes.size >= MAX_LIVE_STROKES) return;
      stroke = { strokeId: message.strokeId, userId, pageId: message.pageId, kind: message.kind, stroke: message.stroke,
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

  laser(userId: string, message: Laser, now: number): void {
    if (!message.on) this.lasers.delete(userId);
    else this.lasers.set(userId, { userId, pageId: message.pageId, x: message.x, y: message.y, updatedAt: now });
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

  forgetUser(userId: string): boolean {
    let changed = false;
    for (const [id, s] of this.strokes) if (s.userId === userId) changed = this.strokes.delete(id) || changed;
    return this.lasers.delete(userId) || changed;
  }
}
