import { describe, expect, it } from 'vitest';
import type { BoardOps, BoardSnapshot, Course, Room } from '../../shared/protocol';
import type { RecordedEntry } from '../../shared/protocol/recording';
import { BoardEditor, BoardPage, type ElementRecord } from '../../shared/whiteboard';
import { Board } from '../board/model/Board';
import { ManualClock, RecordingHost, course, room } from '../board/model/testing/kit';
import { ReplayPlayer } from './ReplayPlayer';
import { ReplayChannel } from './ReplayChannel';
import { boardMessages } from './replayFeed';
import { buildTimeline, type Timeline } from './timeline';

const CLASS = 'class-1';
const PAGES = ['p1', 'p2', 'p3'];

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/**
 * A recorded class, made the way the recorder would see it: a teacher and a student drawing, moving and erasing on
 * three pages, the student's grant given and taken back (ops after that are refused by everyone), page turns, and the
 * board service's snapshots every few ops (with the same rights rule).
 */
function recordedClass(ops: number): RecordedEntry[] {
  const random = seeded(7);
  const entries: RecordedEntry[] = [{ t: 0, k: '$start', by: 'teacher' }];
  let t = 0;
  const add = (k: 'course' | 'room' | 'boardOps' | 'boardSnapshot', p: Record<string, string>, m: unknown) => entries.push({ t: (t += 1 + Math.floor(random() * 50)), k, p, m });
  const service = new Map(PAGES.map((id) => [id, new BoardPage(id)]));
  const seqs = new Map<string, Record<string, number>>(PAGES.map((id) => [id, {}]));
  // Each person edits their own copy of a page, which follows the service's.
  const views = { teacher: new Map<string, { page: BoardPage; editor: BoardEditor }>(), student: new Map<string, { page: BoardPage; editor: BoardEditor }>() };
  const seq = { teacher: 0, student: 0 };
  let drawing: string[] = [];
  let roomVersion = 1;
  const setRoom = (list: string[]) => {
    drawing = list;
    const message: Room = { ...room(list, roomVersion++), by: 'teacher' };
    add('room', { classId: CLASS }, message);
  };
  let current = 'p1';
  let courseVersion = 1;
  add('course', { classId: CLASS }, course(PAGES, current, courseVersion++) satisfies Course);
  setRoom([]);
  for (let i = 0; i < ops; i++) {
    if (i === Math.floor(ops * 0.2)) setRoom(['student']);
    if (i === Math.floor(ops * 0.7)) setRoom([]);
    if (random() < 0.05) {
      current = PAGES[Math.floor(random() * PAGES.length)]!;
      add('course', { classId: CLASS }, course(PAGES, current, courseVersion++));
    }
    const who = random() < 0.6 ? 'teacher' : 'student';
    const pageId = random() < 0.8 ? current : PAGES[Math.floor(random() * PAGES.length)]!;
    const page = service.get(pageId)!;
    let view = views[who].get(pageId);
    if (!view) {
      const own = new BoardPage(pageId);
      views[who].set(pageId, (view = { page: own, editor: new BoardEditor(own, who, random) }));
    }
    view.page.apply(page.all());
    const { editor } = view;
    const mine = page.visible().filter((r) => r.by === who);
    const roll = random();
    let record: ElementRecord | null;
    if (roll < 0.6 || mine.length === 0) {
      record = editor.create(`${who}-${i}`, 'rect', {
        x: Math.floor(random() * 500), y: Math.floor(random() * 300), width: 20, height: 10, angle: 0, stroke: '#000000', fill: '',
        strokeWidth: 2, opacity: 1, points: [], text: '', fontSize: 24, asset: '',
      });
    } else if (roll < 0.85) {
      record = editor.update(mine[Math.floor(random() * mine.length)]!.id, { x: Math.floor(random() * 500) });
    } else {
      record = editor.remove(mine[Math.floor(random() * mine.length)]!.id);
    }
    if (!record) continue;
    const message: BoardOps = { v: 1, pageId, session: `${who}-s`, seq: ++seq[who], records: [record] };
    add('boardOps', { classId: CLASS, userId: who }, message);
    if (who === 'teacher' || drawing.includes('student')) {
      page.apply([record]);
      seqs.get(pageId)![`${who}/${who}-s`] = seq[who];
    }
    if (i % 40 === 39) {
      for (const id of PAGES) {
        const snapshot: BoardSnapshot = { v: 1, pageId: id, elements: service.get(id)!.all(), seqs: { ...seqs.get(id)! }, takenAt: t };
        add('boardSnapshot', { classId: CLASS, pageId: id }, snapshot);
      }
    }
  }
  entries.push({ t: t + 10, k: '$stop', reason: 'teacher' });
  return entries;
}

function replayBoard(channel: ReplayChannel): Board {
  let n = 0;
  const board = new Board({
    channel, host: new RecordingHost(), participant: { userId: 'replay', role: 'student', observer: true }, teacherId: 'teacher',
    clock: new ManualClock(), newId: () => `replay-${++n}`, instanceId: 'replay-board',
  });
  board.start();
  return board;
}

/** A board given every recorded message in order, up to `count`: what a console in the class held then. */
function playedThrough(timeline: Timeline, count: number): Record<string, string> {
  const channel = new ReplayChannel(CLASS, 'replay', () => null);
  const board = replayBoard(channel);
  channel.deliver(boardMessages(timeline.messages.slice(0, count)));
  return Object.fromEntries(PAGES.map((p) => [p, board.serialize(p)]));
}

function player(timeline: Timeline) {
  let board: Board | null = null;
  const replay = new ReplayPlayer({
    timeline, classId: CLASS, onPosition: () => {}, onPlaying: () => {},
    mount: (channel) => {
      board = replayBoard(channel);
      return () => board?.dispose();
    },
  });
  const pages = () => Object.fromEntries(PAGES.map((p) => [p, board!.serialize(p)]));
  return { replay, pages };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('replay', () => {
  const timeline = buildTimeline(recordedClass(1_500), null);

  it('ends byte-identical to a board that took every message, on every page, however it got there', async () => {
    const everything = playedThrough(timeline, timeline.messages.length);
    // The recording is not trivial: each page has elements, and the student's ops after the grant ended are refused.
    for (const page of PAGES) expect(JSON.parse(everything[page]!).elements.length).toBeGreaterThan(20);
    expect(Object.values(everything).join('')).toContain('"by":"student"');

    const straight = player(timeline);
    straight.replay.seek(timeline.durationMs);
    await settle();
    expect(straight.pages()).toEqual(everything);

    const wandering = player(timeline);
    for (const at of [timeline.durationMs * 0.5, timeline.durationMs * 0.1, timeline.durationMs * 0.9, timeline.durationMs * 0.3]) wandering.replay.seek(at);
    wandering.replay.seek(timeline.durationMs);
    await settle();
    expect(wandering.pages()).toEqual(everything);
  });

  it('a seek shows each page as it was at that moment', async () => {
    const { replay, pages } = player(timeline);
    for (const fraction of [0.75, 0.25, 0.5]) {
      replay.seek(timeline.durationMs * fraction);
      await settle();
      const count = timeline.messages.filter((m) => m.at <= timeline.durationMs * fraction).length;
      expect(pages()).toEqual(playedThrough(timeline, count));
    }
  });
});
