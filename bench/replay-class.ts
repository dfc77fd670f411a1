/**
 * The simulated class of bench/replay.ts: what a teacher and their students do in an hour, as a list of timed events
 * the bench sends through the real broker. Deterministic (seeded). Not part of the product.
 *
 * - 30 blank course pages turned in order, one every 2 minutes, and now and then back two pages for 20 s;
 * - board ops (one record each) on the shown page (9 in 10) or an earlier one: pen strokes, shapes, text, moves and
 *   erasures, by the teacher and by two students while the teacher lets them draw (minutes 5 to 49);
 * - chat from the teacher and ten students (one line looks like markup: it must stay text), raised and lowered hands;
 * - a poll at minute 30: launched, answered by the ten students, closed and its results shown.
 *
 * `pages` holds each page as every converged board must end: the board service's merge of every op sent.
 */
import type { BoardOps, Course } from '../shared/protocol';
import { BoardEditor, BoardPage, type ElementKind, type ElementProps } from '../shared/whiteboard';

export const TEACHER = 'teacher1';
export const STUDENTS = Array.from({ length: 10 }, (_, i) => `replay-student-${i}`);
/** The students the teacher lets draw. */
export const DRAWERS = STUDENTS.slice(0, 2);

export type ClassEvent =
  | { at: number; type: 'ops'; actor: string; message: BoardOps }
  | { at: number; type: 'course'; message: Omit<Course, 'ts' | 'version'> }
  | { at: number; type: 'room'; drawing: string[] }
  | { at: number; type: 'chat'; actor: string; id: string; text: string }
  | { at: number; type: 'hand'; actor: string; raised: boolean }
  | { at: number; type: 'poll'; step: 'launch' | 'close' | 'show' }
  | { at: number; type: 'answer'; actor: string; choice: string };

export interface SimulatedClass {
  durationMs: number;
  pageIds: string[];
  /** Sorted by time. */
  events: ClassEvent[];
  /** Every page as it ends when every op is taken. */
  pages: Map<string, BoardPage>;
  counts: { ops: number; pageTurns: number; chat: number; hands: number; polls: number };
}

export const POLL_ID = 'replay-poll';

function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const MINUTE = 60_000;
const KINDS: ElementKind[] = ['pen', 'pen', 'pen', 'rect', 'ellipse', 'line', 'arrow', 'text'];
const COLOURS = ['#1f2937', '#dc2626', '#2563eb', '#059669', '#d97706'];

export function simulateClass({ minutes = 60, ops = 50_000, pageCount = 30, seed = 42 } = {}): SimulatedClass {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const durationMs = minutes * MINUTE;
  const pageIds = Array.from({ length: pageCount }, (_, i) => `page-${String(i + 1).padStart(2, '0')}`);
  const events: ClassEvent[] = [];
  const coursePages = pageIds.map((id, i) => ({ id, kind: 'blank' as const, asset: '', page: 1, title: `Page ${i + 1}` }));

  // Which page is shown when: in order, one per slot, with short visits back.
  const slot = durationMs / pageCount;
  const shown: { from: number; index: number }[] = pageIds.map((_, index) => ({ from: index * slot, index }));
  for (let index = 3; index < pageCount; index += 4) shown.push({ from: index * slot + slot / 2, index: index - 2 }, { from: index * slot + slot / 2 + 20_000, index });
  shown.sort((a, b) => a.from - b.from);
  for (const { from, index } of shown) {
    if (from > 0) events.push({ at: from, type: 'course', message: { v: 1, pages: coursePages, current: pageIds[index]!, by: TEACHER } });
  }
  const shownAt = (at: number) => {
    let index = 0;
    for (const s of shown) if (s.from <= at) index = s.index;
    return index;
  };

  const drawFrom = 5 * MINUTE;
  const drawUntil = Math.min(49 * MINUTE, durationMs * 0.82);
  // A minute of class time either side (3 s at 20x): the broker has the grant before their first op, and their last
  // op before the revoke (it closes the connection of a student who publishes ops without the grant).
  events.push({ at: drawFrom - 60_000, type: 'room', drawing: DRAWERS }, { at: drawUntil + 60_000, type: 'room', drawing: [] });

  const pages = new Map(pageIds.map((id) => [id, new BoardPage(id)]));
  const editors = new Map<string, BoardEditor>();
  const mine = new Map<string, string[]>();
  const seq = new Map<string, number>();
  const times = Array.from({ length: ops }, () => 1_000 + random() * (durationMs - 2_000)).sort((a, b) => a - b);
  let created = 0;
  for (const at of times) {
    const current = shownAt(at);
    const pageId = random() < 0.9 ? pageIds[current]! : pageIds[Math.floor(random() * (current + 1))]!;
    const actor = at > drawFrom && at < drawUntil && random() < 0.3 ? pick(DRAWERS) : TEACHER;
    const key = `${pageId}|${actor}`;
    let editor = editors.get(key);
    if (!editor) editors.set(key, (editor = new BoardEditor(pages.get(pageId)!, actor, random)));
    const own = mine.get(key) ?? [];
    mine.set(key, own);
    const roll = random();
    let record;
    if (roll < 0.55 || own.length === 0) {
      const id = `${actor === TEACHER ? 't' : actor.slice(-1)}-${++created}`;
      record = editor.create(id, pick(KINDS), props(random, pick));
      own.push(id);
    } else {
      const index = Math.floor(random() * own.length);
      const id = own[index]!;
      if (roll < 0.85) {
        record = editor.update(id, { x: Math.round(random() * 1200), y: Math.round(random() * 700) });
      } else {
        record = editor.remove(id);
        own[index] = own.at(-1)!;
        own.pop();
      }
    }
    if (!record) continue;
    const n = (seq.get(actor) ?? 0) + 1;
    seq.set(actor, n);
    events.push({ at, type: 'ops', actor, message: { v: 1, pageId, session: 'bench', seq: n, records: [record] } });
  }

  let chat = 0;
  for (let i = 0; i < 240; i++) {
    const actor = random() < 0.3 ? TEACHER : pick(STUDENTS);
    const text = i === 7 ? '<b>not bold</b> & <script>not run</script>' : `line ${i + 1} from ${actor}`;
    events.push({ at: 2_000 + random() * (durationMs - 4_000), type: 'chat', actor, id: `replay-chat-${i}`, text });
    chat++;
  }
  let hands = 0;
  for (let i = 0; i < 20; i++) {
    const actor = pick(STUDENTS);
    const at = (i + 0.5) * (durationMs / 20);
    events.push({ at, type: 'hand', actor, raised: true }, { at: at + 30_000 + random() * 60_000, type: 'hand', actor, raised: false });
    hands++;
  }
  const pollAt = durationMs / 2;
  events.push({ at: pollAt, type: 'poll', step: 'launch' });
  STUDENTS.forEach((actor, i) => events.push({ at: pollAt + 5_000 + i * 4_000, type: 'answer', actor, choice: i % 3 === 0 ? 'false' : 'true' }));
  events.push({ at: pollAt + 100_000, type: 'poll', step: 'close' }, { at: pollAt + 105_000, type: 'poll', step: 'show' });

  events.sort((a, b) => a.at - b.at);
  const opCount = events.filter((e) => e.type === 'ops').length;
  return { durationMs, pageIds, events, pages, counts: { ops: opCount, pageTurns: shown.length - 1, chat, hands, polls: 1 } };
}

function props(random: () => number, pick: <T>(list: readonly T[]) => T): ElementProps {
  const points: number[] = [];
  const n = 8 + Math.floor(random() * 16);
  for (let i = 0; i < n; i++) points.push(Math.round(i * 6 + random() * 4), Math.round(Math.sin(i / 3) * 20 + random() * 4));
  return {
    x: Math.round(random() * 1200), y: Math.round(random() * 700), width: 20 + Math.round(random() * 120), height: 10 + Math.round(random() * 80),
    angle: 0, stroke: pick(COLOURS), fill: '', strokeWidth: 2 + Math.round(random() * 4), opacity: 1, points,
    text: random() < 0.2 ? 'x = 3' : '', fontSize: 24, asset: '',
  };
}
