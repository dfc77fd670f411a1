/**
 * Runs in Chromium for bench/board.ts, one participant per page: a Session with the real link (LinkClient and its Web
 * Worker owning mqtt.js), the class opened on its channel (OpenClass), and the board mounted on that channel. bench/board.ts drives a teacher page and
 * a student page through `window.bench`. Not part of the product.
 *
 * Times are epoch milliseconds from `performance.timeOrigin + performance.now()`: both pages run on the same machine,
 * so the teacher's creation times and the student's paint times are on one clock and are matched by element id.
 */
import { mountBoard } from '../renderer/board/mount';
import type { Board } from '../renderer/board/model/Board';
import type { BoardParticipant } from '../renderer/board/contract';
import { OpenClass } from '../renderer/class/OpenClass';
import type { LinkConfig } from '../renderer/link/messages';
import { Session } from '../renderer/session/Session';
import { coreApplier } from '../renderer/state/apply';
import { useConnection } from '../renderer/state/connection';
import { useDiagnostics } from '../renderer/state/diagnostics';
import { useClassroom } from '../renderer/class/store';

const epochNow = () => performance.timeOrigin + performance.now();
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string | (() => string), probe: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!probe()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await sleep(5);
  }
}

interface Open {
  openClass: OpenClass;
  board: Board;
  unmount: () => void;
}

let session: Session | null = null;
let open: Open | null = null;
/** Element id → when the student's board applied it, and painted it (the frame after). */
let paints = new Map<string, { applied: number; painted: number }>();
let stopWatching: (() => void) | null = null;

function current(): Open {
  if (!open) throw new Error('no class is open');
  return open;
}

/** Calls back, in the frame after the board applied changes, with when each was applied and when they were painted. */
function watchPaints(board: Board, onPaint: (applied: Map<string, number>, paintedAt: number) => void): () => void {
  let applied = new Map<string, number>();
  return board.on((event) => {
    if (event.type !== 'elements') return;
    const appliedAt = epochNow();
    const first = applied.size === 0;
    for (const c of event.changes) if (c.record && !applied.has(c.id)) applied.set(c.id, appliedAt);
    // Asked for after the Fabric view's listener patched its objects and asked for a frame itself, so this frame
    // callback runs after the view's render in that frame.
    if (first && applied.size > 0) {
      requestAnimationFrame(() => {
        const painted = applied;
        applied = new Map();
        onPaint(painted, epochNow());
      });
    }
  });
}

const bench = {
  async connect(config: LinkConfig): Promise<string> {
    const user = { id: config.userId, name: config.name, role: config.role, classes: config.classes };
    session = new Session({ user, config, httpBase: '', refreshToken: null, appliers: [coreApplier] });
    return (await session.connect()).state;
  },

  linkState(): string {
    return useConnection.getState().status.state;
  },

  /** What the link reported: dropped messages and notes, for a failed run's message. */
  diagnostics(): string {
    const { drops, notes } = useDiagnostics.getState();
    const { course } = useClassroom.getState();
    return JSON.stringify({
      link: useConnection.getState().status.state, outbox: useConnection.getState().outbox.length,
      course: course ? `${course.current} v${course.version}` : null, drops: drops.total, recent: drops.recent.slice(-3), notes: notes.slice(-5),
    });
  },

  /** Opens the class as the product's class screen does, and mounts the board; resolves once the board is mounted. */
  open(classId: string, participant: BoardParticipant, teacherId: string): void {
    if (!session) throw new Error('not connected');
    if (open) throw new Error('a class is already open');
    const channel = session.classChannel(classId, { observer: participant.observer });
    const openClass = new OpenClass(channel, participant, session.endpoints, 'bench');
    openClass.start();
    let board: Board | null = null;
    const unmount = mountBoard(document.getElementById('board')!, {
      // As the class screen mounts it (BoardArea): on the open class's channel.
      channel: openClass.channel,
      host: openClass,
      participant,
      teacherId,
      boardReady: (control) => {
        // The board's control is the Board itself: the bench drives and reads it directly.
        board = control as Board;
        openClass.attachBoard(control);
      },
    });
    open = { openClass, board: board!, unmount };
  },

  close(): void {
    stopWatching?.();
    stopWatching = null;
    if (!open) return;
    open.unmount();
    open.openClass.stop();
    open = null;
  },

  /** Teacher: publishes a course of blank pages and shows `currentPage`. */
  turnTo(pageIds: string[], currentPage: string): void {
    current().openClass.setCourse(pageIds.map((id, i) => ({ id, kind: 'blank', asset: '', page: i + 1, title: '' })), currentPage);
  },

  async waitForPage(pageId: string): Promise<void> {
    await until(() => `page ${pageId} (showing ${open?.board.pageId}, link ${bench.linkState()})`, () => open?.board.pageId === pageId);
  },

  status() {
    return current().board.status();
  },

  serialize(): string {
    return current().board.serialize();
  },

  objectCount(): number {
    return window.__board?.objectCount() ?? 0;
  },

  /**
   * Teacher: creates `count` elements at `rate` per second (rectangles, or 16-point pen strokes), each as the toolbar
   * would, and returns when each one was created. Ops that fall due in the same task leave as one message.
   */
  async draw(rate: number, count: number, kind: 'rect' | 'pen'): Promise<Record<string, number>> {
    const { board } = current();
    const created: Record<string, number> = {};
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const wait = start + (i * 1000) / rate - performance.now();
      if (wait > 1) await sleep(wait);
      const record = board.create(kind, elementProps(kind, i));
      if (!record) throw new Error('the teacher could not draw');
      created[record.id] = epochNow();
    }
    return created;
  },

  /** Teacher: adds `count` pen strokes at once and waits until the broker acknowledged all of them; gives the revision. */
  async fill(count: number): Promise<number> {
    const { board } = current();
    for (let i = 0; i < count; i++) board.create('pen', elementProps('pen', i));
    board.flush();
    await until('the broker to acknowledge the strokes', () => board.status().unsent === 0);
    return board.status().revision;
  },

  /** Teacher: waits until every op was acknowledged by the broker; gives the revision of the shown page. */
  async settled(): Promise<number> {
    const { board } = current();
    await until('the broker to acknowledge the ops', () => board.status().unsent === 0);
    return board.status().revision;
  },

  /** Student: records from now on when each element is painted. */
  watch(): void {
    stopWatching?.();
    paints = new Map();
    stopWatching = watchPaints(current().board, (applied, painted) => {
      for (const [id, at] of applied) if (!paints.has(id)) paints.set(id, { applied: at, painted });
    });
  },

  paints(): Record<string, { applied: number; painted: number }> {
    return Object.fromEntries(paints);
  },

  /** Student: resolves with the time of the frame after the shown page reached `revision` (and `objects` objects). */
  painted(revision: number, objects: number, timeoutMs = 120_000): Promise<number> {
    const { board } = current();
    const reached = () => board.status().revision >= revision && bench.objectCount() >= objects;
    return new Promise((resolve, reject) => {
      const done = () => {
        off();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(epochNow()));
      };
      // The view patches its objects in its own listener, registered before this one.
      const off = board.on((event) => {
        if ((event.type === 'elements' || event.type === 'page') && reached()) done();
      });
      const timer = setTimeout(() => {
        off();
        reject(new Error(`the board did not reach revision ${revision} with ${objects} objects (at ${board.status().revision}, ${bench.objectCount()})`));
      }, timeoutMs);
      if (reached()) done();
    });
  },

  /**
   * A late joiner, on a page whose link is connected but has no class open: times opening the class (fresh board) to
   * the frame after the page showed `objects` elements at `revision`.
   */
  async lateJoin(classId: string, participant: BoardParticipant, teacherId: string, revision: number, objects: number): Promise<{ total: number; steps: string }> {
    const started = epochNow();
    bench.open(classId, participant, teacherId);
    const steps: string[] = [`mounted ${Math.round(epochNow() - started)}`];
    const off = current().board.on((event) => {
      if (event.type === 'page' && event.pageId) steps.push(`page known ${Math.round(epochNow() - started)}`);
      if (event.type === 'elements' && steps.length < 6) steps.push(`${event.changes.length} elements applied ${Math.round(epochNow() - started)}`);
    });
    const painted = await bench.painted(revision, objects);
    off();
    return { total: painted - started, steps: steps.join(', ') };
  },

  /** Student: waits for the page's `online` event, then for the board to reach `revision`; gives both times. */
  async afterOnline(revision: number, objects: number): Promise<{ online: number; painted: number }> {
    const online = await new Promise<number>((resolve) => window.addEventListener('online', () => resolve(epochNow()), { once: true }));
    return { online, painted: await bench.painted(revision, objects) };
  },

  /**
   * Pan/zoom: one wheel event per frame (pan, every third a zoom), `frames` times. For each frame: `work`, from the
   * frame's start to the end of the board's render in it, rasterised, and `interval`, from the previous frame's start.
   */
  async frames(frames: number): Promise<{ work: number[]; interval: number[] }> {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="board-canvas"] canvas.upper-canvas')!;
    const lower = document.querySelector<HTMLCanvasElement>('[data-testid="board-canvas"] canvas.lower-canvas')!;
    const box = canvas.getBoundingClientRect();
    const work: number[] = [];
    const interval: number[] = [];
    let last = await nextFrame();
    for (let i = 0; i < frames; i++) {
      canvas.dispatchEvent(new WheelEvent('wheel', {
        deltaX: 5, deltaY: i % 2 ? 12 : -12, ctrlKey: i % 3 === 0, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2,
        bubbles: true, cancelable: true,
      }));
      // The board asked for a frame when it handled the wheel; this callback, asked for after it, runs after its render.
      const frameStart = await nextFrame();
      // Reading a pixel makes the canvas finish drawing now, so the time includes rasterising, not only the calls.
      lower.getContext('2d')!.getImageData(0, 0, 1, 1);
      work.push(performance.now() - frameStart);
      interval.push(frameStart - last);
      last = frameStart;
    }
    return { work, interval };
  },
};

function elementProps(kind: 'rect' | 'pen', i: number) {
  const x = (i * 37) % 2000;
  const y = (i * 53) % 1400;
  if (kind === 'rect') return { x: (i * 13) % 900, y: (i * 7) % 600, width: 20, height: 20 };
  const points: number[] = [];
  for (let k = 0; k < 16; k++) points.push(k * 4, Math.round(Math.sin(k + i) * 10 + 10));
  return { x, y, width: 60, height: 20, points };
}

export type BoardBench = typeof bench;
(window as unknown as { bench: BoardBench }).bench = bench;
(window as unknown as { benchReady: boolean }).benchReady = true;
