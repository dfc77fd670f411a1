import type { Board } from '../model/Board';
import type { BoardStatus } from '../model/boardEvents';
import { el } from './dom';
import { TOOLS, type FabricBoard, type Tool } from './FabricBoard';
import type { FitMode } from './fit';
import { text } from './strings';
import { buildSwatches } from './swatches';

const DRAWING_TOOLS: ReadonlySet<Tool> = new Set(TOOLS.filter((t) => t !== 'pan'));

/** What the view buttons do: the mount keeps the fit mode, so a resize or a page turn fits again. */
export interface ViewControls {
  fit(mode: FitMode): void;
  zoom(factor: number): void;
}

export interface Toolbar {
  /** The tools and edits, in a column beside the board. */
  rail: HTMLElement;
  /** Colour, stroke width, text and the view, in a row above the board. */
  strip: HTMLElement;
  /** The status line (why drawing is off, unsent changes, sync), laid over the board's bottom edge. */
  status: HTMLElement;
  showStatus(status: BoardStatus): void;
  /** Picks a tool as its button would; false when it is off (no drawing rights). */
  chooseTool(tool: Tool): boolean;
  /** Marks the fit mode in use (none once the view was zoomed or moved by hand). */
  markFit(mode: FitMode | null): void;
}

/**
 * The board's tools, colour swatches and view buttons, and its status line, in plain DOM (all text through
 * textContent, never markup). Drawing tools are disabled with the reason shown when the user may not draw. A
 * view-only board (a replay) gets its view buttons alone, and no drawing-rights note.
 */
export function buildToolbar(view: FabricBoard, board: Board, controls: ViewControls, viewOnly = false): Toolbar {
  const rail = el('div', { className: 'board-rail' }, 'board-toolbar');
  rail.setAttribute('role', 'toolbar');
  rail.setAttribute('aria-orientation', 'vertical');
  rail.setAttribute('aria-label', text('tools'));
  const toolButtons = new Map<Tool, HTMLButtonElement>();
  const markTool = () => {
    for (const [tool, button] of toolButtons) button.setAttribute('aria-pressed', String(view.currentTool === tool));
  };
  const chooseTool = (tool: Tool): boolean => {
    if (toolButtons.get(tool)?.disabled) return false;
    view.setTool(tool);
    markTool();
    return true;
  };
  for (const tool of TOOLS) {
    const button = el('button', { type: 'button', textContent: text(tool) }, `board-tool-${tool}`);
    button.addEventListener('click', () => chooseTool(tool));
    toolButtons.set(tool, button);
    rail.append(button);
  }
  rail.append(el('hr'));

  const edits: [key: 'undo' | 'redo' | 'delete' | 'clear', testId: string, run: () => void][] = [
    ['undo', 'board-undo', () => board.undo()],
    ['redo', 'board-redo', () => board.redo()],
    ['delete', 'board-delete', () => view.deleteSelection()],
    ['clear', 'board-clear', () => board.clearPage()],
  ];
  const editButtons = edits.map(([key, testId, run]) => {
    const button = el('button', { type: 'button', textContent: text(key), title: text(key) }, testId);
    button.addEventListener('click', run);
    rail.append(button);
    return button;
  });
  const [undoButton, redoButton] = editButtons as [HTMLButtonElement, HTMLButtonElement, ...HTMLButtonElement[]];

  const strip = el('div', { className: 'board-strip' }, 'board-strip');
  const swatches = buildSwatches(view.style.stroke, (hex) => (view.style = { ...view.style, stroke: hex }));
  const width = el('input', { type: 'range', min: '1', max: '24', value: String(view.style.strokeWidth), title: text('width') }, 'board-width');
  width.setAttribute('aria-label', text('width'));
  width.addEventListener('input', () => (view.style = { ...view.style, strokeWidth: Number(width.value) }));
  const textInput = el('input', { type: 'text', maxLength: 2_000, placeholder: text('textPlaceholder') }, 'board-text-input');
  textInput.setAttribute('aria-label', text('textPlaceholder'));
  textInput.addEventListener('input', () => (view.pendingText = textInput.value));

  const viewGroup = el('div', { className: 'board-view-tools' });
  viewGroup.setAttribute('role', 'group');
  viewGroup.setAttribute('aria-label', text('viewTools'));
  const viewButton = (label: string, testId: string, run: () => void) => {
    const button = el('button', { type: 'button', textContent: label }, testId);
    button.addEventListener('click', run);
    viewGroup.append(button);
    return button;
  };
  viewButton('−', 'board-zoom-out', () => controls.zoom(0.8)).setAttribute('aria-label', text('zoomOut'));
  viewButton('+', 'board-zoom-in', () => controls.zoom(1.25)).setAttribute('aria-label', text('zoomIn'));
  const fitButtons: Record<FitMode, HTMLButtonElement> = {
    page: viewButton(text('fitPage'), 'board-fit-page', () => controls.fit('page')),
    width: viewButton(text('fitWidth'), 'board-fit-width', () => controls.fit('width')),
  };
  if (viewOnly) strip.append(viewGroup);
  else strip.append(swatches.element, width, textInput, viewGroup);

  const status = el('div', { className: 'board-status' }, 'board-status');
  status.setAttribute('role', 'status');
  const block = el('span', {}, 'board-block-reason');
  const unsent = el('span', {}, 'board-unsent');
  const sync = el('span', {}, 'board-sync-state');
  const rejected = el('span', {}, 'board-rejected');
  status.append(block, unsent, sync, rejected);
  markTool();

  // The status changes with every op sent and acknowledged: only what changed is written to the DOM.
  let last: BoardStatus | null = null;
  let lastBad = -1;
  const showStatus = (s: BoardStatus) => {
    if (!last || last.canDraw !== s.canDraw || last.block !== s.block || last.canUndo !== s.canUndo || last.canRedo !== s.canRedo) {
      for (const [tool, button] of toolButtons) {
        const off = DRAWING_TOOLS.has(tool) && !s.canDraw;
        button.disabled = off;
        button.title = off && s.block ? text(`block.${s.block}`) : text(tool);
      }
      for (const button of editButtons) button.disabled = !s.canDraw;
      undoButton.disabled = !s.canDraw || !s.canUndo;
      redoButton.disabled = !s.canDraw || !s.canRedo;
      width.disabled = textInput.disabled = !s.canDraw;
      swatches.setDisabled(!s.canDraw);
      block.textContent = s.block && !viewOnly ? text(`block.${s.block}`) : '';
      markTool();
    }
    if (!last || last.unsent !== s.unsent) {
      unsent.textContent = s.unsent > 0 ? text('unsent', { count: s.unsent }) : '';
      unsent.dataset.count = String(s.unsent);
    }
    if (!last || last.resyncFailed !== s.resyncFailed || last.resyncing !== s.resyncing) {
      sync.textContent = s.resyncFailed ? text('resyncFailed') : s.resyncing ? text('resyncing') : '';
    }
    const bad = Object.values(s.rejected).reduce((a, b) => a + b, 0);
    if (bad !== lastBad) {
      rejected.textContent = bad > 0 ? text('rejected', { count: bad }) : '';
      rejected.dataset.count = String(bad);
      lastBad = bad;
    }
    status.hidden = !block.textContent && !unsent.textContent && !sync.textContent && !rejected.textContent;
    last = s;
  };
  const markFit = (mode: FitMode | null) => {
    for (const [key, button] of Object.entries(fitButtons)) button.setAttribute('aria-pressed', String(key === mode));
  };
  return { rail, strip, status, showStatus, chooseTool, markFit };
}
