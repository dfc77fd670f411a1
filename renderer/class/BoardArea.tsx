import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCommands, BoardMountOptions } from '../board/contract';
import type { OpenClass } from './OpenClass';
import { useBoardShortcuts } from './shortcuts/useBoardShortcuts';

type Unmount = (() => void) | { dispose(): void } | { unmount(): void } | void;
interface BoardModule {
  mountBoard(container: HTMLElement, options: BoardMountOptions): Unmount | Promise<Unmount>;
}

// The board (Fabric, pdf.js) loads lazily, and only once the board module exists: the glob is empty until then.
const boardModules = import.meta.glob<BoardModule>('../board/mount.{ts,tsx}');

function release(unmount: Unmount): void {
  if (typeof unmount === 'function') unmount();
  else if (unmount && 'dispose' in unmount) unmount.dispose();
  else if (unmount && 'unmount' in unmount) unmount.unmount();
}

/**
 * Where the whiteboard lives: the board takes the class's channel itself; the open class is its host. A read-only
 * board (the class has ended) is inert: it is still shown, but takes no input (and the open class's channel sends no
 * drawing into an ended class either). The board's keyboard shortcuts work while it takes input; page turns only for
 * whoever steers the class.
 */
export function BoardArea({ openClass, teacherId, readOnly = false, canTurnPages = false }: { openClass: OpenClass; teacherId: string; readOnly?: boolean; canTurnPages?: boolean }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const commands = useRef<BoardCommands | null>(null);
  useBoardShortcuts(commands, openClass, canTurnPages, !readOnly);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const element = container.current;
    const load = Object.values(boardModules)[0];
    if (!element || !load) return;
    let cancelled = false;
    let unmount: Unmount;
    void load().then(async (module) => {
      if (cancelled) return;
      unmount = await module.mountBoard(element, {
        channel: openClass.channel,
        host: openClass,
        participant: openClass.participant,
        teacherId,
        boardReady: (board) => {
          if (!cancelled) openClass.attachBoard(board);
        },
        coursewareReady: (control) => {
          if (!cancelled) openClass.attachCourseware(control);
        },
        commandsReady: (ready) => {
          if (!cancelled) commands.current = ready;
        },
      });
      if (cancelled) release(unmount);
    }).catch((error: unknown) => {
      if (cancelled) return;
      openClass.boardFailed(error);
      setFailure(error instanceof Error ? error.message : String(error));
    });
    return () => {
      cancelled = true;
      commands.current = null;
      openClass.attachBoard(null);
      openClass.attachCourseware(null);
      release(unmount);
    };
  }, [openClass, teacherId]);
  return (
    <div className="board-area" data-testid="board-area" data-read-only={readOnly} inert={readOnly} ref={container}>
      {Object.keys(boardModules).length === 0 && <p className="muted">{t('classroom.loadingBoard')}</p>}
      {failure !== null && (
        <p className="banner error" role="alert" data-testid="board-failed">
          {t('classroom.boardFailed', { reason: failure })}
        </p>
      )}
    </div>
  );
}
