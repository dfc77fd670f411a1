import type { ClassSummary, Presence, ChatMessage, BoardOps, Hand } from '../../shared/protocol/messages';
import type { PollState, PollTally } from '../../shared/protocol/polls';
import {
  REPORT_LIMITS, type ClassReport, type ReportHelp, type ReportPerson, type ReportPoll, type ReportProblem, type ReportSummary,
} from '../../shared/protocol/reports';
import type { ClassTags, HelpState } from '../../shared/protocol/supervision';
import { PROBLEM_TAGS, type TagId } from '../../shared/tags/catalogue';

/**
 * The rules of a class report, apart from any connection or disk: a class's record is changed by what happened in
 * the class (each call gets the time it happened) and read as a ClassReport at a given time. Every change is
 * idempotent against the retained copy of the same message, so a service that restarts and hears a class's retained
 * state again counts nothing twice.
 */

/** One participant as the book keeps them: counters, and their stays as a running sum and the open one. */
export interface PersonRecord {
  userId: string;
  name: string;
  role: ReportPerson['role'];
  /** What their last presence said. */
  online: boolean;
  firstSeen: number;
  /** When their current stay started; null when they are not in the class (or the class has ended). */
  openSince: number | null;
  /** The closed stays' sum, in ms. */
  presentMs: number;
  lastLeft: number | null;
  joins: number;
  hands: number;
  /** Whether their hand is up now, so a retained raised hand is not counted again. */
  handUp: boolean;
  chat: number;
  boardOps: number;
}

export interface PollEntry {
  pollId: string;
  title: string;
  kind: 'poll' | 'quiz';
  anonymous: boolean;
  state: 'open' | 'closed';
  launchedAt: number;
  closedAt: number | null;
  questions: { questionId: string; prompt: string }[];
  /** The latest tally's aggregates. */
  respondents: number;
  perQuestion: Record<string, { respondents: number; correct?: number }>;
  /** Who answered, with a quiz's score: only for a poll that is not anonymous (its tally names nobody otherwise). */
  named: { userId: string; score?: number }[];
}

export interface ProblemRecord {
  tag: TagId;
  userId?: string;
  from: number;
  to: number | null;
}

export interface ClassRecord {
  v: 1;
  classId: string;
  title: string;
  teacher: { id: string; name: string } | null;
  state: ClassReport['state'];
  startedAt: number;
  endedAt: number | null;
  updatedAt: number;
  people: Record<string, PersonRecord>;
  /** The last chat ids counted (a redelivered message is not counted again). */
  chatIds: string[];
  /** The last board sequence number counted per `userId/session`. */
  boardSeqs: Record<string, number>;
  polls: Record<string, PollEntry>;
  problems: ProblemRecord[];
  help: Record<string, ReportHelp>;
}

const CHAT_IDS = 200;
/** People a record follows at most (the report lists the first REPORT_LIMITS.people of them). */
const MAX_PEOPLE = 2 * REPORT_LIMITS.people;
const BOARD_SESSIONS = 500;
const PROBLEM_SET = new Set<string>(PROBLEM_TAGS);

export function newRecord(classId: string, at: number, summary?: ClassSummary): ClassRecord {
  const record: ClassRecord = {
    v: 1, classId, title: classId, teacher: null, state: 'unknown', startedAt: at, endedAt: null, updatedAt: at,
    people: {}, chatIds: [], boardSeqs: {}, polls: {}, problems: [], help: {},
  };
  if (summary) describe(record, summary, at);
  return record;
}

/** A class's participant, added on first sight; null for a newcomer once the record holds its most people. */
function person(record: ClassRecord, userId: string, at: number, who?: { name: string; role: ReportPerson['role'] }): PersonRecord | null {
  let p = record.people[userId];
  if (!p) {
    if (Object.keys(record.people).length >= MAX_PEOPLE) return null;
    p = {
      userId, name: who?.name ?? userId, role: who?.role ?? 'student', online: false, firstSeen: at, openSince: null, presentMs: 0,
      lastLeft: null, joins: 0, hands: 0, handUp: false, chat: 0, boardOps: 0,
    };
    record.people[userId] = p;
  } else if (who) {
    p.name = who.name;
    p.role = who.role;
  }
  return p;
}

const ended = (record: ClassRecord) => record.endedAt !== null;

function touch(record: ClassRecord, at: number): void {
  record.updatedAt = Math.max(record.updatedAt, at);
  // A retained message heard when the record starts can be older than the record.
  record.startedAt = Math.min(record.startedAt, at);
}

function closeStay(p: PersonRecord, at: number): void {
  if (p.openSince === null) return;
  p.presentMs += Math.max(0, at - p.openSince);
  p.openSince = null;
  p.lastLeft = at;
}

/** The directory's summary: title, teacher, state; the class ending closes every stay, reopening it opens them again. */
export function describe(record: ClassRecord, summary: ClassSummary, at: number): void {
  record.title = summary.title;
  record.teacher = { id: summary.teacher.id, name: summary.teacher.name };
  record.state = summary.state;
  if (summary.state === 'ended') {
    if (record.endedAt !== null) return;
    const end = Math.min(at, summary.endedAt ?? at);
    record.endedAt = Math.max(end, record.startedAt);
    for (const p of Object.values(record.people)) closeStay(p, record.endedAt);
    touch(record, at);
  } else if (record.endedAt !== null) {
    record.endedAt = null;
    for (const p of Object.values(record.people)) {
      if (p.online) p.openSince = at;
    }
    touch(record, at);
  }
}

/** A participant came or went. A presence that says what the book already knows changes nothing. */
export function presence(record: ClassRecord, message: Presence, at: number): void {
  const p = person(record, message.userId, at, { name: message.name, role: message.role });
  if (!p || message.online === p.online) return;
  p.online = message.online;
  touch(record, at);
  // After the class's end, coming and going (to read the ended class) is no longer attendance.
  if (ended(record)) return;
  if (message.online) {
    // Joined: from their first entry (a person first heard of as gone has not joined before).
    if (p.joins === 0) p.firstSeen = at;
    p.joins++;
    p.openSince = at;
  } else {
    closeStay(p, at);
  }
}

export function hand(record: ClassRecord, userId: string, message: Hand, at: number): void {
  const p = person(record, userId, at);
  if (!p) return;
  if (message.raised && !p.handUp) p.hands++;
  p.handUp = message.raised;
  touch(record, at);
}

export function chat(record: ClassRecord, message: ChatMessage, at: number): void {
  if (record.chatIds.includes(message.id)) return;
  record.chatIds.push(message.id);
  if (record.chatIds.length > CHAT_IDS) record.chatIds.splice(0, record.chatIds.length - CHAT_IDS);
  const p = person(record, message.from.id, at, { name: message.from.name, role: message.from.role });
  if (p) p.chat++;
  touch(record, at);
}

/** Committed board operations: each element record counts once (a redelivered batch of a board session is skipped). */
export function board(record: ClassRecord, userId: string, message: BoardOps, at: number): void {
  if (message.session !== undefined) {
    const key = `${userId}/${message.session}`;
    const last = record.boardSeqs[key] ?? 0;
    if (message.seq <= last) return;
    record.boardSeqs[key] = message.seq;
    const keys = Object.keys(record.boardSeqs);
    if (keys.length > BOARD_SESSIONS) delete record.boardSeqs[keys[0]!];
  }
  const p = person(record, userId, at);
  if (p) p.boardOps += message.records.length;
  touch(record, at);
}

export function poll(record: ClassRecord, state: PollState, at: number): void {
  const entry = record.polls[state.id];
  if (!entry && Object.keys(record.polls).length >= REPORT_LIMITS.polls) return;
  record.polls[state.id] = {
    pollId: state.id, title: state.title, kind: state.kind, anonymous: state.anonymous, state: state.state,
    launchedAt: state.launchedAt, closedAt: state.closedAt ?? null,
    questions: state.questions.map((q) => ({ questionId: q.id, prompt: q.prompt })),
    respondents: entry?.respondents ?? 0, perQuestion: entry?.perQuestion ?? {}, named: entry?.named ?? [],
  };
  touch(record, at);
}

export function pollTally(record: ClassRecord, pollId: string, tally: PollTally, at: number): void {
  const entry = record.polls[pollId];
  // A tally before its poll (retained messages come in any order) waits for the poll's next tally.
  if (!entry) return;
  entry.state = tally.state;
  entry.respondents = tally.results.respondents;
  entry.perQuestion = Object.fromEntries(
    tally.results.questions.map((q) => [q.questionId, { respondents: q.respondents, ...(q.correct !== undefined && { correct: q.correct }) }]),
  );
  entry.named = entry.anonymous ? [] : (tally.answers ?? []).map((a) => ({ userId: a.userId, ...(a.score !== undefined && { score: a.score }) }));
  for (const a of tally.answers ?? []) if (!entry.anonymous) person(record, a.userId, at, record.people[a.userId] ? undefined : { name: a.name, role: 'student' });
  touch(record, at);
}

/** The tagger's tags for the class: a problem tag that appears opens a problem, one that is gone closes it. */
export function tags(record: ClassRecord, message: ClassTags, at: number): void {
  const held = new Set<string>();
  let changed = false;
  for (const entry of message.tags) {
    if (!PROBLEM_SET.has(entry.tag)) continue;
    const key = `${entry.tag}|${entry.userId ?? ''}`;
    held.add(key);
    const open = record.problems.find((p) => p.to === null && `${p.tag}|${p.userId ?? ''}` === key);
    if (open) continue;
    if (record.problems.length >= REPORT_LIMITS.problems) continue;
    record.problems.push({ tag: entry.tag, ...(entry.userId !== undefined && { userId: entry.userId }), from: Math.min(entry.since, at), to: null });
    changed = true;
  }
  for (const problem of record.problems) {
    if (problem.to === null && !held.has(`${problem.tag}|${problem.userId ?? ''}`)) {
      problem.to = Math.max(at, problem.from);
      changed = true;
    }
  }
  if (changed) touch(record, at);
}

/** The dispatcher's state of a help request from this class: the report keeps how it stands (and finally ended). */
export function help(record: ClassRecord, state: HelpState, at: number): void {
  if (!record.help[state.id] && Object.keys(record.help).length >= REPORT_LIMITS.help) return;
  record.help[state.id] = {
    requestId: state.id,
    from: state.from,
    topic: state.topic,
    status: state.status,
    reason: state.reason,
    remedies: state.remedies.map((r) => r.action),
    claimedBy: state.claimedBy?.name ?? null,
    createdAt: state.createdAt,
    resolvedAt: state.resolvedAt,
  };
  touch(record, at);
}

/** When the record goes: its retention after the class's end, or after its last change while it has not ended. */
export function expiresAt(record: ClassRecord, retentionMs: number): number {
  return (record.endedAt ?? record.updatedAt) + retentionMs;
}

const ROLE_ORDER: Record<ReportPerson['role'], number> = { teacher: 0, student: 1, supervisor: 2 };
const minutes = (ms: number) => Math.round(ms / 6_000) / 10;

/** The class's report at `now`: stays still open count up to now (or the class's end). */
export function report(record: ClassRecord, now: number, retentionMs: number): ClassReport {
  const end = record.endedAt ?? now;
  const polls = Object.values(record.polls).sort((a, b) => a.launchedAt - b.launchedAt);
  const people: ReportPerson[] = Object.values(record.people)
    .map((p) => {
      const open = p.openSince === null ? 0 : Math.max(0, end - p.openSince);
      let pollAnswers = 0;
      let right = 0;
      let of = 0;
      let quizzes = 0;
      for (const entry of polls) {
        const mine = entry.named.find((n) => n.userId === p.userId);
        if (!mine) continue;
        pollAnswers++;
        if (entry.kind === 'quiz' && mine.score !== undefined) {
          quizzes++;
          right += mine.score;
          of += entry.questions.length;
        }
      }
      return {
        userId: p.userId, name: p.name, role: p.role,
        joinedAt: p.firstSeen,
        leftAt: p.openSince !== null ? null : (p.lastLeft ?? p.firstSeen),
        joins: p.joins,
        minutesPresent: minutes(p.presentMs + open),
        hands: p.hands, chat: p.chat, boardOps: p.boardOps, pollAnswers,
        quiz: quizzes > 0 ? { right, of } : null,
      };
    })
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.joinedAt - b.joinedAt || a.userId.localeCompare(b.userId))
    .slice(0, REPORT_LIMITS.people);
  const names = new Map(Object.values(record.people).map((p) => [p.userId, p.name]));
  const problems: ReportProblem[] = record.problems.map((p) => ({
    tag: p.tag,
    ...(p.userId !== undefined && { userId: p.userId }),
    ...(p.userId !== undefined && names.has(p.userId) && { name: names.get(p.userId)! }),
    from: p.from,
    to: p.to,
    seconds: Math.round(Math.max(0, (p.to ?? end) - p.from) / 1000),
  }));
  const reportPolls: ReportPoll[] = polls.map((entry) => {
    let right = 0;
    let answered = 0;
    const questions = entry.questions.map((q) => {
      const counts = entry.perQuestion[q.questionId];
      const respondents = counts?.respondents ?? 0;
      if (entry.kind !== 'quiz') return { questionId: q.questionId, prompt: q.prompt, respondents };
      const correct = counts?.correct ?? 0;
      right += correct;
      answered += respondents;
      return { questionId: q.questionId, prompt: q.prompt, respondents, correct, accuracy: respondents === 0 ? null : correct / respondents };
    });
    return {
      pollId: entry.pollId, title: entry.title, kind: entry.kind, anonymous: entry.anonymous, state: entry.state,
      launchedAt: entry.launchedAt, closedAt: entry.closedAt, respondents: entry.respondents, questions,
      accuracy: entry.kind === 'quiz' && answered > 0 ? right / answered : null,
    };
  });
  const help = Object.values(record.help).sort((a, b) => a.createdAt - b.createdAt);
  const sum = (pick: (p: ReportPerson) => number) => people.reduce((total, p) => total + pick(p), 0);
  return {
    v: 1,
    classId: record.classId,
    title: record.title,
    teacher: record.teacher ?? firstTeacher(people),
    state: record.state,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    updatedAt: record.updatedAt,
    expiresAt: expiresAt(record, retentionMs),
    totals: {
      participants: people.length,
      students: people.filter((p) => p.role === 'student').length,
      hands: sum((p) => p.hands),
      chat: sum((p) => p.chat),
      boardOps: sum((p) => p.boardOps),
      pollAnswers: reportPolls.reduce((total, p) => total + p.respondents, 0),
      problems: problems.length,
      help: help.length,
    },
    people,
    polls: reportPolls,
    problems,
    help,
  };
}

function firstTeacher(people: readonly Pick<ReportPerson, 'userId' | 'name' | 'role'>[]): { id: string; name: string } | null {
  const teacher = people.find((p) => p.role === 'teacher');
  return teacher ? { id: teacher.userId, name: teacher.name } : null;
}

export function summary(record: ClassRecord, retentionMs: number): ReportSummary {
  const people = Object.values(record.people);
  return {
    classId: record.classId,
    title: record.title,
    teacher: record.teacher ?? firstTeacher(people),
    state: record.state,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    expiresAt: expiresAt(record, retentionMs),
    participants: people.length,
    students: people.filter((p) => p.role === 'student').length,
  };
}
