import { teaches, type Claims } from '../../shared/auth/claims';
import { encode, type DropCounter } from '../../shared/protocol/codec';
import type { PollState } from '../../shared/protocol/polls';
import { RPC, type AnswerResult, type KeptPoll, type ParsedParamsOf } from '../../shared/protocol/rpc/index';
import { topic } from '../../shared/protocol/topics';
import { requesterIn, type ClaimsLookup } from '../classroom/requester';
import { RoomBook } from '../classroom/room-book';
import { RpcRefusal } from '../host/refusal';
import { ServiceHost } from '../host/service-host';
import type { ServiceLink } from '../mqtt/service-connection';
import * as book from './poll-book';
import type { PollStore } from './poll-store';

/** How often changed tallies go out (and polls whose time ran out close): the live tally's added delay at most. */
export const TALLY_EVERY_MS = 100;

export interface PollServiceOptions {
  link: ServiceLink;
  root: string;
  claimsOf: ClaimsLookup;
  store: PollStore;
  onError?(error: unknown): void;
}

type Params<M extends keyof typeof RPC.polls> = ParsedParamsOf<typeof RPC.polls, M>;

/**
 * Polls and quizzes. Teachers launch, close and show them (`RPC.polls`); students answer by request, so an answer
 * travels on the student's request topic, which only services may read. The service keeps the answers and publishes
 * the poll's state to the class, the tally to its teachers and supervisors (aggregates only for an anonymous poll)
 * and each student's receipt to that student alone. Every poll is kept with its class in the store.
 */
export class PollService {
  private readonly rooms = new RoomBook();
  private readonly classes = new Map<string, PollRecord[]>();
  /** Polls whose tally changed since the last flush, by `classId/pollId`. */
  private readonly changed = new Set<string>();
  private readonly host: ServiceHost<typeof RPC.polls>;

  constructor(private readonly options: PollServiceOptions) {
    this.host = new ServiceHost(
      {
        name: 'polls',
        persistentSession: true,
        subscriptions: ['room'],
        handlers: { room: ({ params, message }) => void this.rooms.update(params.classId, message) },
        cleared: { room: ({ classId }) => this.rooms.clear(classId) },
        rpc: {
          contract: RPC.polls,
          methods: {
            launch: (params, userId) => this.launch(userId, params),
            close: (params, userId) => this.close(userId, params),
            show: (params, userId) => this.show(userId, params),
            answer: (params, userId) => this.answer(userId, params),
            list: ({ classId }, userId) => this.list(userId, classId),
          },
        },
        onStart: async () => {
          this.classes.clear();
          for (const [classId, records] of await options.store.load()) this.classes.set(classId, records);
        },
        onConnect: () => this.publishAll(),
        timers: [{ everyMs: TALLY_EVERY_MS, run: () => this.flush() }],
        onStop: async () => {
          this.flush();
          await options.store.flushed();
        },
      },
      { link: options.link, root: options.root, onError: options.onError },
    );
  }

  static async start(options: PollServiceOptions): Promise<PollService> {
    const service = new PollService(options);
    await service.start();
    return service;
  }

  get running(): boolean {
    return this.host.running;
  }

  get drops(): DropCounter {
    return this.host.drops;
  }

  start(): Promise<void> {
    return this.host.start();
  }

  stop(): Promise<void> {
    return this.host.stop();
  }

  /** A class's polls, oldest first (for tests and reports). */
  polls(classId: string): readonly PollRecord[] {
    return this.classes.get(classId) ?? [];
  }

  private steerer(userId: string, classId: string): Claims {
    const claims = requesterIn(this.options.claimsOf, userId, classId);
    if (!teaches(claims, classId) && claims.role !== 'supervisor') throw new RpcRefusal('forbidden', "only the class's teachers run polls");
    return claims;
  }

  private find(classId: string, pollId: string): PollRecord {
    const record = this.classes.get(classId)?.find((r) => r.poll.id === pollId);
    if (!record) throw new RpcRefusal('no-such-poll', `${classId} has no poll ${pollId}`);
    return record;
  }

  private launch(userId: string, { classId, id, draft }: Params<'launch'>): PollState {
    this.steerer(userId, classId);
    const records = this.classes.get(classId) ?? [];
    const existing = records.find((r) => r.poll.id === id);
    if (existing) return existing.poll;
    const record = ruled(() => book.launch(classId, id, draft, Date.now()));
    records.push(record);
    this.classes.set(classId, records);
    this.publishPoll(record);
    this.publishTally(record);
    this.keep(classId);
    return record.poll;
  }

  private close(userId: string, { classId, pollId }: Params<'close'>): PollState {
    this.steerer(userId, classId);
    const record = this.find(classId, pollId);
    this.closeRecord(record, Date.now());
    return record.poll;
  }

  private closeRecord(record: PollRecord, now: number): void {
    if (!book.close(record, now)) return;
    this.changed.delete(key(record));
    this.publishPoll(record);
    this.publishTally(record);
    // A quiz's receipts now say which answers were right.
    if (record.poll.kind === 'quiz') for (const a of record.answers) this.publishReceipt(record, a.userId);
    this.keep(record.poll.classId);
  }

  private show(userId: string, { classId, pollId, shown }: Params<'show'>): PollState {
    this.steerer(userId, classId);
    const record = this.find(classId, pollId);
    book.show(record, shown, Date.now());
    this.publishPoll(record);
    this.keep(classId);
    return record.poll;
  }

  private answer(userId: string, { classId, pollId, answers }: Params<'answer'>): AnswerResult {
    const claims = requesterIn(this.options.claimsOf, userId, classId);
    if (claims.role !== 'student') throw new RpcRefusal('not-a-student', 'only students answer polls');
    if (this.rooms.get(classId)?.removed.includes(userId)) throw new RpcRefusal('removed', `${userId} was removed from ${classId}`);
    const record = this.find(classId, pollId);
    const now = Date.now();
    if (record.poll.state === 'open' && record.poll.closesAt !== undefined && now >= record.poll.closesAt) this.closeRecord(record, now);
    const status = ruled(() => book.answer(record, { userId, name: claims.name }, answers, now));
    this.publishReceipt(record, userId);
    this.changed.add(key(record));
    return { status, pollId };
  }

  private list(userId: string, classId: string): { polls: KeptPoll[] } {
    this.steerer(userId, classId);
    const now = Date.now();
    return { polls: this.polls(classId).map((r) => ({ poll: r.poll, tally: book.tally(r, now) })) };
  }

  /** Sends the tallies that changed, closes polls whose time ran out, and keeps what changed. */
  private flush(): void {
    const now = Date.now();
    for (const records of this.classes.values()) {
      for (const record of records) {
        if (record.poll.state === 'open' && record.poll.closesAt !== undefined && now >= record.poll.closesAt) this.closeRecord(record, now);
        if (!this.changed.delete(key(record))) continue;
        if (record.poll.shown) {
          book.show(record, true, now);
          this.publishPoll(record);
        }
        this.publishTally(record);
        this.keep(record.poll.classId);
      }
    }
  }

  private keep(classId: string): void {
    this.options.store.put(classId, this.polls(classId));
  }

  private publishAll(): void {
    for (const records of this.classes.values()) {
      for (const record of records) {
        this.publishPoll(record);
        this.publishTally(record);
        for (const a of record.answers) this.publishReceipt(record, a.userId);
      }
    }
  }

  private publishPoll(record: PollRecord): void {
    const { classId, id: pollId } = record.poll;
    this.host.publish(encode('poll', topic('poll', { classId, pollId }, this.options.root), record.poll));
  }

  private publishTally(record: PollRecord): void {
    const { classId, id: pollId } = record.poll;
    this.host.publish(encode('pollTally', topic('pollTally', { classId, pollId }, this.options.root), book.tally(record, Date.now())));
  }

  private publishReceipt(record: PollRecord, userId: string): void {
    const receipt = book.receipt(record, userId, Date.now());
    if (!receipt) return;
    const { classId, id: pollId } = record.poll;
    this.host.publish(encode('pollReceipt', topic('pollReceipt', { classId, pollId, userId }, this.options.root), receipt));
  }
}

type PollRecord = book.PollRecord;

const key = (record: PollRecord) => `${record.poll.classId}/${record.poll.id}`;

/** The book's rules refuse as RPC refusals with their own codes. */
function ruled<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof book.PollRuleError) throw new RpcRefusal(error.code, error.message);
    throw error;
  }
}
