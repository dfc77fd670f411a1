import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Course, Decoded, Room } from '../../../shared/protocol';
import { encode } from '../../../shared/protocol/codec';
import { allowBack, removeFromClass } from '../../../shared/protocol/room-rules';
import { topic } from '../../../shared/protocol/topics';
import { ElementProps, type ElementRecord } from '../../../shared/whiteboard';
import { refuseOps, StoredPage } from '../../../services/board/page-store';
import { RoomBook } from '../../../services/classroom/room-book';
import type { ChannelLink } from '../../link/classChannel';
import { LinkClassChannel } from '../../link/classChannel';
import type { BoardParticipant } from '../contract';
import { Board } from './Board';
import { CLASS_ID, FuzzBroker, ROOT, type BoardServiceStandIn, type FuzzConsole } from './testing/fuzzBroker';
import { ManualClock, RecordingHost, settle } from './testing/kit';

/**
 * Seeded fuzz of the real code: 2 to 5 real boards (document, replica and presence, without the view), each on a
 * real class channel over an in-memory broker, and the board service's real page store (its drawing rule, merge,
 * sequence numbers and compacted snapshots). The broker reorders what may be reordered, duplicates, loses live
 * traffic, lets a console's link drop ops it could not take, disconnects consoles (a persistent session: QoS 1 is
 * queued, up to a limit, and the outbox resends after the reconnect) and carries snapshot requests to the page store.
 * A removed student and a student forging the teacher's records publish straight into it, as on a broker that cannot
 * check drawing rights. At the end every board and the page store hold byte-identical pages, nothing the removed or
 * forging student sent is anywhere, and no element seen deleted anywhere is alive.
 */

/** Fixed: a failure reproduces exactly, and every machine explores the same cases. */
const SEED = 20261204;
const RUNS = Number(process.env.BOARD_FUZZ_RUNS ?? 120);
const TEACHER = 'teacher';
const INTRUDER = 'intruder';
const FORGER = 'forger';
const PAGES = ['p1', 'p2', 'p3'];
/** Versions a rogue edit claims: higher than any honest edit reaches here, so it would win wherever it was taken. */
const ROGUE_VERSION = 9_999;

/** The board service's deciding part, as BoardService uses it: its room book, the drawing rule and one page store per page. */
class PageStore implements BoardServiceStandIn {
  readonly rooms = new RoomBook();
  private readonly pages = new Map<string, StoredPage>();
  private readonly changed = new Set<string>();

  constructor(private readonly clock: ManualClock) {}

  receive(message: Decoded): void {
    if (message.kind === 'room') this.rooms.update(message.params.classId, message.message);
    if (message.kind !== 'boardOps') return;
    const { userId, classId } = message.params;
    const ops = message.message;
    if (refuseOps(this.rooms.get(classId), { userId, teaches: userId === TEACHER }, ops)) return;
    if (this.page(ops.pageId).applyOps(userId, ops.session, ops.seq, ops.records)) this.changed.add(ops.pageId);
  }

  snapshot(pageId: string) {
    return (this.pages.get(pageId) ?? new StoredPage(pageId)).snapshot(this.clock.now());
  }

  serialize(pageId: string): string {
    return this.page(pageId).page.serialize();
  }

  /** The service's periodic republish: the retained snapshot of every page that changed since. */
  publishChanged(broker: FuzzBroker): void {
    for (const pageId of this.changed) {
      broker.route('boardSnapshot', encode('boardSnapshot', topic('boardSnapshot', { classId: CLASS_ID, pageId }, ROOT), this.snapshot(pageId)));
    }
    this.changed.clear();
  }

  private page(pageId: string): StoredPage {
    let page = this.pages.get(pageId);
    if (!page) this.pages.set(pageId, (page = new StoredPage(pageId)));
    return page;
  }
}

/** One console: its link on the broker, the class channel on it, and the board mounted on the channel. */
class Replica {
  readonly console: FuzzConsole;
  readonly channel: LinkClassChannel;
  readonly host = new RecordingHost();
  board!: Board;
  /** The element being dragged, if any. */
  holding: string | null = null;
  private mounts = 0;
  private ids = 0;

  constructor(
    readonly participant: BoardParticipant,
    private readonly world: World,
  ) {
    this.console = world.broker.console(participant.userId);
    this.channel = new LinkClassChannel({ classId: CLASS_ID, userId: participant.userId, root: ROOT, join: { observer: false }, link: this.console as unknown as ChannelLink });
    this.channel.join();
    this.console.subscribed();
    this.mount();
  }

  get userId(): string {
    return this.participant.userId;
  }

  /** Mounts a fresh board (the class screen opened again): a new instance, numbering its ops from 1. */
  mount(): void {
    this.board?.dispose();
    this.holding = null;
    const instanceId = `${this.userId}-${++this.mounts}`;
    this.board = new Board({
      channel: this.channel, host: this.host, participant: this.participant, teacherId: TEACHER, clock: this.world.clock,
      random: this.world.random, newId: () => `${instanceId}-e${++this.ids}`, instanceId,
    });
    this.board.on((event) => {
      if (event.type === 'elements') for (const change of event.changes) if (change.record === null) this.world.deletedSeen.add(change.id);
    });
    this.board.start();
  }

  release(x: number): void {
    if (this.holding === null) return;
    this.board.update(this.holding, { x });
    this.board.stopEditing(this.holding);
    this.holding = null;
  }
}

type RightsChange = 'grant' | 'revoke' | 'remove' | 'allow-back';
type Command =
  | { type: 'edit'; who: number; op: 'create' | 'update' | 'remove' | 'front' | 'back' | 'undo' | 'redo' | 'clear'; pick: number; x: number; y: number }
  | { type: 'stroke' | 'end-stroke' | 'laser-on' | 'laser-off' | 'hold' | 'release'; who: number; pick: number; x: number; y: number }
  | { type: 'deliver'; who: number; pick: number; count: number }
  | { type: 'duplicate' | 'drop'; who: number; pick: number }
  | { type: 'network' | 'fail-request' | 'remount'; who: number }
  | { type: 'service'; count: number }
  | { type: 'publish-snapshots' }
  | { type: 'tick'; ms: number }
  | { type: 'turn'; page: number }
  | { type: 'rights'; student: number; change: RightsChange }
  | { type: 'rogue'; forged: boolean; page: number; pick: number; deleted: boolean };

class World {
  readonly clock = new ManualClock();
  readonly store = new PageStore(this.clock);
  readonly broker = new FuzzBroker(this.store);
  readonly replicas: Replica[] = [];
  readonly deletedSeen = new Set<string>();
  readonly random: () => number;
  private course: Course;
  private room: Room;
  private rogueSeq = 0;

  constructor(readonly size: number, seed: number, granted: boolean[]) {
    let state = seed >>> 0;
    this.random = () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const teacher = new Replica({ userId: TEACHER, role: 'teacher', observer: false }, this);
    this.replicas.push(teacher);
    const students = Array.from({ length: size - 1 }, (_, i) => `student${i + 1}`);
    this.course = {
      v: 1, version: 1, pages: PAGES.map((id, i) => ({ id, kind: 'blank', asset: '', page: i + 1, title: '' })), current: PAGES[0]!,
      by: TEACHER, ts: this.clock.now(),
    };
    // The removed student keeps a grant in the room, so only "removed" stands between them and the board.
    this.room = {
      v: 1, version: 1, drawing: [...students.filter((_, i) => granted[i]), FORGER, INTRUDER], chatMutedAll: false, chatMuted: [],
      stars: {}, removed: [INTRUDER], startedAt: null, countdownEndsAt: null, by: TEACHER, ts: this.clock.now(),
    };
    teacher.channel.publish({ kind: 'course', message: this.course });
    teacher.channel.publish({ kind: 'room', message: this.room });
    for (const userId of students) this.replicas.push(new Replica({ userId, role: 'student', observer: false }, this));
  }

  replica(who: number): Replica {
    return this.replicas[who % this.replicas.length]!;
  }

  async run(command: Command): Promise<void> {
    switch (command.type) {
      case 'edit':
        this.edit(this.replica(command.who).board, command);
        break;
      case 'stroke':
        this.replica(command.who).board.beginStroke({ kind: 'pen', stroke: '#112233', strokeWidth: 2 }, command.x, command.y);
        this.replica(command.who).board.extendStroke([command.x + 3, command.y + 4, command.x + 6, command.y + 1]);
        break;
      case 'end-stroke':
        this.replica(command.who).board.endStroke();
        break;
      case 'laser-on':
      case 'laser-off':
        this.replica(command.who).board.laser(command.x, command.y, command.type === 'laser-on');
        break;
      case 'hold': {
        const replica = this.replica(command.who);
        const live = replica.board.elements();
        if (replica.holding !== null || live.length === 0) break;
        replica.holding = live[command.pick % live.length]!.id;
        replica.board.startEditing(replica.holding);
        break;
      }
      case 'release':
        this.replica(command.who).release(command.x);
        break;
      case 'deliver': {
        const console = this.replica(command.who).console;
        for (let i = 0; i < command.count; i++) {
          const next = console.deliverable();
          if (next.length === 0) break;
          console.deliver(next[(command.pick + i) % next.length]!);
          // Each delivery is a task of its own on the page (a batch, a settled request): promises run in between.
          await settle();
        }
        break;
      }
      case 'duplicate':
      case 'drop': {
        const console = this.replica(command.who).console;
        const candidates = console.deliverable().filter((i) => {
          const item = console.queue[i]!;
          // What a console can lose while connected: live traffic (QoS 0), and ops its link could not take in a frame.
          return item.type === 'message' && (command.type === 'duplicate' || ['boardOps', 'boardLive', 'laser'].includes(item.kind));
        });
        if (candidates.length === 0) break;
        const index = candidates[command.pick % candidates.length]!;
        if (command.type === 'drop') console.queue.splice(index, 1);
        else console.queue.splice(index + 1, 0, console.queue[index]!);
        break;
      }
      case 'network': {
        const console = this.replica(command.who).console;
        if (console.online) console.disconnect();
        else console.connect();
        break;
      }
      case 'fail-request':
        this.replica(command.who).console.failRequest();
        break;
      case 'remount':
        this.replica(command.who).mount();
        break;
      case 'service':
        for (let i = 0; i < command.count && this.broker.serviceStep(); i++);
        break;
      case 'publish-snapshots':
        this.store.publishChanged(this.broker);
        break;
      case 'tick':
        this.clock.advance(command.ms);
        break;
      case 'turn':
        this.turnTo(PAGES[command.page % PAGES.length]!);
        break;
      case 'rights':
        if (this.replicas.length > 1) await this.changeRights(1 + (command.student % (this.replicas.length - 1)), command.change);
        break;
      case 'rogue':
        this.rogue(command);
        break;
    }
    await settle();
  }

  /** Everyone back online, every queue drained in order, every page shown once: what a quiet class ends as. */
  async finish(): Promise<void> {
    for (const replica of this.replicas) {
      replica.console.connect();
      replica.release(0);
      replica.board.endStroke();
      replica.board.laser(0, 0, false);
    }
    await this.drain();
    this.store.publishChanged(this.broker);
    await this.drain();
    for (const pageId of [...PAGES, this.course.current]) {
      this.turnTo(pageId);
      await this.drain();
      this.store.publishChanged(this.broker);
      await this.drain();
    }
    // Live strokes and lasers that lost their last message expire.
    this.clock.advance(6_000);
    await this.drain();
  }

  pageOf(pageId: string): string {
    return this.store.serialize(pageId);
  }

  private async drain(): Promise<void> {
    for (let round = 0; round < 200; round++) {
      let moved = false;
      while (this.broker.serviceStep()) moved = true;
      for (const replica of this.replicas) {
        while (replica.console.queue.length > 0) {
          replica.console.deliver(0);
          moved = true;
          await settle();
        }
      }
      await settle();
      // Sends fall due a frame later, and a failed fetch is tried again 2 s later.
      this.clock.advance(moved ? 20 : 2_100);
      await settle();
      if (!moved && this.broker.quiet && this.replicas.every((r) => !r.board.status().resyncing)) return;
    }
    throw new Error('the class never went quiet');
  }

  private edit(board: Board, command: Extract<Command, { type: 'edit' }>): void {
    const live = board.elements();
    const target = live.length > 0 ? live[command.pick % live.length]!.id : null;
    switch (command.op) {
      case 'create':
        board.create((['rect', 'ellipse', 'text'] as const)[command.pick % 3]!, { x: command.x, y: command.y, width: 10, height: 10, text: 'hi' });
        break;
      case 'update':
        if (target) board.update(target, { x: command.x, y: command.y });
        break;
      case 'remove':
        if (target) board.remove([target]);
        break;
      case 'front':
      case 'back':
        if (target) board[command.op === 'front' ? 'bringToFront' : 'sendToBack'](target);
        break;
      case 'undo':
        board.undo();
        break;
      case 'redo':
        board.redo();
        break;
      case 'clear':
        board.clearPage();
        break;
    }
  }

  private turnTo(pageId: string): void {
    this.course = { ...this.course, version: this.course.version + 1, current: pageId, ts: this.clock.now() };
    this.replicas[0]!.channel.publish({ kind: 'course', message: this.course });
  }

  /**
   * The teacher changes a student's rights. Withdrawing them is done the way a broker orders it: whatever the student
   * published before goes out first (everyone meets it before the new room), and the student hears of the change
   * before drawing again. (What a student draws while the withdrawal is on its way to them is theirs alone: see
   * docs/decisions.md, "Whiteboard model".)
   */
  private async changeRights(index: number, change: RightsChange): Promise<void> {
    const teacher = this.replicas[0]!;
    const student = this.replicas[index]!;
    const withdraws = change === 'revoke' || change === 'remove';
    if (withdraws) {
      teacher.console.connect();
      student.console.connect();
      student.release(0);
      student.board.endStroke();
      student.board.flush();
    }
    const { userId } = student;
    const patch = change === 'grant' ? { drawing: [...this.room.drawing.filter((id) => id !== userId), userId] }
      : change === 'revoke' ? { drawing: this.room.drawing.filter((id) => id !== userId) }
      : change === 'remove' ? removeFromClass(this.room, userId)
      : allowBack(this.room, userId);
    this.room = { ...this.room, ...patch, version: this.room.version + 1, ts: this.clock.now() };
    teacher.channel.publish({ kind: 'room', message: this.room });
    if (!withdraws) return;
    while (student.console.queue.length > 0) {
      student.console.deliver(0);
      await settle();
    }
  }

  /** The removed student, or the granted one forging the teacher's name, publishes an op straight to the broker. */
  private rogue(command: Extract<Command, { type: 'rogue' }>): void {
    const pageId = PAGES[command.page % PAGES.length]!;
    const sender = command.forged ? FORGER : INTRUDER;
    const existing = this.replicas[0]!.board.elements();
    // A new element, or an edit (or deletion) of someone else's that would win over every honest version.
    const target = command.pick % 2 === 0 && existing.length > 0 ? existing[command.pick % existing.length]! : null;
    const record: ElementRecord = {
      id: target?.id ?? `x-${++this.rogueSeq}`, kind: 'rect', props: ElementProps.parse({ x: 1, y: 2, width: 3, height: 4 }),
      version: target ? ROGUE_VERSION : 1, nonce: 1, by: command.forged ? TEACHER : INTRUDER, z: 'a0', deleted: command.deleted,
    };
    const ops = { v: 1 as const, pageId, session: 'rogue', seq: ++this.rogueSeq, records: [record] };
    this.broker.route('boardOps', encode('boardOps', topic('boardOps', { classId: CLASS_ID, userId: sender }, ROOT), ops));
  }
}

function commandArb(size: number): fc.Arbitrary<Command> {
  const who = fc.nat(size - 1);
  const pick = fc.nat(60);
  const coord = fc.integer({ min: -400, max: 400 });
  const op = fc.constantFrom('create', 'create', 'create', 'create', 'create', 'update', 'update', 'update', 'remove', 'remove', 'front', 'back', 'undo', 'redo', 'clear') as fc.Arbitrary<Extract<Command, { type: 'edit' }>['op']>;
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ type: fc.constant('edit' as const), who, op, pick, x: coord, y: coord }) },
    { weight: 3, arbitrary: fc.record({ type: fc.constantFrom('stroke' as const, 'end-stroke' as const, 'laser-on' as const, 'laser-off' as const, 'hold' as const, 'release' as const), who, pick, x: coord, y: coord }) },
    { weight: 10, arbitrary: fc.record({ type: fc.constant('deliver' as const), who, pick, count: fc.integer({ min: 1, max: 6 }) }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constantFrom('duplicate' as const, 'drop' as const), who, pick }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constantFrom('network' as const, 'fail-request' as const), who }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('remount' as const), who }) },
    { weight: 4, arbitrary: fc.record({ type: fc.constant('service' as const), count: fc.integer({ min: 1, max: 8 }) }) },
    { weight: 1, arbitrary: fc.constant({ type: 'publish-snapshots' as const }) },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('tick' as const), ms: fc.constantFrom(0, 5, 16, 100, 300, 2_100, 5_000) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('turn' as const), page: fc.nat(2) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('rights' as const), student: fc.nat(3), change: fc.constantFrom('grant' as const, 'revoke' as const, 'remove' as const, 'allow-back' as const) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('rogue' as const), forged: fc.boolean(), page: fc.nat(2), pick, deleted: fc.boolean() }) },
  );
}

const scenarioArb = fc.integer({ min: 2, max: 5 }).chain((size) => fc.record({
  size: fc.constant(size),
  seed: fc.nat(),
  granted: fc.array(fc.boolean(), { minLength: size - 1, maxLength: size - 1 }),
  commands: fc.array(commandArb(size), { minLength: 1, maxLength: 300, size: 'max' }),
}));

describe('whiteboard convergence: real boards and the real page store over a faulty broker (seeded fuzz)', () => {
  it('ends with byte-identical pages everywhere, nothing from a removed or forging student, and no deleted element back', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ size, seed, granted, commands }) => {
        const world = new World(size, seed, granted);
        for (const command of commands) await world.run(command);
        await world.finish();
        for (const pageId of PAGES) {
          const reference = world.pageOf(pageId);
          for (const replica of world.replicas) expect(replica.board.serialize(pageId), `${replica.userId} on ${pageId}`).toBe(reference);
          const records = (JSON.parse(reference) as { elements: ElementRecord[] }).elements;
          const rogue = records.filter((r) => r.by === INTRUDER || r.by === FORGER || r.id.startsWith('x-') || r.version >= ROGUE_VERSION);
          expect(rogue, `rogue records on ${pageId}`).toEqual([]);
        }
        const everywhere = new Map(PAGES.flatMap((pageId) => (JSON.parse(world.pageOf(pageId)) as { elements: ElementRecord[] }).elements.map((r) => [r.id, r] as const)));
        for (const id of world.deletedSeen) expect(everywhere.get(id)?.deleted, `${id} was seen deleted`).toBe(true);
        for (const replica of world.replicas) {
          expect(replica.board.status()).toMatchObject({ unsent: 0, resyncing: false });
          expect(replica.board.liveStrokes()).toEqual([]);
          expect(replica.board.laserPointers()).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
