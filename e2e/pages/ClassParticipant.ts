import type { Browser, BrowserContext, Page } from '@playwright/test';
import { BoardPage } from './BoardPage';
import { ClassListPage } from './ClassListPage';
import { ClassPage } from './ClassPage';
import { ConnectionIndicator } from './ConnectionIndicator';
import { ConnectPage } from './ConnectPage';

/** One person in an open class, in a browser context of their own. */
export interface ClassParticipant {
  context: BrowserContext;
  page: Page;
  room: ClassPage;
  board: BoardPage;
  connection: ConnectionIndicator;
  close(): Promise<void>;
}

/** Signs a demo account in at `consoleUrl` in a fresh browser context and opens `classId`. */
export async function joinClass(browser: Browser, consoleUrl: string, username: string, classId: string): Promise<ClassParticipant> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const connect = new ConnectPage(page);
  await connect.open(consoleUrl);
  await connect.signInAsDemo(username);
  await new ClassListPage(page).waitForClasses(1);
  const room = new ClassPage(page);
  await room.open(classId);
  return { context, page, room, board: new BoardPage(page), connection: new ConnectionIndicator(page), close: () => context.close() };
}
