import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { BackendFixture } from '../fixtures';
import { BoardPage } from './BoardPage';
import { ClassListPage } from './ClassListPage';
import { ClassPage } from './ClassPage';
import { ConnectionIndicator } from './ConnectionIndicator';
import { ConnectPage } from './ConnectPage';
import { MediaTiles } from './MediaTiles';

/** One person in an open class, in a browser context of their own. */
export interface ClassParticipant {
  context: BrowserContext;
  page: Page;
  room: ClassPage;
  board: BoardPage;
  connection: ConnectionIndicator;
  media: MediaTiles;
  close(): Promise<void>;
}

export interface JoinOptions {
  /** Open the class as a participant, or observe it (supervisors). */
  how?: 'open' | 'observe';
  /** How many classes the account's list shows once loaded (1 for a teacher or student of one class). */
  listed?: number;
  /** A device whose clock is off: the page's Date.now() is shifted by this much (timers and workers are untouched). */
  clockSkewMs?: number;
  /** Someone who is not a demo account signs in with this token (see `studentToken`). */
  token?: string;
  viewport?: { width: number; height: number };
  /** Called with the page before it loads the console (to watch its WebSockets, say). */
  onPage?(page: Page): void;
}

/** A token the backend signs for a student of `classId` who is not a demo account ("Pupil <id>"). */
export async function studentToken(server: BackendFixture, userId: string, classId: string): Promise<string> {
  return (await server.internals.tokens.sign({ sub: userId, name: `Pupil ${userId}`, role: 'student', classes: [classId] })).token;
}

/** Signs a person in at `consoleUrl` in a fresh browser context (a demo account, or with `token`) and opens (or observes) `classId`. */
export async function joinClass(browser: Browser, consoleUrl: string, username: string, classId: string, options: JoinOptions = {}): Promise<ClassParticipant> {
  const { how = 'open', listed = 1, clockSkewMs = 0 } = options;
  const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
  if (clockSkewMs !== 0) {
    await context.addInitScript((skew) => {
      const now = Date.now.bind(Date);
      Date.now = () => now() + skew;
    }, clockSkewMs);
  }
  const page = await context.newPage();
  options.onPage?.(page);
  const connect = new ConnectPage(page);
  await connect.open(consoleUrl);
  if (options.token) await connect.signInWithToken(options.token);
  else await connect.signInAsDemo(username);
  await new ClassListPage(page).waitForClasses(listed);
  const room = new ClassPage(page);
  await room.open(classId, how);
  return { context, page, room, board: new BoardPage(page), connection: new ConnectionIndicator(page), media: new MediaTiles(page), close: () => context.close() };
}
