import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC, IPC_EVENTS, type IpcChannel, type IpcEvent } from '../../shared/ipc/contract';
import type { IpcDispatch } from '../ipc/dispatcher';
import type { IpcSender } from '../ipc/sender';

function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame === null ? null : frame.url,
    isMainFrame: frame !== null && frame.parent === null,
  };
}

/** One `ipcMain.handle` per contract channel; every call goes through the validating dispatcher. */
export function registerIpc(dispatch: IpcDispatch): void {
  for (const channel of Object.keys(IPC) as IpcChannel[]) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(channel, senderOf(event), args));
  }
}

/** Pushes an event to the given pages, after checking it against the contract. */
export function broadcast<E extends IpcEvent>(targets: Iterable<WebContents>, event: E, payload: unknown): void {
  const checked = IPC_EVENTS[event].parse(payload);
  for (const contents of targets) {
    if (!contents.isDestroyed()) contents.send(event, checked);
  }
}
