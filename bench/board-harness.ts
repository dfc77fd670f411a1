/**
 * Runs in Chromium for bench/board.ts: two mounted boards joined by an in-page loopback transport, and the
 * measurements the benchmark asks for. Not part of the product.
 */
import { mountBoard } from '../renderer/board/mount';
import type { BoardInbox, BoardParticipant, BoardTransport } from '../renderer/board/contract';
import type { BoardOps, BoardSnapshot, Course, Room } from '../shared/protocol';
import { BoardPage, ElementProps, type ElementRecord } from '../shared/whiteboard';

const CLASS = 'bench-class';
const course = (pageId: string): Course => ({ v: 1, version: 1, pages: [{ id: pageId, kind: 'blank', asset: '', page: 1, title: '' }], current: pageId, by: 'teacher', ts: 1 });
const room: Room = { v: 1, version: 1, drawing: [], chatMutedAll: false, chatMuted: [], stars: {}, removed: [], startedAt: null, countdownEndsAt: null, by: 'teacher', ts: 1 };

/** The board service, in the page: every op any peer sends, merged per page. */
const service = new Map<string, { page: BoardPage; seqs: Record<string, number> }>();
const inboxes = new Map<string, BoardInbox>();

function transportFor(userId: string, onOps: (message: BoardOps) => void): BoardTransport {
  let outbox = 0;
  return {
    sendOps(message) {
      const id = `ob${++outbox}`;
      const state = service.get(message.pageId) ?? { page: new BoardPage(message.pageId), seqs: {} };
      state.page.apply(message.records);
      state.seqs[userId] = message.seq;
      service.set(message.pageId, state);
      onOps(message);
      queueMicrotask(() => inboxes.get(userId)?.acknowledged([id]));
      return id;
    },
    sendLive() {},
    sendLaser() {},
    sendSync() {},
    sendTelemetry() {},
    async requestSnapshot(pageId): Promise<BoardSnapshot> {
      const state = service.get(pageId);
      return { v: 1, pageId, elements: state?.page.all() ?? [], seqs: { ...(state?.seqs ?? {}) }, takenAt: Date.now() };
    },
  };
}

const noCourseware = { fetchAsset: () => Promise.reject(new Error('no courseware in the benchmark')) };

function mount(id: string, participant: BoardParticipant, pageId: string, onOps: (m: BoardOps) => void = () => {}): { inbox: BoardInbox; unmount: () => void } {
  const container = document.getElementById(id)!;
  let inbox: BoardInbox | null = null;
  const unmount = mountBoard(container, {
    transport: transportFor(participant.userId, onOps), courseware: noCourseware, participant, teacherId: 'teacher',
    inboxReady: (i) => (inbox = i),
  });
  inboxes.set(participant.userId, inbox!);
  inbox!.setRoom(room);
  inbox!.setCourse(course(pageId));
  return { inbox: inbox!, unmount };
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stroke(i: number, by = 'teacher'): ElementRecord {
  const points: number[] = [];
  for (let k = 0; k < 16; k++) points.push(k * 4, Math.sin(k + i) * 10 + 10);
  return {
    id: `s${i}`, kind: 'pen', props: ElementProps.parse({ x: (i * 37) % 2000, y: (i * 53) % 1400, width: 60, height: 20, points }),
    version: 1, nonce: i, by, z: `a${String(i).padStart(6, '0')}`, deleted: false,
  };
}

async function fillPage(pageId: string, count: number): Promise<void> {
  const page = new BoardPage(pageId);
  page.apply(Array.from({ length: count }, (_, i) => stroke(i)));
  service.set(pageId, { page, seqs: { teacher: 0 } });
}

let pageCounter = 0;

const bench = {
  /** Teacher ops at `rate` per second for `seconds`; each is timed from send to the student's next frame. */
  async opToPaint(rate: number, seconds: number): Promise<number[]> {
    const pageId = `otp${++pageCounter}`;
    const latencies: number[] = [];
    const sentAt = new Map<string, number>();
    let studentInbox: BoardInbox | null = null;
    const teacher = mount('a', { userId: 'teacher', role: 'teacher', observer: false }, pageId, (message) => {
      const now = performance.now();
      for (const r of message.records) sentAt.set(r.id, now);
      // The broker's hop: a task later, as a WebSocket message would arrive.
      setTimeout(() => {
        studentInbox!.receive({ ok: true, kind: 'boardOps', params: { classId: CLASS, userId: 'teacher' }, message, topic: '' });
        void nextFrame().then(() => {
          const painted = performance.now();
          for (const r of message.records) latencies.push(painted - sentAt.get(r.id)!);
        });
      }, 0);
    });
    const student = mount('b', { userId: 'student', role: 'student', observer: false }, pageId);
    studentInbox = student.inbox;
    await sleep(100);
    const session = teacher.inbox as unknown as { create: (kind: string, props: object) => unknown };
    const total = rate * seconds;
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      session.create('rect', { x: (i * 13) % 900, y: (i * 7) % 600, width: 20, height: 20 });
    }
    await sleep(300);
    teacher.unmount();
    student.unmount();
    return latencies;
  },

  /** Render times of pan/zoom frames on a page holding `count` strokes. */
  async frames(count: number): Promise<number[]> {
    const pageId = `fr${++pageCounter}`;
    await fillPage(pageId, count);
    const viewer = mount('b', { userId: 'student', role: 'student', observer: false }, pageId);
    await sleep(50);
    for (let i = 0; i < 100 && window.__board!.objectCount() < count; i++) await sleep(50);
    const canvas = document.querySelector<HTMLElement>('#b [data-testid="board-canvas"] .upper-canvas, #b [data-testid="board-canvas"] canvas')!;
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const started = performance.now();
      canvas.dispatchEvent(new WheelEvent('wheel', { deltaX: 5, deltaY: i % 2 ? 12 : -12, ctrlKey: i % 3 === 0, bubbles: true, cancelable: true }));
      // Fabric renders in the next animation frame; a frame callback queued after its own runs once it painted.
      await nextFrame();
      times.push(performance.now() - started);
    }
    viewer.unmount();
    return times;
  },

  /** A fresh board renders a page of `count` strokes from its snapshot. */
  async lateJoin(count: number): Promise<number> {
    const pageId = `lj${++pageCounter}`;
    await fillPage(pageId, count);
    const started = performance.now();
    const viewer = mount('b', { userId: 'student', role: 'student', observer: false }, pageId);
    while (window.__board!.objectCount() < count) await sleep(1);
    await nextFrame();
    const ms = performance.now() - started;
    viewer.unmount();
    return ms;
  },

  /** A student who missed `missed` ops resyncs from the snapshot. */
  async resync(missed: number): Promise<number> {
    const pageId = `rs${++pageCounter}`;
    const viewer = mount('b', { userId: 'student', role: 'student', observer: false }, pageId);
    await sleep(50);
    await fillPage(pageId, missed);
    const started = performance.now();
    viewer.inbox.reconnected();
    while (window.__board!.objectCount() < missed) await sleep(1);
    await nextFrame();
    const ms = performance.now() - started;
    viewer.unmount();
    return ms;
  },
};

(window as unknown as { bench: typeof bench; benchReady: boolean }).bench = bench;
(window as unknown as { benchReady: boolean }).benchReady = true;
