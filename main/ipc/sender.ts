import { isAppUrl } from '../app-origin';

/** Who sent an IPC message, as far as main can tell (Electron's `event.sender` / `event.senderFrame`). */
export interface IpcSender {
  webContentsId: number;
  /** The sending frame's URL; null when the frame is gone (navigated away or destroyed). */
  frameUrl: string | null;
  isMainFrame: boolean;
}

/**
 * A sender is trusted only when it is the main frame of one of the console's own windows and that frame is showing
 * the app itself, so a frame that navigated elsewhere or an embedded frame can never reach a handler.
 */
export function isTrustedSender(sender: IpcSender, consoleWebContents: ReadonlySet<number>): boolean {
  return consoleWebContents.has(sender.webContentsId) && sender.isMainFrame && sender.frameUrl !== null && isAppUrl(sender.frameUrl);
}
