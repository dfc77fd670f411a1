import { inScope, teaches, type Claims } from '../../shared/auth/claims';
import { serviceUserId } from '../../shared/auth/client-id';
import { parentOf, type BreakoutGroup, type BreakoutMember, type BreakoutState } from '../../shared/protocol/breakouts';
import { encode, type DropCounter } from '../../shared/protocol/codec';
import type { ClassConfig } from '../../shared/protocol/media';
import type { Course, Room } from '../../shared/protocol/messages';
import { RPC, type ParsedParamsOf } from '../../shared/protocol/rpc/index';
import { topic } from '../../shared/protocol/topics';
import { requesterIn, type ClaimsLookup } from '../classroom/requester';
import { RoomBook } from '../classroom/room-book';
import { RpcRefusal } from '../host/refusal';
import { ServiceHost } from '../host/service-host';
import type { ServiceLink } from '../mqtt/service-connection';
import * as plan from './breakout-plan';

/** How often the service looks for rounds whose time ran out. */
export const EXPIRY_CHECK_MS = 500;

export interface BreakoutServiceOptions {
  link: ServiceLink;
  root: string;
  claimsOf: ClaimsLookup;
  /** Shuffles random groups; tests pass a seeded one. */
  random?: () => number;
  onError?(error: unknown): void;
}

type Params<M extends keyof typeof RPC.breakouts> = ParsedParamsOf<typeof RPC.breakouts, M>;

const SELF = serviceUserId('breakouts');

/**
 * Breakout groups. A teacher starts a round (`RPC.breakouts`); the service publishes the class's retained
 * `breakouts` state, which alone tells the broker who is in which group. Each group is a class of its own
 * (`<classId>~<key>`), so the board, chat and media services serve it as any class: the service gives each new group
 * a blank page, a room where its students may draw, and the class's media lines (peer to peer). It ends rounds
 * whose time ran out, and after a restart carries on from the retained states.
 */
export class BreakoutService {
  private readonly states = new Map<string, BreakoutState>();
  private readonly rooms = new RoomBook();
  /** The retained media configuration of each class, copied to its groups. */
  private readonly configs = new Map<string, ClassConfig>();
  private readonly host: ServiceHost<typeof RPC.breakouts>;

  constructor(private readonly options: BreakoutServiceOptions) {
    this.host = new ServiceHost(
      {
        name: 'breakouts',
        persistentSession: true,
        subscriptions: ['breakouts', 'room', 'classConfig'],
        handlers: {
          breakouts: ({ params, message, retained }) => {
            // Live copies are its own publishes; a retained one is what it published before it restarted.
            if (retained && message.classId === params.classId) this.restore(message);
          },
          room: ({ params, message }) => void this.rooms.update(params.classId, message),
          classConfig: ({ params, message }) => {
            if (parentOf(params.classId) === null) this.configs.set(params.classId, message);
          },
        },
        cleared: { room: ({ classId }) => this.rooms.clear(classId) },
        rpc: {
          contract: RPC.breakouts,
          methods: {
            start: (params, userId) => this.start_(userId, params),
            choose: (params, userId) => this.choose(userId, params),
            move: (params, userId) => this.move(userId, params),
            timer: ({ classId, addSeconds }, userId) => this.change(userId, classId, (s, now) => plan.moveEnd(s, classId, addSeconds, now)),
            broadcast: ({ classId, text }, userId) => this.change(userId, classId, (s, now) => plan.broadcastTo(s, classId, text, now)),
            end: ({ classId }, userId) =>
              this.change(userId, classId, (s, now) => {
                if (!s) throw new RpcRefusal('not-running', `${classId} has had no breakout round`);
                return plan.endRound(s, now);
              }),
          },
        },
        onConnect: () => this.publishAll(),
        timers: [{ everyMs: EXPIRY_CHECK_MS, run: () => this.expire() }],
      },
      { link: options.link, root: options.root, onError: options.onError },
    );
  }

  static async start(options: BreakoutServiceOptions): Promise<BreakoutService> {
    const service = new BreakoutService(options);
    await service.host.start();
    return service;
  }

  get drops(): DropCounter {
    return this.host.drops;
  }

  get running(): boolean {
    return this.host.running;
  }

  start(): Promise<void> {
    return this.host.start();
  }

  stop(): Promise<void> {
    return this.host.stop();
  }

  /** The class's current (or last) round. */
  state(classId: string): BreakoutState | undefined {
    return this.states.get(classId);
  }

  private teacher(userId: string, classId: string): Claims {
    const claims = requesterIn(this.options.claimsOf, userId, classId);
    if (!teaches(claims, classId)) throw new RpcRefusal('forbidden', "only the class's teachers run breakout groups");
    return claims;
  }

  /** A student of the class who may be placed in a group: signed in with the class in scope, and not removed from it. */
  private studentOf(classId: string, userId: string): BreakoutMember | 'absent' | null {
    const claims = this.options.claimsOf(userId);
    if (!claims) return 'absent';
    if (claims.role !== 'student' || !inScope(claims, classId)) return null;
    if (this.rooms.get(classId)?.removed.includes(userId)) return null;
    return { id: userId, name: claims.name };
  }

  private start_(userId: string, params: Params<'start'>): BreakoutState {
    this.teacher(userId, params.classId);
    const now = Date.now();
    const next = ruled(() => plan.planRound(params, this.states.get(params.classId), (id) => this.studentOf(params.classId, id), this.options.random ?? Math.random, now));
    this.states.set(params.classId, next);
    for (const group of next.groups) this.openGroup(params.classId, group, now);
    this.publish(next);
    return next;
  }

  private choose(userId: string, { classId, key }: Params<'choose'>): BreakoutState {
    requesterIn(this.options.claimsOf, userId, classId);
    const member = this.studentOf(classId, userId);
    if (!member || member === 'absent') throw new RpcRefusal('not-in-class', `${userId} is not a student of ${classId}`);
    return this.apply(classId, (s, now) => plan.chooseGroup(s, classId, member, key, now));
  }

  private move(userId: string, { classId, userId: studentId, key }: Params<'move'>): BreakoutState {
    this.teacher(userId, classId);
    const member = this.studentOf(classId, studentId);
    if (!member || member === 'absent') throw new RpcRefusal('not-in-class', `${studentId} is not signed in to ${classId}`);
    return this.apply(classId, (s, now) => plan.placeStudent(s, classId, member, key, now));
  }

  private change(userId: string, classId: string, next: (state: BreakoutState | undefined, now: number) => BreakoutState): BreakoutState {
    this.teacher(userId, classId);
    return this.apply(classId, next);
  }

  private apply(classId: string, next: (state: BreakoutState | undefined, now: number) => BreakoutState): BreakoutState {
    const before = this.states.get(classId);
    const now = Date.now();
    const state = ruled(() => next(before, now));
    if (state === before) return state;
    this.states.set(classId, state);
    // Drawing follows membership: a student moved into a group may draw there.
    for (const group of state.groups) {
      const was = before?.groups.find((g) => g.key === group.key);
      if (!was || sameMembers(was, group)) continue;
      this.publishRoom(group, now);
    }
    this.publish(state);
    return state;
  }

  private expire(): void {
    const now = Date.now();
    for (const state of this.states.values()) {
      if (state.state === 'running' && now >= state.endsAt) {
        const ended = plan.endRound(state, now);
        this.states.set(state.classId, ended);
        this.publish(ended);
      }
    }
  }

  private restore(state: BreakoutState): void {
    const current = this.states.get(state.classId);
    if (current && (current.round > state.round || (current.round === state.round && current.updatedAt >= state.updatedAt))) return;
    this.states.set(state.classId, state);
  }

  /** A new group's own page, room and media lines: a class of its own that the other services serve. */
  private openGroup(classId: string, group: BreakoutGroup, now: number): void {
    const { root } = this.options;
    const course: Course = {
      v: 1, version: 1, pages: [{ id: 'p1', kind: 'blank', asset: '', page: 1, title: group.name }], current: 'p1', by: SELF, ts: now,
    };
    this.host.publish(encode('course', topic('course', { classId: group.classId }, root), course));
    this.publishRoom(group, now);
    const config = this.configs.get(classId);
    if (config) {
      const p2p: ClassConfig = { ...config, media: { ...config.media, mode: 'p2p' }, ts: now };
      this.host.publish(encode('classConfig', topic('classConfig', { classId: group.classId }, root), p2p));
    }
  }

  private publishRoom(group: BreakoutGroup, now: number): void {
    const version = (this.rooms.get(group.classId)?.version ?? 0) + 1;
    const room: Room = {
      v: 1, version, drawing: group.members.map((m) => m.id), chatMutedAll: false, chatMuted: [], stars: {}, removed: [], startedAt: now,
      countdownEndsAt: null, by: SELF, ts: now,
    };
    this.rooms.update(group.classId, room);
    this.host.publish(encode('room', topic('room', { classId: group.classId }, this.options.root), room));
  }

  private publishAll(): void {
    for (const state of this.states.values()) this.publish(state);
  }

  private publish(state: BreakoutState): void {
    this.host.publish(encode('breakouts', topic('breakouts', { classId: state.classId }, this.options.root), state));
  }
}

function sameMembers(a: BreakoutGroup, b: BreakoutGroup): boolean {
  return a.members.length === b.members.length && a.members.every((m, i) => m.id === b.members[i]!.id);
}

/** The plan's rules refuse as RPC refusals with their own codes. */
function ruled<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof plan.BreakoutRuleError) throw new RpcRefusal(error.code, error.message);
    throw error;
  }
}
