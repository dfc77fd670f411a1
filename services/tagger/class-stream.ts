import type { Telemetry, TelemetryEvent } from '../../shared/protocol/messages';
import type { ClassTags, TagEntry } from '../../shared/protocol/supervision';
import { TAGS, severityRank, type TagId } from '../../shared/tags/catalogue';
import { PaneStats } from './pane-stats';
import { INIT_TAGS, ParticipantState, UNKNOWN_ASSET, type StateEvent, type TaggedComponent } from './participant';
import { audioStuck, cantDraw, cantHear, cantSee, hasMedia, notSynced, teacherSignal, videoStuck } from './rules';
import { ALLOWED_LATENESS_MS, FUTURE_TOLERANCE_MS, PANE_MS, WINDOW_MS, isTumblingEnd, paneStart } from './time';

/** Who the class's teachers are (from its summary and presence) and who has gone offline. */
export interface Roster {
  readonly teachers: Set<string>;
  readonly offline: Set<string>;
}

export interface SetAside {
  late: number;
  future: number;
  duplicate: number;
}

interface Pane {
  /** Events folded in, for counting them late if a restore finds the pane already closed. */
  events: number;
  users: Map<string, PaneStats>;
  /** Lasting-state events, applied in event-time order when the pane closes. */
  states: { at: number; userId: string; event: StateEvent }[];
}

/** Per-participant results of the last tumbling window; they hold until the next one closes. */
interface WindowedTags {
  start: number;
  media: boolean;
  audioStuck: string | null;
  videoStuck: string | null;
  notSynced: string | null;
  cantDraw: string | null;
}

/** Per-participant results of the last sliding join with the teachers' streams. */
interface JoinedTags {
  start: number;
  cantHear: string | null;
  cantSee: string | null;
}

/** A participant silent this long (event time) is forgotten with their tags; offline ones after one window. */
export const PARTICIPANT_TTL_MS = 5 * 60_000;
/** Telemetry message ids remembered per class for duplicate detection (oldest forgotten first). */
const SEEN_IDS_MAX = 4_096;
/** ClassTags must stay within its 64 KiB payload limit: problem tags go first, normal ones fill the rest. */
const MAX_TAGS = 500;
const TAGS_BYTE_BUDGET = 60_000;
const MAX_EVIDENCE = 200;

const tagKey = (tag: TagId, userId: string) => `${tag}|${userId}`;

/**
 * One class's event-time state: 15 s panes of folded telemetry per participant, the watermark (newest event time
 * minus the allowed lateness), and the tags the closed windows show. Everything here is driven by the caller's clock
 * value (`now`), so it is deterministic under test.
 *
 * An event is set aside, never applied, when it is `future` (stamped more than 5 s ahead of `now`), `late` (older than
 * the end of the last closed window) or part of a `duplicate` message (a message id already seen from that sender).
 */
export class ClassStream {
  readonly setAside: SetAside = { late: 0, future: 0, duplicate: 0 };
  /** End of the last closed window; null until one closes. Events before it are late. */
  private frontier: number | null = null;
  private watermark = Number.NEGATIVE_INFINITY;
  private newestEventAt = Number.NEGATIVE_INFINITY;
  /** Processing time of the last message (for idle classes). */
  lastArrivalAt: number;
  private readonly panes = new Map<number, Pane>();
  private readonly participants = new Map<string, ParticipantState>();
  private windowed = new Map<string, WindowedTags>();
  private joined = new Map<string, JoinedTags>();
  private held = new Map<string, TagEntry>();
  /** `<userId>/<message id>` → the message's `at`, in arrival order. */
  private readonly seen = new Map<string, number>();
  private publishedSignature = '';

  constructor(
    readonly classId: string,
    private readonly roster: Roster,
    now: number,
    private readonly totals: SetAside = { late: 0, future: 0, duplicate: 0 },
  ) {
    this.lastArrivalAt = now;
    this.publishedSignature = this.signature([]);
  }

  /** Folds one telemetry message in. Returns true when windows closed, so the tags may have changed. */
  receive(userId: string, message: Telemetry, now: number): boolean {
    this.lastArrivalAt = now;
    if (message.id !== undefined) {
      const key = `${userId}/${message.id}`;
      if (this.seen.has(key)) {
        this.setAside.duplicate++;
        this.totals.duplicate++;
        return false;
      }
      this.seen.set(key, message.at);
      if (this.seen.size > SEEN_IDS_MAX) this.seen.delete(this.seen.keys().next().value!);
    }
    const futureAfter = now + FUTURE_TOLERANCE_MS;
    let newest = Number.NEGATIVE_INFINITY;
    for (const event of message.events) {
      const at = event.at ?? message.at;
      if (at > futureAfter) {
        this.setAside.future++;
        this.totals.future++;
      } else if (this.frontier !== null && at < this.frontier) {
        this.setAside.late++;
        this.totals.late++;
      } else {
        this.add(userId, event, at);
        if (at > newest) newest = at;
      }
    }
    if (newest <= this.newestEventAt) return false;
    this.newestEventAt = newest;
    return this.advanceTo(newest - ALLOWED_LATENESS_MS);
  }

  /**
   * A class that has sent nothing for `idleMs` still needs its windows closed (everyone left, or a client crashed):
   * its event time is taken to run on with the tagger's clock from the newest event it sent.
   */
  idle(now: number, idleMs: number): boolean {
    const quiet = now - this.lastArrivalAt;
    if (quiet < idleMs || !Number.isFinite(this.newestEventAt)) return false;
    return this.advanceTo(this.newestEventAt + quiet - ALLOWED_LATENESS_MS);
  }

  /**
   * Takes over tags published before (by an earlier run or another instance) so that lasting states, `since` times and
   * counters survive a restart. Only a stream that has closed no window yet takes them; events it already holds for
   * windows the published tags had closed are counted late and dropped.
   */
  restore(tags: ClassTags, now: number): boolean {
    if (this.frontier !== null) return false;
    const countedHere = { ...this.setAside };
    Object.assign(this.setAside, tags.setAside);
    this.setAside.late += countedHere.late;
    this.setAside.future += countedHere.future;
    this.setAside.duplicate += countedHere.duplicate;
    for (const [start, pane] of this.panes) {
      if (start >= tags.windowEnd) continue;
      this.setAside.late += pane.events;
      this.totals.late += pane.events;
      this.panes.delete(start);
    }
    this.frontier = tags.windowEnd;
    this.watermark = Math.max(this.watermark, tags.windowEnd);
    this.newestEventAt = Math.max(this.newestEventAt, tags.windowEnd + ALLOWED_LATENESS_MS);
    this.lastArrivalAt = now;
    const start = tags.windowEnd - WINDOW_MS;
    for (const entry of tags.tags) {
      if (entry.userId === undefined) continue;
      const userId = entry.userId;
      let participant = this.participants.get(userId);
      if (!participant) this.participants.set(userId, (participant = new ParticipantState(tags.windowEnd)));
      const held = { since: entry.since, evidence: entry.evidence };
      const windowed = () => {
        let w = this.windowed.get(userId);
        if (!w) this.windowed.set(userId, (w = { start, media: false, audioStuck: null, videoStuck: null, notSynced: null, cantDraw: null }));
        return w;
      };
      const joined = () => {
        let j = this.joined.get(userId);
        if (!j) this.joined.set(userId, (j = { start, cantHear: null, cantSee: null }));
        return j;
      };
      switch (entry.tag) {
        case 'entry.entered': participant.entered = held; break;
        case 'entry.slow': participant.slow = held; break;
        case 'entry.init-failed.media': participant.initFailed.set('media', held); break;
        case 'entry.init-failed.messaging': participant.initFailed.set('messaging', held); break;
        case 'entry.init-failed.courseware': participant.initFailed.set('courseware', held); break;
        case 'course.load-failed': participant.loadFailed.set(UNKNOWN_ASSET, held); participant.noteCourse(entry.since); break;
        case 'course.normal': participant.noteCourse(entry.since); break;
        case 'course.not-synced': windowed().notSynced = entry.evidence; participant.noteCourse(entry.since); break;
        case 'course.cant-draw': windowed().cantDraw = entry.evidence; participant.noteCourse(entry.since); break;
        case 'stream.normal': windowed().media = true; break;
        case 'stream.audio-stuck': windowed().audioStuck = entry.evidence; windowed().media = true; break;
        case 'stream.video-stuck': windowed().videoStuck = entry.evidence; windowed().media = true; break;
        case 'stream.cant-hear': joined().cantHear = entry.evidence; break;
        case 'stream.cant-see': joined().cantSee = entry.evidence; break;
      }
      this.held.set(tagKey(entry.tag, userId), entry);
    }
    this.publishedSignature = this.signature(this.entries());
    return true;
  }

  /** The tags as they stand, or null when nothing a reader sees (tags, their `since`, the counters) has changed. */
  takeChange(now: number): ClassTags | null {
    const tags = this.entries();
    const signature = this.signature(tags);
    if (signature === this.publishedSignature) return null;
    this.publishedSignature = signature;
    return this.message(tags, now);
  }

  current(now: number): ClassTags {
    return this.message(this.entries(), now);
  }

  /** Whether the last published tags held anything (so that forgetting the class must publish an empty list). */
  get publishedAnything(): boolean {
    return this.publishedSignature !== this.signature([]);
  }

  /** The empty tags published when the class is forgotten. */
  emptied(now: number): ClassTags {
    return this.message([], now);
  }

  private message(tags: TagEntry[], now: number): ClassTags {
    return { v: 1, classId: this.classId, windowEnd: Math.max(0, this.frontier ?? 0), tags, setAside: { ...this.setAside }, ts: now };
  }

  private signature(tags: readonly TagEntry[]): string {
    let text = `${this.setAside.late}/${this.setAside.future}/${this.setAside.duplicate}`;
    for (const t of tags) text += `;${t.tag}|${t.userId ?? ''}|${t.since}`;
    return text;
  }

  private add(userId: string, event: TelemetryEvent, at: number): void {
    const start = paneStart(at);
    let pane = this.panes.get(start);
    if (!pane) this.panes.set(start, (pane = { events: 0, users: new Map(), states: [] }));
    pane.events++;
    const participant = this.participants.get(userId);
    if (!participant) this.participants.set(userId, new ParticipantState(at));
    else if (at > participant.lastEventAt) participant.lastEventAt = at;
    if (event.type === 'entry' || event.type === 'init' || event.type === 'courseware') {
      pane.states.push({ at, userId, event });
      return;
    }
    let stats = pane.users.get(userId);
    if (!stats) pane.users.set(userId, (stats = new PaneStats()));
    if (event.type === 'media') stats.addMedia(event);
    else if (event.type === 'board-lag') stats.addBoardLag(event);
    else stats.addDraw(event);
  }

  /** Closes every window the watermark has passed. */
  private advanceTo(watermark: number): boolean {
    if (watermark <= this.watermark) return false;
    this.watermark = watermark;
    const target = paneStart(watermark);
    if (this.frontier === null) {
      let first = Number.POSITIVE_INFINITY;
      for (const start of this.panes.keys()) first = Math.min(first, start);
      if (first >= target) return false;
      this.frontier = first;
    }
    let closed = false;
    while (this.frontier < target) {
      let end = this.frontier + PANE_MS;
      // Nothing held and no data before the next pane: the windows in between are empty, so skip to it.
      if (this.windowed.size === 0 && this.joined.size === 0) {
        let next = target;
        for (const start of this.panes.keys()) if (start >= this.frontier - PANE_MS) next = Math.min(next, start);
        if (next > end) end = Math.min(target, next);
      }
      this.close(end);
      closed = true;
    }
    return closed;
  }

  private close(end: number): void {
    const closing = this.panes.get(end - PANE_MS);
    const earlier = this.panes.get(end - WINDOW_MS);
    if (closing) this.applyStates(closing, end - PANE_MS);
    const windowStart = end - WINDOW_MS;
    if (isTumblingEnd(end)) this.windowed = this.evaluateWindowed(windowStart, earlier, closing);
    this.joined = this.evaluateJoin(windowStart, earlier, closing);
    this.expireParticipants(end);
    this.compose(end);
    for (const start of this.panes.keys()) if (start < end - PANE_MS) this.panes.delete(start);
    this.frontier = end;
    this.forgetSeen(end - 2 * WINDOW_MS);
  }

  private applyStates(pane: Pane, start: number): void {
    pane.states.sort((a, b) => a.at - b.at);
    for (const { at, userId, event } of pane.states) this.participant(userId, at).apply(event, at);
    for (const [userId, stats] of pane.users) if (stats.course) this.participant(userId, start).noteCourse(start);
  }

  private participant(userId: string, at: number): ParticipantState {
    let participant = this.participants.get(userId);
    if (!participant) this.participants.set(userId, (participant = new ParticipantState(at)));
    return participant;
  }

  private evaluateWindowed(start: number, earlier: Pane | undefined, closing: Pane | undefined): Map<string, WindowedTags> {
    const result = new Map<string, WindowedTags>();
    forEachUser(earlier, closing, (userId, window) => {
      const tags: WindowedTags = {
        start: dataStart(start, window),
        media: hasMedia(window),
        audioStuck: audioStuck(window),
        videoStuck: videoStuck(window),
        notSynced: notSynced(window),
        cantDraw: cantDraw(window),
      };
      if (tags.media || tags.notSynced || tags.cantDraw) result.set(userId, tags);
    });
    return result;
  }

  private evaluateJoin(start: number, earlier: Pane | undefined, closing: Pane | undefined): Map<string, JoinedTags> {
    const result = new Map<string, JoinedTags>();
    const { teachers } = this.roster;
    const soleTeacher = teachers.size <= 1;
    for (const teacherId of teachers) {
      const teacherWindow = [earlier?.users.get(teacherId), closing?.users.get(teacherId)];
      if (!teacherWindow[0] && !teacherWindow[1]) continue;
      const signal = teacherSignal(teacherWindow);
      forEachUser(earlier, closing, (userId, window) => {
        if (teachers.has(userId)) return;
        const hear = cantHear(signal, teacherId, window, soleTeacher);
        const see = cantSee(signal, teacherId, window, soleTeacher);
        if (!hear && !see) return;
        const tags = result.get(userId) ?? { start: dataStart(start, window), cantHear: null, cantSee: null };
        tags.cantHear ??= hear;
        tags.cantSee ??= see;
        result.set(userId, tags);
      });
    }
    return result;
  }

  private expireParticipants(end: number): void {
    for (const [userId, participant] of this.participants) {
      const silentFor = end - participant.lastEventAt;
      if (silentFor > PARTICIPANT_TTL_MS || (silentFor > WINDOW_MS && this.roster.offline.has(userId))) {
        this.participants.delete(userId);
        this.windowed.delete(userId);
        this.joined.delete(userId);
      }
    }
  }

  /** The tags the closed windows show; a tag that held before keeps its `since`. */
  private compose(end: number): void {
    const next = new Map<string, TagEntry>();
    const put = (tag: TagId, userId: string, since: number, evidence: string) => {
      const key = tagKey(tag, userId);
      const before = this.held.get(key);
      next.set(key, { tag, userId, since: before?.since ?? since, evidence: evidence.slice(0, MAX_EVIDENCE) });
    };
    for (const [userId, p] of this.participants) {
      if (p.entered) put('entry.entered', userId, p.entered.since, p.entered.evidence);
      if (p.slow) put('entry.slow', userId, p.slow.since, p.slow.evidence);
      for (const [component, held] of p.initFailed) put(INIT_TAGS[component as TaggedComponent], userId, held.since, held.evidence);

      const w = this.windowed.get(userId);
      const j = this.joined.get(userId);
      if (w?.audioStuck) put('stream.audio-stuck', userId, w.start, w.audioStuck);
      if (w?.videoStuck) put('stream.video-stuck', userId, w.start, w.videoStuck);
      if (j?.cantHear) put('stream.cant-hear', userId, j.start, j.cantHear);
      if (j?.cantSee) put('stream.cant-see', userId, j.start, j.cantSee);
      const streamProblem = !!(w?.audioStuck || w?.videoStuck || j?.cantHear || j?.cantSee);
      if (w?.media && !streamProblem) put('stream.normal', userId, w.start, '');

      const loadFailure = p.loadFailure();
      if (loadFailure) put('course.load-failed', userId, loadFailure.since, loadFailure.evidence);
      if (w?.notSynced) put('course.not-synced', userId, w.start, w.notSynced);
      if (w?.cantDraw) put('course.cant-draw', userId, w.start, w.cantDraw);
      const courseProblem = !!(loadFailure || w?.notSynced || w?.cantDraw || p.initFailed.has('courseware'));
      if (p.courseSince !== null && !courseProblem) put('course.normal', userId, Math.max(p.courseSince, end - PANE_MS), '');
    }
    this.held = next;
  }

  /** Held tags in publishing order (problems first, worst and oldest first), within the message's limits. */
  private entries(): TagEntry[] {
    const all = [...this.held.values()].sort(
      (a, b) =>
        severityRank(TAGS[b.tag].severity) - severityRank(TAGS[a.tag].severity) ||
        a.since - b.since ||
        (a.userId ?? '').localeCompare(b.userId ?? '') ||
        a.tag.localeCompare(b.tag),
    );
    const kept: TagEntry[] = [];
    let bytes = 0;
    for (const entry of all) {
      bytes += Buffer.byteLength(JSON.stringify(entry));
      if (kept.length >= MAX_TAGS || bytes > TAGS_BYTE_BUDGET) break;
      kept.push(entry);
    }
    return kept;
  }

  private forgetSeen(before: number): void {
    for (const [key, at] of this.seen) {
      if (at >= before) return;
      this.seen.delete(key);
    }
  }
}

/** Where a participant's data in a window begins: a tag seen in it holds from there. */
function dataStart(windowStart: number, window: readonly (PaneStats | undefined)[]): number {
  return window[0] ? windowStart : windowStart + PANE_MS;
}

/** Calls `visit` once for every participant with stats in either pane, with their window (both panes' stats). */
function forEachUser(earlier: Pane | undefined, closing: Pane | undefined, visit: (userId: string, window: (PaneStats | undefined)[]) => void): void {
  if (earlier) for (const [userId, stats] of earlier.users) visit(userId, [stats, closing?.users.get(userId)]);
  if (closing) for (const [userId, stats] of closing.users) if (!earlier?.users.has(userId)) visit(userId, [undefined, stats]);
}
