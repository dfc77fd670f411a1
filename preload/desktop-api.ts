import type { BackendStatus, DesktopApi, IpcChannel, IpcEvent, IpcRequest, IpcResponse, UpdateStatus } from '../shared/ipc/contract';

/**
 * The slice of ipcRenderer the bridge uses. Only types come from shared/: a sandboxed preload can require nothing
 * but electron, so the schemas (zod) stay in main, which validates every request anyway.
 */
export interface IpcBridge {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type Args<C extends IpcChannel> = IpcRequest<C> extends undefined ? [] : [request: IpcRequest<C>];

/** Builds `window.desktop`: one method per contract channel, events as subscribe functions returning unsubscribe. */
export function createDesktopApi(ipc: IpcBridge): DesktopApi {
  const call = <C extends IpcChannel>(channel: C, ...args: Args<C>) => ipc.invoke(channel, ...args) as Promise<IpcResponse<C>>;
  /** Subscribes to a main-process event; the IPC event object (it carries the sender) never reaches the page. */
  const subscribe = <T>(event: IpcEvent, listener: (payload: T) => void) => {
    const relay = (_event: unknown, payload: unknown) => listener(payload as T);
    ipc.on(event, relay);
    return () => void ipc.removeListener(event, relay);
  };

  return {
    app: { info: () => call('app:info') },
    settings: { get: () => call('settings:get'), update: (patch) => call('settings:update', patch) },
    token: { issue: (credentials) => call('token:issue', credentials), refresh: (token) => call('token:refresh', { token }) },
    backend: {
      status: () => call('backend:status'),
      onStatus: (listener) => subscribe<BackendStatus>('backend:status', listener),
    },
    notify: { show: (notification) => call('notify:show', notification) },
    screen: { sources: () => call('screen:sources'), choose: (id) => call('screen:choose', { id }) },
    updates: {
      status: () => call('updates:status'),
      onStatus: (listener) => subscribe<UpdateStatus>('updates:status', listener),
      restartNow: () => call('updates:restartNow'),
      later: () => call('updates:later'),
    },
    classroom: { setClassState: (state) => call('classroom:setClassState', state) },
  };
}
