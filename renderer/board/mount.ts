import { FabricImage } from 'fabric';
import type { BoardMountOptions, UnmountBoard } from './contract';
import { Board } from './model/Board';
import type { Clock } from './model/clock';
import type { BoardStatus } from './model/boardEvents';
import { CoursewareRenderer } from './view/courseware';
import { FabricBoard } from './view/FabricBoard';
import { fitViewport, IDENTITY, pageRect, type FitMode, type Size } from './view/fit';
import { text } from './view/strings';
import { buildToolbar } from './view/toolbar';
import './view/board.css';

/** What tests and benchmarks read: the canonical model of a page, exactly as BoardPage.serialize() gives it. */
export interface BoardDebugHook {
  /** The shown page, or the page named (this console holds every page it has received ops for). */
  serialize(pageId?: string): string;
  status(): BoardStatus;
  objectCount(): number;
  /** The laser dots painted now, in canvas pixels. */
  laserDots(): { userId: string; x: number; y: number }[];
  /** Where the shown courseware page lies on the canvas, in canvas (CSS) pixels; null for a page without courseware. */
  pageRect(): { x: number; y: number; width: number; height: number } | null;
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
  root.className = 'board-root';
  const stage = document.createElement('div');
  stage.dataset.testid = 'board-canvas';
  stage.className = 'board-stage';
  const canvasElement = document.createElement('canvas');
  const progress = document.createElement('progress');
  progress.dataset.testid = 'board-courseware-progress';
  progress.className = 'board-progress';
  progress.max = 1;
  progress.hidden = true;
  const pageError = document.createElement('div');
  pageError.dataset.testid = 'board-courseware-error';
  pageError.className = 'board-page-error';
  pageError.setAttribute('role', 'alert');
  pageError.hidden = true;
  // Fabric wraps the canvas where it stands (with its upper canvas for input): it must be in the stage first.
  stage.append(canvasElement);
  root.append(stage);
  container.append(root);

  const view = new FabricBoard(canvasElement, board, Math.max(1, container.clientWidth), Math.max(1, container.clientHeight));
  // Courseware pages are fitted to the board ("fit page" unless the person chose "fit width"), again on each page and
  // resize, until they zoom or pan by hand. A page without courseware is shown as drawn, at the origin.
  let chosenFit: FitMode = 'page';
  let fitted = true;
  let pageSize: Size | null = null;
  const pageSizes = new Map<string, Size>();
  const applyFit = () => {
    stage.dataset.fit = fitted ? chosenFit : 'free';
    if (!fitted) return;
    view.setViewport(pageSize ? fitViewport(chosenFit, pageSize, { width: stage.clientWidth, height: stage.clientHeight }) : IDENTITY);
  };
  const controls = {
    fit: (mode: FitMode) => {
      chosenFit = mode;
      fitted = true;
      toolbar.markFit(mode);
      applyFit();
    },
    zoom: (factor: number) => view.zoomBy(factor),
  };
  const toolbar = buildToolbar(view, board, controls, options.viewOnly);
  view.onViewMoved = () => {
    fitted = false;
    toolbar.markFit(null);
    stage.dataset.fit = 'free';
  };
  toolbar.markFit(chosenFit);
  stage.append(progress, pageError, toolbar.status);
  if (options.viewOnly) root.prepend(toolbar.strip);
  else root.prepend(toolbar.rail, toolbar.strip);
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
    const sizeKey = page && page.kind !== 'blank' ? `${page.asset}#${page.page}` : '';
    // A new page is fitted afresh, with the size it had when last shown (known once it is drawn).
    pageSize = pageSizes.get(sizeKey) ?? null;
    fitted = true;
    toolbar.markFit(chosenFit);
    applyFit();
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
      pageSize = { width: result.image.width, height: result.image.height };
      pageSizes.set(sizeKey, pageSize);
      applyFit();
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
    if (event.type === 'status') toolbar.showStatus(event.status);
    if (event.type === 'page') showBackground();
  });
  toolbar.showStatus(board.status());

  const resize = new ResizeObserver(() => {
    view.resize(Math.max(1, stage.clientWidth), Math.max(1, stage.clientHeight));
    applyFit();
  });
  resize.observe(stage);

  const hook: BoardDebugHook = {
    serialize: (pageId) => board.serialize(pageId ?? board.pageId),
    status: () => board.status(),
    objectCount: () => view.objectCount,
    laserDots: () => view.laserDots(),
    pageRect: () => (pageSize && view.canvas.backgroundImage ? pageRect(view.viewport, pageSize) : null),
  };
  window.__board = hook;
  host.sendTelemetry([{ type: 'init', component: 'board', ok: true }]);
  board.start();
  options.boardReady?.(board);
  options.coursewareReady?.({ reload: reloadCourseware });
  options.commandsReady?.({
    undo: () => board.undo(),
    redo: () => board.redo(),
    deleteSelection: () => {
      if (board.canDraw) view.deleteSelection();
    },
    useTool: (tool) => toolbar.chooseTool(tool),
    fit: controls.fit,
    zoom: controls.zoom,
  });

  return () => {
    unsubscribe();
    resize.disconnect();
    board.dispose();
    view.dispose();
    root.remove();
    if (window.__board === hook) delete window.__board;
  };
}
