import type {
  AppInfo, BackendStatus, ClassStateReport, Credentials, Notification, RestartResult, Settings, SettingsPatch, TokenResult, UpdateStatus,
} from '../../shared/ipc/contract';
import { toScreenSource, type CapturerSource, type ScreenChoice } from '../screen-share';
import type { IpcHandlers } from './dispatcher';

/**
 * What the IPC handlers need from the rest of main. main/electron/index.ts fills it with Electron's app,
 * desktopCapturer and Notification and with the plain parts (settings store, backend host, token client); tests
 * fill it with fakes.
 */
export interface ConsolePorts {
  appInfo(): AppInfo;
  settings: { get(): Settings; update(patch: SettingsPatch): Promise<Settings> };
  backend: { start(): void; status(): BackendStatus };
  tokens: { issue(credentials: Credentials): Promise<TokenResult>; refresh(token: string): Promise<TokenResult> };
  notify(notification: Notification): boolean;
  /** desktopCapturer.getSources for screens and windows, with thumbnails. */
  listScreens(): Promise<readonly CapturerSource[]>;
  screenChoice: ScreenChoice;
  /** The update controller (main/updates/controller.ts), or a stand-in where the app cannot update itself. */
  updates: { status(): UpdateStatus; restartNow(): Promise<RestartResult>; later(): Promise<UpdateStatus> };
  /** Where the console's class state goes: the update policy holds every install while a class is live or near. */
  classroom: { setClassState(report: ClassStateReport): boolean };
}

/** One handler per contract channel. The dispatcher has validated each request before a handler sees it. */
export function createIpcHandlers(ports: ConsolePorts): IpcHandlers {
  return {
    'app:info': () => ports.appInfo(),
    'settings:get': () => ports.settings.get(),
    'settings:update': async (patch) => {
      const next = await ports.settings.update(patch);
      // Choosing local mode starts the embedded backend (a no-op when it already runs).
      if (next.connection.mode === 'local') ports.backend.start();
      return next;
    },
    'token:issue': (credentials) => ports.tokens.issue(credentials),
    'token:refresh': ({ token }) => ports.tokens.refresh(token),
    'backend:status': () => ports.backend.status(),
    'notify:show': (notification) => ports.notify(notification),
    'screen:sources': async () => {
      const sources = await ports.listScreens();
      ports.screenChoice.offered(sources.map((source) => source.id));
      return sources.map(toScreenSource);
    },
    'screen:choose': ({ id }) => ports.screenChoice.choose(id),
    'updates:status': () => ports.updates.status(),
    'updates:restartNow': () => ports.updates.restartNow(),
    'updates:later': () => ports.updates.later(),
    'classroom:setClassState': (report) => ports.classroom.setClassState(report),
  };
}
