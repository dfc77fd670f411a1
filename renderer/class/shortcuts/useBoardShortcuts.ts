import { useEffect, type RefObject } from 'react';
import type { BoardCommands, BoardToolName } from '../../board/contract';
import { turnPage } from '../layout/pageTurn';
import type { OpenClass } from '../OpenClass';
import { keyBelongsToFocus, shortcutFor, type ShortcutAction } from './ShortcutsHelp';

const TOOL_ACTIONS: ReadonlySet<ShortcutAction> = new Set<BoardToolName>(['select', 'pen', 'highlighter', 'line', 'arrow', 'rect', 'ellipse', 'text', 'eraser', 'laser', 'pan']);

/** What a shortcut does on the board or to the course; false when it did nothing (the key is left to the page). */
function run(action: ShortcutAction, board: BoardCommands, openClass: OpenClass, canTurnPages: boolean): boolean {
  if (TOOL_ACTIONS.has(action)) return board.useTool(action as BoardToolName);
  switch (action) {
    case 'undo':
      board.undo();
      return true;
    case 'redo':
      board.redo();
      return true;
    case 'delete':
      board.deleteSelection();
      return true;
    case 'fitPage':
      board.fit('page');
      return true;
    case 'fitWidth':
      board.fit('width');
      return true;
    case 'zoomIn':
      board.zoom(1.25);
      return true;
    case 'zoomOut':
      board.zoom(0.8);
      return true;
    case 'nextPage':
      return canTurnPages && turnPage(openClass, 1);
    case 'previousPage':
      return canTurnPages && turnPage(openClass, -1);
    default:
      return false; // the help opens itself (ShortcutsHelp)
  }
}

/**
 * The class screen's keyboard shortcuts (SHORTCUTS in ShortcutsHelp.tsx) for the board and, for the teacher, page
 * turns. A key typed into a text field, a menu or a dialog stays there.
 */
export function useBoardShortcuts(commands: RefObject<BoardCommands | null>, openClass: OpenClass, canTurnPages: boolean, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const board = commands.current;
      if (!board || event.defaultPrevented || keyBelongsToFocus(event.target)) return;
      const action = shortcutFor(event);
      if (action && run(action, board, openClass, canTurnPages)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, openClass, canTurnPages, enabled]);
}
