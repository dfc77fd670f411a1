import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardMountOptions } from '../board/contract';
import type { ClassSession } from './ClassSession';

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

/** Where the whiteboard lives; the class session feeds it through the inbox the board hands back. */
export function BoardArea({ session, teacherId }: { session: ClassSession; teacherId: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
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
        transport: session,
        courseware: session,
        participant: session.participant,
        teacherId,
        inboxReady: (inbox) => {
          if (!cancelled) session.attachInbox(inbox);
        },
        coursewareReady: (control) => {
          if (!cancelled) session.attachCourseware(control);
        },
      });
      if (cancelled) release(unmount);
    }).catch((error: unknown) => {
      if (cancelled) return;
      session.boardFailed(error);
      setFailure(error instanceof Error ? error.message : String(error));
    });
    return () => {
      cancelled = true;
      session.attachCourseware(null);
      release(unmount);
    };
  }, [session, teacherId]);
  return (
    <div className="board-area" data-testid="board-area" ref={container}>
      {Object.keys(boardModules).length === 0 && <p className="muted">{t('classroom.loadingBoard')}</p>}
      {failure !== null && (
        <p className="banner error" role="alert" data-testid="board-failed">
          {t('classroom.boardFailed', { reason: failure })}
        </p>
      )}
    </div>
  );
}
