import { FabricImage } from 'fabric';
import type { BoardMountOptions, UnmountBoard } from './contract';
import { Board } from './model/Board';
import type { Clock } from './model/clock';
import type { BoardStatus } from './model/boardEvents';
import { CoursewareRenderer } from './view/courseware';
import { FabricBoard } from './view/FabricBoard';
import { text } from './view/strings';
import { buildToolbar } from './view/toolbar';

/** What tests and benchmarks read: the canonical model of a page, exactly as BoardPage.serialize() gives it. */
export interface BoardDebugHook {
  /** The shown page, or the page named (this console holds every page it has received ops for). */
  serialize(pageId?: string): string;
  status(): BoardStatus;
  objectCount(): number;
  /** The laser dots painted now, in canvas pixels. */
  laserDots(): { userId: string; x: number; y: number }[];
}

declare global {
  interface Window {
    __board?: BoardDebugHook;
  }
}

const browserClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

/**
 * Mounts the whiteboard into `container` and returns its unmount. The class screen imports this module lazily, so
 * Fabric (and, through the courseware layer, pdf.js) stay out of the initial bundle.
 */
export function mountBoard(container: HTMLElement, options: BoardMountOptions): UnmountBoard {
  const { channel, host, participant } = options;
  const newId = () => crypto.randomUUID();
  // A fresh instance for every mounted board: a reload or a second window numbers its ops apart.
  const board = new Board({ channel, host, participant, teacherId: options.teacherId, clock: browserClock, newId, instanceId: newId() });
  const root = document.createElement('div');
  root.dataset.testid = 'board';
  root.style.cssText = 'display:flex;flex-direction:column;height:100%;min-height:0';
  const stage = document.createElement('div');
  stage.dataset.testid = 'board-canvas';
  stage.style.cssText = 'position:relative;flex:1;min-height:0;overflow:hidden;background:#f8fafc';
  const canvasElement = document.createElement('canvas');
  const progress = document.createElement('progress');
  progress.dataset.testid = 'board-courseware-progress';
  progress.max = 1;
  progress.hidden = true;
  progress.style.cssText = 'position:absolute;left:8px;right:8px;top:8px;width:calc(100% - 16px);z-index:2';
  const pageError = document.createElement('div');
  pageError.dataset.testid = 'board-courseware-error';
  pageError.setAttribute('role', 'alert');
  pageError.hidden = true;
  pageError.style.cssText = 'position:absolute;left:8px;top:32px;z-index:2;padding:8px;background:#fee2e2;color:#991b1b;pointer-events:none';
  stage.append(canvasElement, progress, pageError);
  container.append(root);

  const view = new FabricBoard(canvasElement, board, Math.max(1, container.clientWidth), Math.max(1, container.clientHeight - 80));
  const showStatus = buildToolbar(root, view, board);
  root.append(stage);
  view.resize(Math.max(1, stage.clientWidth), Math.max(1, stage.clientHeight));

  const courseware = new CoursewareRenderer(
    host,
    (event) => host.sendTelemetry([event]),
    (_asset, fraction) => {
      progress.hidden = fraction >= 1;
      progress.value = fraction;
      progress.textContent = text('loading', { percent: Math.round(fraction * 100) });
    },
  );
  let shownPage: string | null = null;
  const showBackground = () => {
    const pageId = board.pageId;
    if (pageId === shownPage) return;
    shownPage = pageId;
    pageError.hidden = true;
    view.canvas.backgroundImage = undefined;
    view.canvas.requestRenderAll();
    const pages = board.coursePages;
    const index = pages.findIndex((p) => p.id === pageId);
    const page = pages[index];
    if (!page) return;
    const pending = courseware.render(page);
    // Neighbouring pages are prepared while this one is looked at.
    for (const neighbour of [pages[index + 1], pages[index - 1]]) if (neighbour) void courseware.render(neighbour);
    if (!pending) return;
    progress.hidden = false;
    void pending.then((result) => {
      if (board.pageId !== page.id) return;
      progress.hidden = true;
      if (!result.ok) {
        pageError.textContent = text('pageError', { error: result.error });
        pageError.hidden = false;
        return;
      }
      view.canvas.backgroundImage = new FabricImage(result.image, { left: 0, top: 0, originX: 'left', originY: 'top', selectable: false, evented: false });
      view.canvas.requestRenderAll();
    });
  };

  const reloadCourseware = async (): Promise<{ ok: boolean; detail: string }> => {
    const page = board.coursePages.find((p) => p.id === board.pageId);
    if (!page || page.kind === 'blank' || !page.asset) return { ok: true, detail: 'the page shown has no courseware' };
    courseware.forget(page.asset);
    shownPage = null;
    showBackground();
    const result = await courseware.render(page);
    if (!result) return { ok: true, detail: 'the page shown has no courseware' };
    return result.ok ? { ok: true, detail: `${page.asset} page ${page.page} reloaded` } : { ok: false, detail: result.error.slice(0, 300) };
  };

  const unsubscribe = board.on((event) => {
    if (event.type === 'status') showStatus(event.status);
    if (event.type === 'page') showBackground();
  });
  showStatus(board.status());

  const resize = new ResizeObserver(() => view.resize(Math.max(1, stage.clientWidth), Math.max(1, stage.clientHeight)));
  resize.observe(stage);

  const hook: BoardDebugHook = {
    serialize: (pageId) => board.serialize(pageId ?? board.pageId),
    status: () => board.status(),
    objectCount: () => view.objectCount,
    laserDots: () => view.laserDots(),
  };
  window.__board = hook;
  host.sendTelemetry([{ type: 'init', component: 'board', ok: true }]);
  board.start();
  options.boardReady?.(board);
  options.coursewareReady?.({ reload: reloadCourseware });

  return () => {
    unsubscribe();
    resize.disconnect();
    board.dispose();
    view.dispose();
    root.remove();
    if (window.__board === hook) delete window.__board;
  };
}
