import type { Telemetry, TelemetryEvent } from '../../shared/protocol/messages';
import type { ClassTags, TagEntry } from '../../shared/protocol/supervision';
import { TAGS, severityRank, type TagId } from '../../shared/tags/catalogue';
import { PaneStats } from './pane-stats';
import { INIT_TAGS, ParticipantState, UNKNOWN_ASSET, type StateEvent, type TaggedComponent } from './participant';
import { healthOf, signalOf, tagOf, type Signal } from './recovery';
import { audioStuck, cantDraw, cantHear, cantSee, hasMedia, notSynced, teacherSignal, videoStuck, type Finding } from './rules';
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

/**
 * Per-participant results of the last tumbling window; they hold until the next one closes, or until recovery
 * evidence later than what showed them arrives. `end` dates the evidence of the whole-window rules (stuck audio and
 * video), which every report of the window showed.
 */
interface WindowedTags {
  start: number;
  end: number;
  media: boolean;
  audioStuck: string | null;
  videoStuck: string | null;
  notSynced: Finding | null;
  cantDraw: Finding | null;
}

/** What a teacher's stream showed in the join; `teacher` is null when taken over from published tags. */
interface Joined {
  evidence: string;
  teacher: string | null;
}

/** Per-participant results of the last sliding join with the teachers' streams (whole-window rules, dated by `end`). */
interface JoinedTags {
  start: number;
  end: number;
  cantHear: Joined | null;
  cantSee: Joined | null;
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
/** Recovery evidence is kept this long after a signal's last bad sample: every window that can hold it has closed. */
const RECOVERY_KEPT_MS = WINDOW_MS + PANE_MS;

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
  /** Windowed problem tags taken over from published ones, until the next tumbling window replaces them. */
  private takenOver: Set<string> | null = null;
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
    let recovered = false;
    for (const event of message.events) {
      const at = event.at ?? message.at;
      if (at > futureAfter) {
        this.setAside.future++;
        this.totals.future++;
      } else if (this.frontier !== null && at < this.frontier) {
        this.setAside.late++;
        this.totals.late++;
      } else {
        if (this.add(userId, event, at)) recovered = true;
        if (at > newest) newest = at;
      }
    }
    let closed = false;
    if (newest > this.newestEventAt) {
      this.newestEventAt = newest;
      closed = this.advanceTo(newest - ALLOWED_LATENESS_MS);
    }
    // Recovery evidence shows at once, without waiting for a window to close.
    if (recovered && !closed && this.frontier !== null) this.compose(this.frontier);
    return closed || recovered;
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
      const end = tags.windowEnd;
      const windowed = () => {
        let w = this.windowed.get(userId);
        if (!w) this.windowed.set(userId, (w = { start, end, media: false, audioStuck: null, videoStuck: null, notSynced: null, cantDraw: null }));
        return w;
      };
      const joined = () => {
        let j = this.joined.get(userId);
        if (!j) this.joined.set(userId, (j = { start, end, cantHear: null, cantSee: null }));
        return j;
      };
      const found = { evidence: entry.evidence, lastAt: end - 1 };
      switch (entry.tag) {
        case 'entry.entered': participant.entered = held; break;
        case 'entry.slow': participant.slow = held; break;
        case 'entry.init-failed.media': participant.initFailed.set('media', held); break;
        case 'entry.init-failed.messaging': participant.initFailed.set('messaging', held); break;
        case 'entry.init-failed.courseware': participant.initFailed.set('courseware', held); break;
        case 'course.load-failed': participant.loadFailed.set(UNKNOWN_ASSET, held); participant.noteCourse(entry.since); break;
        case 'course.normal': participant.noteCourse(entry.since); break;
        case 'course.not-synced': windowed().notSynced = found; participant.noteCourse(entry.since); break;
        case 'course.cant-draw': windowed().cantDraw = found; participant.noteCourse(entry.since); break;
        case 'stream.normal': windowed().media = true; break;
        case 'stream.audio-stuck': windowed().audioStuck = entry.evidence; windowed().media = true; break;
        case 'stream.video-stuck': windowed().videoStuck = entry.evidence; windowed().media = true; break;
        case 'stream.cant-hear': joined().cantHear = { evidence: entry.evidence, teacher: null }; break;
        case 'stream.cant-see': joined().cantSee = { evidence: entry.evidence, teacher: null }; break;
      }
      this.held.set(tagKey(entry.tag, userId), entry);
      if (TAGS[entry.tag].level !== 'L1' && TAGS[entry.tag].severity !== 'ok' && entry.tag !== 'course.load-failed') (this.takenOver ??= new Set()).add(tagKey(entry.tag, userId));
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

  /** Folds one accepted event into its pane. Returns true when it is recovery evidence that may clear a tag now. */
  private add(userId: string, event: TelemetryEvent, at: number): boolean {
    const start = paneStart(at);
    let pane = this.panes.get(start);
    if (!pane) this.panes.set(start, (pane = { events: 0, users: new Map(), states: [] }));
    pane.events++;
    const participant = this.participant(userId, at);
    if (at > participant.lastEventAt) participant.lastEventAt = at;
    if (event.type === 'entry' || event.type === 'init' || event.type === 'courseware') {
      pane.states.push({ at, userId, event });
      return participant.recover(event, at);
    }
    let stats = pane.users.get(userId);
    if (!stats) pane.users.set(userId, (stats = new PaneStats()));
    if (event.type === 'media') stats.addMedia(event);
    else if (event.type === 'board-lag') stats.addBoardLag(event, at);
    else stats.addDraw(event, at);
    const healthy = healthOf(event);
    // Healthy samples of a participant with nothing to recover from are the common case: no work for them.
    if (healthy === null || (healthy && participant.recovery === null && this.takenOver === null)) return false;
    const signal = signalOf(event, this.teacherOf);
    return signal !== null && this.track(userId, participant, signal, healthy, at);
  }

  /** The teacher a received stream comes from; a stream without a peer is the sole teacher's. */
  private readonly teacherOf = (peer: string | undefined): string | null => {
    const { teachers } = this.roster;
    if (peer !== undefined) return teachers.has(peer) ? peer : null;
    if (teachers.size !== 1) return null;
    for (const teacher of teachers) return teacher;
    return null;
  };

  /**
   * Folds a sample into its signal's recovery evidence. A signal is tracked from its first bad sample (a healthy
   * participant costs nothing), or from a healthy one against a tag taken over from an earlier run. Returns true when
   * the signal's recovery moved.
   */
  private track(userId: string, participant: ParticipantState, signal: Signal, healthy: boolean, at: number): boolean {
    let recovery = participant.recovery?.get(signal);
    if (!recovery) {
      if (healthy && !this.takenOver?.has(tagKey(tagOf(signal), userId))) return false;
      recovery = participant.tracker(signal);
    }
    const before = recovery.recoveredAt;
    recovery.add(at, healthy);
    return recovery.recoveredAt !== before;
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
    if (isTumblingEnd(end)) {
      this.windowed = this.evaluateWindowed(windowStart, earlier, closing);
      this.takenOver = null;
    }
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
      const participant = this.participants.get(userId);
      const tags: WindowedTags = {
        start: dataStart(start, window),
        end: start + WINDOW_MS,
        media: hasMedia(window),
        audioStuck: audioStuck(window),
        videoStuck: videoStuck(window),
        notSynced: notSynced(window, participant?.recoveredAt('board')),
        cantDraw: cantDraw(window, participant?.recoveredAt('draw')),
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
        const tags = result.get(userId) ?? { start: dataStart(start, window), end: start + WINDOW_MS, cantHear: null, cantSee: null };
        tags.cantHear ??= hear === null ? null : { evidence: hear, teacher: teacherId };
        tags.cantSee ??= see === null ? null : { evidence: see, teacher: teacherId };
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
      } else if (participant.recovery) {
        this.forgetSettledRecovery(userId, participant, end);
      }
    }
  }

  /** Drops the recovery evidence no held window result can be weighed against any more. */
  private forgetSettledRecovery(userId: string, participant: ParticipantState, end: number): void {
    const recovery = participant.recovery!;
    for (const [signal, track] of recovery) {
      if (track.lastBadAt < end - RECOVERY_KEPT_MS && !this.hasFinding(userId, signal)) recovery.delete(signal);
    }
    if (recovery.size === 0) participant.recovery = null;
  }

  private hasFinding(userId: string, signal: Signal): boolean {
    const w = this.windowed.get(userId);
    const j = this.joined.get(userId);
    switch (tagOf(signal)) {
      case 'stream.audio-stuck': return !!w?.audioStuck;
      case 'stream.video-stuck': return !!w?.videoStuck;
      case 'course.not-synced': return !!w?.notSynced;
      case 'course.cant-draw': return !!w?.cantDraw;
      case 'stream.cant-hear': return !!j?.cantHear;
      default: return !!j?.cantSee;
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
      // A window result holds unless the participant recovered after its newest evidence (recovery.ts).
      let recoveredAt = Number.NEGATIVE_INFINITY;
      const holds = (lastAt: number, recovery: number) => {
        if (lastAt > recovery) return true;
        recoveredAt = Math.max(recoveredAt, recovery);
        return false;
      };
      const audio = !!w?.audioStuck && holds(w.end - 1, p.recoveredAt('audio'));
      const video = !!w?.videoStuck && holds(w.end - 1, p.recoveredAt('video'));
      const hear = !!j?.cantHear && holds(j.end - 1, this.recoveredFrom(p, 'hear', j.cantHear.teacher));
      const see = !!j?.cantSee && holds(j.end - 1, this.recoveredFrom(p, 'see', j.cantSee.teacher));
      if (audio) put('stream.audio-stuck', userId, w!.start, w!.audioStuck!);
      if (video) put('stream.video-stuck', userId, w!.start, w!.videoStuck!);
      if (hear) put('stream.cant-hear', userId, j!.start, j!.cantHear!.evidence);
      if (see) put('stream.cant-see', userId, j!.start, j!.cantSee!.evidence);
      if (w?.media && !(audio || video || hear || see)) put('stream.normal', userId, Math.max(w.start, recoveredAt), '');

      recoveredAt = Number.NEGATIVE_INFINITY;
      const loadFailure = p.loadFailure();
      if (loadFailure) put('course.load-failed', userId, loadFailure.since, loadFailure.evidence);
      const lagging = !!w?.notSynced && holds(w.notSynced.lastAt, p.recoveredAt('board'));
      const failingDraw = !!w?.cantDraw && holds(w.cantDraw.lastAt, p.recoveredAt('draw'));
      if (lagging) put('course.not-synced', userId, w!.start, w!.notSynced!.evidence);
      if (failingDraw) put('course.cant-draw', userId, w!.start, w!.cantDraw!.evidence);
      const courseProblem = !!(loadFailure || lagging || failingDraw || p.initFailed.has('courseware'));
      if (p.courseSince !== null && !courseProblem) put('course.normal', userId, Math.max(p.courseSince, end - PANE_MS, recoveredAt), '');
    }
    this.held = next;
  }

  /** When a received stream recovered: from that teacher, or from any teacher when it is not known. */
  private recoveredFrom(participant: ParticipantState, kind: 'hear' | 'see', teacher: string | null): number {
    if (teacher) return participant.recoveredAt(`${kind}|${teacher}`);
    let latest = Number.NEGATIVE_INFINITY;
    for (const [signal, track] of participant.recovery ?? []) if (signal.startsWith(`${kind}|`)) latest = Math.max(latest, track.recoveredAt);
    return latest;
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
