import type { Board } from '../model/Board';
import type { BoardStatus } from '../model/boardEvents';
import { TOOLS, type FabricBoard, type Tool } from './FabricBoard';
import { text } from './strings';

const COLOURS = ['#1f2937', '#ef4444', '#2563eb', '#16a34a', '#f59e0b', '#ffffff'];
const DRAWING_TOOLS: ReadonlySet<Tool> = new Set(TOOLS.filter((t) => t !== 'pan'));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, testId?: string): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  if (testId) node.setAttribute('data-testid', testId);
  return node;
}

/**
 * The board's toolbar and status line, in plain DOM (all text through textContent, never markup). Drawing tools are
 * disabled with the reason shown when the user may not draw.
 */
export function buildToolbar(root: HTMLElement, view: FabricBoard, board: Board): (status: BoardStatus) => void {
  const bar = el('div', { className: 'board-toolbar' }, 'board-toolbar');
  bar.style.cssText = 'display:flex;flex-wrap:wrap;gap:4px;align-items:center;padding:4px';
  const toolButtons = new Map<Tool, HTMLButtonElement>();
  for (const tool of TOOLS) {
    const button = el('button', { type: 'button', textContent: text(tool) }, `board-tool-${tool}`);
    button.addEventListener('click', () => {
      view.setTool(tool);
      markTool();
    });
    toolButtons.set(tool, button);
    bar.append(button);
  }
  const markTool = () => {
    for (const [tool, button] of toolButtons) button.setAttribute('aria-pressed', String(view.currentTool === tool));
  };

  const actions: [string, string, () => void, boolean][] = [
    ['undo', 'board-undo', () => board.undo(), true],
    ['redo', 'board-redo', () => board.redo(), true],
    ['delete', 'board-delete', () => view.deleteSelection(), true],
    ['clear', 'board-clear', () => board.clearPage(), true],
    ['zoomIn', 'board-zoom-in', () => view.zoomBy(1.25), false],
    ['zoomOut', 'board-zoom-out', () => view.zoomBy(0.8), false],
    ['resetView', 'board-reset-view', () => view.resetView(), false],
  ];
  const drawingButtons: HTMLButtonElement[] = [];
  for (const [key, testId, run, drawing] of actions) {
    const button = el('button', { type: 'button', textContent: text(key as Parameters<typeof text>[0]) }, testId);
    button.addEventListener('click', run);
    if (drawing) drawingButtons.push(button);
    bar.append(button);
  }

  const colour = el('select', { title: text('colour') }, 'board-colour');
  for (const c of COLOURS) colour.append(el('option', { value: c, textContent: c }));
  colour.addEventListener('change', () => (view.style = { ...view.style, stroke: colour.value }));
  const width = el('input', { type: 'range', min: '1', max: '24', value: String(view.style.strokeWidth), title: text('width') }, 'board-width');
  width.addEventListener('input', () => (view.style = { ...view.style, strokeWidth: Number(width.value) }));
  const textInput = el('input', { type: 'text', maxLength: 2_000, placeholder: text('textPlaceholder') }, 'board-text-input');
  textInput.addEventListener('input', () => (view.pendingText = textInput.value));
  bar.append(colour, width, textInput);

  const status = el('div', { className: 'board-status' }, 'board-status');
  status.setAttribute('role', 'status');
  const block = el('span', {}, 'board-block-reason');
  const unsent = el('span', {}, 'board-unsent');
  const sync = el('span', {}, 'board-sync-state');
  const rejected = el('span', {}, 'board-rejected');
  status.style.cssText = 'display:flex;gap:12px;padding:0 4px;font-size:12px;min-height:16px';
  status.append(block, unsent, sync, rejected);
  root.append(bar, status);
  markTool();

  // The status changes with every op sent and acknowledged: only what changed is written to the DOM.
  let last: BoardStatus | null = null;
  let lastBad = -1;
  return (s: BoardStatus) => {
    if (!last || last.canDraw !== s.canDraw || last.block !== s.block || last.canUndo !== s.canUndo || last.canRedo !== s.canRedo) {
      for (const [tool, button] of toolButtons) {
        const off = DRAWING_TOOLS.has(tool) && !s.canDraw;
        button.disabled = off;
        button.title = off && s.block ? text(`block.${s.block}`) : text(tool);
      }
      for (const button of drawingButtons) button.disabled = !s.canDraw;
      (drawingButtons[0] as HTMLButtonElement).disabled = !s.canDraw || !s.canUndo;
      (drawingButtons[1] as HTMLButtonElement).disabled = !s.canDraw || !s.canRedo;
      colour.disabled = width.disabled = textInput.disabled = !s.canDraw;
      block.textContent = s.block ? text(`block.${s.block}`) : '';
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
    last = s;
  };
}
