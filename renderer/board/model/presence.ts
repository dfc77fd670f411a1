import type { BoardLive, Laser } from '../../../shared/protocol';
import { senderKey } from '../../../shared/whiteboard';
import type { ClassChannel } from '../../link/channel';
import type { BoardParticipant } from '../contract';
import type { Clock } from './clock';
import { EphemeralLayer, LASER_TIMEOUT_MS, type LaserPointer, type LiveStroke, type PresenceSender } from './ephemeral';
import type { RejectReason } from './boardEvents';
import type { DrawingRights } from './rights';
import type { SendScheduler } from './sendScheduler';

export interface StrokeStyle {
  kind: 'pen' | 'highlighter';
  stroke: string;
  strokeWidth: number;
}

/** The stroke the local user is drawing: shown and streamed live until it is committed as one element. */
export interface LocalStroke extends StrokeStyle {
  id: string;
  pageId: string;
  /** Flat absolute x,y pairs. */
  points: number[];
}

export interface BoardPresenceOptions {
  channel: Pick<ClassChannel, 'fire'>;
  participant: BoardParticipant;
  /** This mounted board's id, `session` on the wire. */
  instanceId: string;
  rights: DrawingRights;
  clock: Clock;
  scheduler: SendScheduler;
  shownPage(): string | null;
  /** Whether the local user may draw on the shown page now. */
  canDraw(): boolean;
  /** Whether a page holds a committed element with this id (a live stroke that arrives after it is not shown). */
  committed(pageId: string, id: string): boolean;
  /** The live strokes or lasers shown changed. */
  changed(): void;
  reject(reason: RejectReason): void;
}

const SWEEP_MS = 500;
const MAX_LIVE_NUMBERS_PER_MESSAGE = 4_000;
const MAX_STROKE_NUMBERS = 20_000;
/** A laser held still is announced again this often, so receivers (who forget a silent one) keep showing it. */
const LASER_REFRESH_MS = LASER_TIMEOUT_MS / 2;

/**
 * Presence on the board: strokes while they are drawn and laser pointers, the local user's and everyone else's, per
 * sending board (two windows of one user are two senders). Nothing here is stored or merged; it goes out at QoS 0,
 * and what is not refreshed in time disappears.
 */
export class BoardPresence {
  private readonly layer = new EphemeralLayer();
  private readonly own: PresenceSender;
  private stroke: (LocalStroke & { sentUpTo: number }) | null = null;
  private pendingLaser: Laser | null = null;
  /** The own laser's last position while it is on. */
  private laserOn: Laser | null = null;
  private laserTimer: unknown = null;
  private sweepTimer: unknown = null;
  private disposed = false;

  constructor(private readonly options: BoardPresenceOptions) {
    this.own = { userId: options.participant.userId, key: senderKey(options.participant.userId, options.instanceId) };
  }

  liveStrokes(): LiveStroke[] {
    const pageId = this.options.shownPage();
    return pageId ? this.layer.strokesOn(pageId) : [];
  }

  laserPointers(): LaserPointer[] {
    const pageId = this.options.shownPage();
    return pageId ? this.layer.lasersOn(pageId) : [];
  }

  // ---- the local user ------------------------------------------------------------------------------------------

  beginStroke(id: string, style: StrokeStyle, x: number, y: number): void {
    const pageId = this.options.shownPage();
    if (!pageId) return;
    this.stroke = { ...style, id, pageId, points: [x, y], sentUpTo: 0 };
    this.showOwnStroke();
  }

  extendStroke(points: readonly number[]): void {
    const stroke = this.stroke;
    if (!stroke || points.length % 2 !== 0) return;
    for (const n of points) if (!Number.isFinite(n)) return;
    if (stroke.points.length + points.length > MAX_STROKE_NUMBERS) return;
    stroke.points.push(...points);
    this.showOwnStroke();
  }

  /** Ends the local stroke and hands it over to be committed; its preview stays until the element replaces it. */
  takeStroke(): LocalStroke | null {
    const stroke = this.stroke;
    this.stroke = null;
    return stroke;
  }

  laser(x: number, y: number, on: boolean): void {
    const pageId = this.options.shownPage();
    if (!pageId || !this.options.canDraw() || !Number.isFinite(x) || !Number.isFinite(y)) return;
    this.pendingLaser = { v: 1, pageId, session: this.options.instanceId, x, y, on };
    this.laserOn = on ? this.pendingLaser : null;
    this.layer.laser(this.own, this.pendingLaser, this.options.clock.now());
    this.touch();
    this.options.scheduler.request();
    this.scheduleLaserRefresh();
  }

  /** Sends the live stroke's new points and the laser's last position. Observers show them only to themselves. */
  send(): void {
    const stroke = this.stroke;
    if (stroke) {
      while (stroke.sentUpTo < stroke.points.length) {
        const points = stroke.points.slice(stroke.sentUpTo, stroke.sentUpTo + MAX_LIVE_NUMBERS_PER_MESSAGE);
        this.fire({ kind: 'boardLive', message: { v: 1, pageId: stroke.pageId, session: this.options.instanceId, strokeId: stroke.id, kind: stroke.kind, stroke: stroke.stroke, strokeWidth: stroke.strokeWidth, from: stroke.sentUpTo, points } });
        stroke.sentUpTo += points.length;
      }
    }
    if (this.pendingLaser) {
      this.fire({ kind: 'laser', message: this.pendingLaser });
      this.pendingLaser = null;
    }
  }

  // ---- everyone else -------------------------------------------------------------------------------------------

  /** A live stroke as the link decoded it. Only this board's own echo is skipped: another window of its user shows. */
  receiveLive(userId: string, live: BoardLive): void {
    if (this.isOwn(userId, live.session)) return;
    if (!this.options.rights.allows(userId)) return this.options.reject('not-allowed');
    if (this.options.committed(live.pageId, live.strokeId)) return;
    this.layer.live({ userId, key: senderKey(userId, live.session) }, live, this.options.clock.now());
    if (live.pageId === this.options.shownPage()) this.touch();
    else this.scheduleSweep();
  }

  receiveLaser(userId: string, laser: Laser): void {
    if (this.isOwn(userId, laser.session)) return;
    if (!this.options.rights.allows(userId)) return this.options.reject('not-allowed');
    this.layer.laser({ userId, key: senderKey(userId, laser.session) }, laser, this.options.clock.now());
    this.touch();
  }

  /** These users lost drawing rights: what they showed goes. */
  forget(userIds: readonly string[]): void {
    let changed = false;
    for (const userId of userIds) changed = this.layer.forgetUser(userId) || changed;
    if (changed) this.touch();
  }

  /** Committed elements with these ids exist now: their live previews go. True when any went. */
  committed(ids: readonly string[]): boolean {
    let changed = false;
    for (const id of ids) changed = this.layer.committed(id) || changed;
    return changed;
  }

  /** The shown page changed, or previews went: the view is told, and expiry keeps running while anything shows. */
  touch(): void {
    this.options.changed();
    this.scheduleSweep();
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of [this.laserTimer, this.sweepTimer]) if (timer !== null) this.options.clock.clearTimeout(timer);
  }

  private isOwn(userId: string, instance: string | undefined): boolean {
    return userId === this.own.userId && instance === this.options.instanceId;
  }

  private fire(publication: Parameters<ClassChannel['fire']>[0]): void {
    if (!this.options.participant.observer) this.options.channel.fire(publication);
  }

  private showOwnStroke(): void {
    const s = this.stroke;
    if (!s) return;
    this.layer.live(this.own, {
      v: 1, pageId: s.pageId, strokeId: s.id, kind: s.kind, stroke: s.stroke, strokeWidth: s.strokeWidth, from: 0, points: s.points,
    }, this.options.clock.now());
    this.touch();
    this.options.scheduler.request();
  }

  private scheduleLaserRefresh(): void {
    if (this.laserTimer !== null || this.disposed || !this.laserOn) return;
    this.laserTimer = this.options.clock.setTimeout(() => {
      this.laserTimer = null;
      const on = this.laserOn;
      if (!on || on.pageId !== this.options.shownPage() || !this.options.canDraw()) {
        this.laserOn = null;
        return;
      }
      this.layer.laser(this.own, on, this.options.clock.now());
      this.fire({ kind: 'laser', message: on });
      this.scheduleLaserRefresh();
    }, LASER_REFRESH_MS);
  }

  private scheduleSweep(): void {
    if (this.sweepTimer !== null || this.disposed || this.layer.empty) return;
    this.sweepTimer = this.options.clock.setTimeout(() => {
      this.sweepTimer = null;
      if (this.layer.expire(this.options.clock.now())) this.options.changed();
      this.scheduleSweep();
    }, SWEEP_MS);
  }
}
