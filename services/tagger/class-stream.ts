import type { Telemetry, TelemetryEvent } from '../../shared/protocol/messages';
import type { ClassTags, TagEntry } from '../../shared/protocol/supervision';
import { TAGS, severityRank, type TagId } from '../../shared/tags/catalogue';
import { INIT_TAGS, ParticipantState, UNKNOWN_ASSET, nextLookAt, type Held, type Signal, type TaggedComponent } from './participant';
import { boardLag, intervalOf, receiveAudio, receiveVideo, sendAudio, sendVideo, type MediaEvent, type TeacherSending } from './rules';
import { COURSE_QUIET_MS, CONFIRM_MS, FRESH_MS, FUTURE_TOLERANCE_MS, MEDIA_QUIET_MS, STALE_MS } from './time';

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

/** A participant silent this long is forgotten with their tags; an offline one after `OFFLINE_KEPT_MS`. */
export const PARTICIPANT_TTL_MS = 5 * 60_000;
export const OFFLINE_KEPT_MS = 30_000;
/** A participant counts as having media (and so a "normal" stream tag) this long after their last media report. */
export const MEDIA_KEPT_MS = 30_000;
/** Media reports with this share lost, or the link down, mark a network dropout (board lag after one is expected). */
export const DROPOUT_LOSS_PCT = 20;
/** The board reports its lag every 5 s while behind: a lag report stands for that long. */
const BOARD_REPORT_MS = 5_000;
/** Telemetry message ids remembered per class for duplicate detection (oldest forgotten first). */
const SEEN_IDS_MAX = 4_096;
/** ClassTags must stay within its 64 KiB payload limit: problem tags go first, normal ones fill the rest. */
const MAX_TAGS = 500;
const TAGS_BYTE_BUDGET = 50_000;
/**
 * `heard`'s share of the message (64 KiB in all): about 250 participants. A larger class lists those heard from most
 * recently; the dispatcher treats one not listed as not heard from, so it asks a person rather than resolve.
 */
const HEARD_BYTE_BUDGET = 12_000;
const MAX_EVIDENCE = 200;

const tagKey = (tag: TagId, userId: string) => `${tag}|${userId}`;
/**
 * Events of lasting states: an old one still says something about now (a start-up that failed stays failed until a
 * success), so they are never late. A console in the background sends its events up to a minute after they happened.
 */
const LASTING = new Set<TelemetryEvent['type']>(['entry', 'init', 'courseware']);
const STREAM_TAGS: Record<'audio' | 'video' | 'hear' | 'see', TagId> = {
  audio: 'stream.audio-stuck',
  video: 'stream.video-stuck',
  hear: 'stream.cant-hear',
  see: 'stream.cant-see',
};

/**
 * One class's tags, following its participants' reports as they arrive (docs/operations.md, "Tagger"). Each message's
 * event times are corrected by its sender's clock offset (clock.ts); each report is judged on its own (rules.ts) and
 * folded into its signal's streak (streak.ts). Everything is driven by the caller's clock value (`now`), so it is
 * deterministic under test.
 *
 * An event is set aside, never applied, when after correction it is still `future` (more than 5 s ahead of `now`:
 * stamped later than the message that carries it), `late` (a report more than 30 s old: it says nothing about now;
 * entry, start-up and load events are never late), or part of a `duplicate` message (a message id already seen from
 * that sender).
 */
export class ClassStream {
  readonly setAside: SetAside = { late: 0, future: 0, duplicate: 0 };
  /** Newest corrected event time folded in. */
  private newestAt = Number.NEGATIVE_INFINITY;
  /** Processing time of the last message (for forgetting silent classes). */
  lastArrivalAt: number;
  /** When something held may change without a message (a confirmation, evidence going quiet); tick() looks then. */
  private dueAt = Number.POSITIVE_INFINITY;
  private readonly participants = new Map<string, ParticipantState>();
  private readonly teachersSending = new Map<string, TeacherSending>();
  private held = new Map<string, TagEntry>();
  /** `<userId>/<message id>` → the message's `at`, in arrival order. */
  private readonly seen = new Map<string, number>();
  private publishedSignature = '';
  private composed = false;
  /** Whether anything the signature covers (held tags, their evidence, the counters) may have changed since takeChange last looked. */
  private mayHaveChanged = true;

  constructor(
    readonly classId: string,
    private readonly roster: Roster,
    now: number,
    private readonly totals: SetAside = { late: 0, future: 0, duplicate: 0 },
  ) {
    this.lastArrivalAt = now;
    this.publishedSignature = this.signature([]);
  }

  /** Folds one telemetry message in. Returns true when the tags may have changed. */
  receive(userId: string, message: Telemetry, now: number): boolean {
    this.lastArrivalAt = now;
    if (message.id !== undefined) {
      const key = `${userId}/${message.id}`;
      if (this.seen.has(key)) {
        this.count('duplicate');
        return false;
      }
      this.seen.set(key, message.at);
      if (this.seen.size > SEEN_IDS_MAX) this.seen.delete(this.seen.keys().next().value!);
    }
    const participant = this.participant(userId, now);
    const offset = participant.clock.note(message.at, now);
    const events = message.events.map((event) => ({ event, at: (event.at ?? message.at) - offset })).sort((a, b) => a.at - b.at);
    for (const { event, at } of events) {
      if (at > now + FUTURE_TOLERANCE_MS) this.count('future');
      else if (at < now - STALE_MS && !LASTING.has(event.type)) this.count('late');
      else this.add(userId, participant, event, at, at >= now - FRESH_MS);
    }
    const sentAt = message.at - offset;
    if (sentAt <= now + FUTURE_TOLERANCE_MS) participant.heardUntil = Math.max(participant.heardUntil, sentAt, participant.lastEventAt);
    this.compose(now);
    return true;
  }

  /** Looks at the class when something held may have changed with time alone. Returns true when it looked. */
  tick(now: number): boolean {
    if (now < this.dueAt) return false;
    this.compose(now);
    return true;
  }

  /**
   * Takes over tags published before (by an earlier run or another instance) so that lasting states, `since` times and
   * counters survive a restart. Only a stream that has published nothing of its own yet takes them.
   */
  restore(tags: ClassTags, now: number): boolean {
    if (this.composed) return false;
    this.setAside.late += tags.setAside.late;
    this.setAside.future += tags.setAside.future;
    this.setAside.duplicate += tags.setAside.duplicate;
    this.newestAt = Math.max(this.newestAt, tags.windowEnd);
    this.lastArrivalAt = now;
    for (const entry of tags.tags) {
      if (entry.userId === undefined) continue;
      const p = this.participant(entry.userId, now);
      const held: Held = { since: entry.since, evidence: entry.evidence };
      const teacher = this.teacherOf(undefined) ?? '?';
      switch (entry.tag) {
        case 'entry.entered': p.entered = held; break;
        case 'entry.slow': p.slow = held; break;
        case 'entry.init-failed.media': p.initFailed.set('media', held); break;
        case 'entry.init-failed.messaging': p.initFailed.set('messaging', held); break;
        case 'entry.init-failed.courseware': p.initFailed.set('courseware', held); break;
        case 'course.load-failed': p.loadFailed.set(UNKNOWN_ASSET, held); p.noteCourse(entry.since); break;
        case 'course.normal': p.noteCourse(entry.since); break;
        case 'course.not-synced': p.streak('board').restore(entry.since, entry.evidence, now); p.noteCourse(entry.since); break;
        case 'course.cant-draw': p.drawSince = entry.since; p.drawFailures = [now]; p.noteCourse(entry.since); break;
        case 'stream.normal': p.firstMediaAt = entry.since; p.lastMediaAt = now; break;
        case 'stream.audio-stuck': p.streak('audio').restore(entry.since, entry.evidence, now); p.lastMediaAt = now; break;
        case 'stream.video-stuck': p.streak('video').restore(entry.since, entry.evidence, now); p.lastMediaAt = now; break;
        case 'stream.cant-hear': p.streak(`hear|${teacher}`).restore(entry.since, entry.evidence, now); p.lastMediaAt = now; break;
        case 'stream.cant-see': p.streak(`see|${teacher}`).restore(entry.since, entry.evidence, now); p.lastMediaAt = now; break;
      }
    }
    this.compose(now);
    this.publishedSignature = this.signature(this.entries());
    this.mayHaveChanged = false;
    return true;
  }

  /** The tags as they stand, or null when nothing a reader sees (tags, their `since`, the counters) has changed. */
  takeChange(now: number): ClassTags | null {
    // Most messages change nothing held: they skip the sort and the signature.
    if (!this.mayHaveChanged) return null;
    this.mayHaveChanged = false;
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

  private count(kind: keyof SetAside): void {
    this.mayHaveChanged = true;
    this.setAside[kind]++;
    this.totals[kind]++;
  }

  private message(tags: TagEntry[], now: number): ClassTags {
    const windowEnd = Number.isFinite(this.newestAt) ? Math.max(0, Math.round(this.newestAt)) : 0;
    return { v: 1, classId: this.classId, windowEnd, tags, setAside: { ...this.setAside }, heard: this.heard(), ts: now };
  }

  /** When each participant was last heard from, latest first (not in the signature: telemetry alone republishes nothing). */
  private heard(): ClassTags['heard'] {
    const all = [...this.participants].map(([userId, p]) => ({ userId, at: Math.max(0, Math.round(p.lastEventAt)) }));
    all.sort((a, b) => b.at - a.at);
    const heard: ClassTags['heard'] = [];
    let bytes = 0;
    for (const entry of all) {
      bytes += entry.userId.length + 30;
      if (bytes > HEARD_BYTE_BUDGET) break;
      heard.push(entry);
    }
    return heard;
  }

  private signature(tags: readonly TagEntry[]): string {
    let text = `${this.setAside.late}/${this.setAside.future}/${this.setAside.duplicate}`;
    for (const t of tags) text += `;${t.tag}|${t.userId ?? ''}|${t.since}`;
    return text;
  }

  /** Folds one accepted event (at its corrected time; `fresh` when recent enough to raise a tag) into its participant's state. */
  private add(userId: string, p: ParticipantState, event: TelemetryEvent, at: number, fresh: boolean): void {
    if (at > p.lastEventAt) p.lastEventAt = at;
    if (at > this.newestAt) this.newestAt = at;
    switch (event.type) {
      case 'entry':
      case 'init':
      case 'courseware':
        p.recover(event, at);
        p.apply(event, at);
        return;
      case 'board-lag': {
        p.noteCourse(at);
        // A board that fell behind when the participant's network dropped out catches up by itself.
        p.streak('board').add(at, Math.max(event.lagMs, BOARD_REPORT_MS), boardLag(event, p.outageAround(at - event.lagMs)), fresh);
        return;
      }
      case 'draw':
        p.noteCourse(at);
        p.drew(at, event.ok);
        return;
      case 'media':
        this.addMedia(userId, p, event, at, fresh);
        return;
    }
  }

  private addMedia(userId: string, p: ParticipantState, event: MediaEvent, at: number, fresh: boolean): void {
    p.firstMediaAt ??= at;
    if (at > p.lastMediaAt) p.lastMediaAt = at;
    const intervalMs = intervalOf(event);
    if (event.direction === 'send') {
      // What the participant sends shows their network: a dropout loses packets both ways (rules.ts).
      if (event.link !== 'connected' || event.lossPct >= DROPOUT_LOSS_PCT) p.noteOutage(at - intervalMs, at);
      const verdict = event.kind === 'audio' ? sendAudio(event, p.baseline(at)) : sendVideo(event, p.baseline(at));
      if (verdict && !verdict.bad && event.intervalMs !== undefined) {
        if (event.kind === 'audio' && event.packets !== undefined) p.learn('audio', at, event.packets / (intervalMs / 1000), event.audioLevel);
        if (event.kind === 'video' && event.frames !== undefined) p.learn('video', at, event.frames / (intervalMs / 1000), undefined);
      }
      p.streak(event.kind).add(at, intervalMs, verdict, fresh);
      if (this.roster.teachers.has(userId)) this.noteTeacher(userId, event, at);
      return;
    }
    const teacher = this.teacherOf(event.peer);
    if (teacher === null || teacher === userId) return;
    const sending = this.teachersSending.get(teacher) ?? null;
    let verdict = event.kind === 'audio' ? receiveAudio(event, at, sending) : receiveVideo(event, at, sending);
    const streak = p.streak(event.kind === 'audio' ? `hear|${teacher}` : `see|${teacher}`);
    // Loss while the participant's network drops out (or the link is down) is the network's, not this stream's: it
    // says nothing, and breaks a run of bad reports that has not raised the tag.
    if (event.link !== 'connected' || (verdict?.bad && p.outageDuring(at - intervalMs, at))) {
      verdict = null;
      streak.interrupt();
    }
    streak.add(at, intervalMs, verdict, fresh);
  }

  /** What a teacher's own reports show they send, for judging older-style reports of what students receive. */
  private noteTeacher(teacherId: string, event: MediaEvent, at: number): void {
    let sending = this.teachersSending.get(teacherId);
    if (!sending) this.teachersSending.set(teacherId, (sending = { spokeAt: Number.NEGATIVE_INFINITY, framesAt: Number.NEGATIVE_INFINITY }));
    if (!event.enabled) return;
    if (event.kind === 'audio' && (event.audioLevel ?? 0) > 0.02 && event.bitrateKbps >= 2) sending.spokeAt = Math.max(sending.spokeAt, at);
    if (event.kind === 'video' && (event.frames ?? 0) > 0) sending.framesAt = Math.max(sending.framesAt, at);
  }

  /** The teacher a received stream comes from; a stream without a peer is the sole teacher's. */
  private teacherOf(peer: string | undefined): string | null {
    const { teachers } = this.roster;
    if (peer !== undefined) return teachers.has(peer) ? peer : null;
    if (teachers.size !== 1) return null;
    for (const teacher of teachers) return teacher;
    return null;
  }

  private participant(userId: string, at: number): ParticipantState {
    let participant = this.participants.get(userId);
    if (!participant) this.participants.set(userId, (participant = new ParticipantState(at)));
    return participant;
  }

  /** The tags as of `now`, and when to look again without a message. */
  private compose(now: number): void {
    this.composed = true;
    let due = Number.POSITIVE_INFINITY;
    const later = (at: number) => {
      if (at > now && at < due) due = at;
    };
    const next = new Map<string, TagEntry>();
    let changed = false;
    const put = (tag: TagId, userId: string, since: number, evidence: string) => {
      const key = tagKey(tag, userId);
      const before = this.held.get(key);
      const kept = Math.max(0, Math.round(before?.since ?? since));
      const text = evidence.length > MAX_EVIDENCE ? evidence.slice(0, MAX_EVIDENCE) : evidence;
      if (before?.since === kept && before.evidence === text) next.set(key, before);
      else {
        next.set(key, { tag, userId, since: kept, evidence: text });
        changed = true;
      }
    };
    // A failure is not confirmed for a participant who has left: nobody is held up by it (a rejoin starts afresh).
    const confirmed = (held: Held, p: ParticipantState, offline: boolean) => {
      if (offline) return false;
      if ((held.failures ?? 1) > 1) return true;
      const due = held.since + CONFIRM_MS;
      if (p.toldPast(due, now)) return true;
      later(nextLookAt(due, now));
      return false;
    };
    for (const [userId, p] of this.participants) {
      const silentFor = now - p.lastEventAt;
      const offline = this.roster.offline.has(userId);
      if (silentFor > PARTICIPANT_TTL_MS || (offline && silentFor > OFFLINE_KEPT_MS)) {
        this.participants.delete(userId);
        continue;
      }
      later(p.lastEventAt + (offline ? OFFLINE_KEPT_MS : PARTICIPANT_TTL_MS) + 1);
      if (p.entered) put('entry.entered', userId, p.entered.since, p.entered.evidence);
      if (p.slow) put('entry.slow', userId, p.slow.since, p.slow.evidence);
      later(p.dropUnrestarted(now));
      for (const [component, held] of p.initFailed) if (confirmed(held, p, offline)) put(INIT_TAGS[component as TaggedComponent], userId, held.since, held.evidence);

      let streamProblem = false;
      let streamClearedAt = Number.NEGATIVE_INFINITY;
      const shown = new Set<TagId>();
      for (const [signal, streak] of p.streaks) {
        if (signal === 'board') continue;
        if (streak.held && now - streak.lastAt > MEDIA_QUIET_MS) streak.release(now);
        streamClearedAt = Math.max(streamClearedAt, streak.clearedAt);
        if (!streak.held) continue;
        later(streak.lastAt + MEDIA_QUIET_MS + 1);
        streamProblem = true;
        const tag = STREAM_TAGS[streamKind(signal)];
        if (shown.has(tag)) continue;
        shown.add(tag);
        put(tag, userId, streak.since, streak.evidence);
      }
      if (!streamProblem && p.firstMediaAt !== null && now - p.lastMediaAt <= MEDIA_KEPT_MS) {
        put('stream.normal', userId, Math.max(p.firstMediaAt, streamClearedAt), '');
        later(p.lastMediaAt + MEDIA_KEPT_MS + 1);
      }

      const loadFailure = p.loadFailure();
      const load = loadFailure !== null && confirmed(loadFailure, p, offline);
      if (load) put('course.load-failed', userId, loadFailure.since, loadFailure.evidence);
      const board = p.streaks.get('board');
      if (board?.held && now - board.lastBadAt > COURSE_QUIET_MS) board.release(now);
      if (board?.held) {
        put('course.not-synced', userId, board.since, board.evidence);
        later(board.lastBadAt + COURSE_QUIET_MS + 1);
      }
      if (p.drawSince !== null && now - p.lastDrawFailureAt > COURSE_QUIET_MS) p.drawSince = null;
      if (p.drawSince !== null) {
        put('course.cant-draw', userId, p.drawSince, `${p.drawFailures.length} drawing attempts failed`);
        later(p.lastDrawFailureAt + COURSE_QUIET_MS + 1);
      }
      const courseProblem = load || !!board?.held || p.drawSince !== null || p.initFailed.has('courseware');
      if (p.courseSince !== null && !courseProblem) put('course.normal', userId, Math.max(p.courseSince, board?.clearedAt ?? Number.NEGATIVE_INFINITY), '');
    }
    // Every entry of `next` matched one held before: the same number means nothing was added or removed.
    if (changed || next.size !== this.held.size) this.mayHaveChanged = true;
    this.held = next;
    this.dueAt = due;
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
}

function streamKind(signal: Signal): 'audio' | 'video' | 'hear' | 'see' {
  if (signal === 'audio' || signal === 'video') return signal;
  return signal.startsWith('hear|') ? 'hear' : 'see';
}
