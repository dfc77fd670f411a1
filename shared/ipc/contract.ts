import { z } from 'zod';
import { AuthFailureCode, Role } from '../auth/claims';

/**
 * The whole IPC surface between the renderer and main. Main validates every request against these schemas before a
 * handler sees it; preload exposes them as `window.desktop`, one method per channel.
 */
export const ConnectionSettings = z.object({
  mode: z.enum(['local', 'remote']),
  /** ws:// or wss:// URL of a real deployment's broker, used in remote mode. */
  brokerUrl: z.string().max(500).regex(/^wss?:\/\/[^\s]+$/, 'a ws:// or wss:// URL').or(z.literal('')),
  username: z.string().max(64),
});
export type ConnectionSettings = z.infer<typeof ConnectionSettings>;

export const Settings = z.object({
  connection: ConnectionSettings,
  /** Stable per installation: part of the console's MQTT client id, so its persistent session survives restarts. */
  installId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = z.object({ connection: ConnectionSettings.partial().optional() });
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const IssuedToken = z.object({ token: z.string().min(1).max(8192), expiresAt: z.number().int(), role: Role });
export type IssuedToken = z.infer<typeof IssuedToken>;

export const TokenResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), token: IssuedToken }),
  z.object({ ok: z.literal(false), failure: AuthFailureCode, message: z.string().max(500) }),
]);
export type TokenResult = z.infer<typeof TokenResult>;

export const BackendStatus = z.object({
  state: z.enum(['off', 'starting', 'ready', 'failed']),
  /** Where the embedded backend listens, when it is ready. */
  wsUrl: z.string().optional(),
  httpUrl: z.string().optional(),
  classes: z.number().int().nonnegative().optional(),
  error: z.string().max(2000).optional(),
});
export type BackendStatus = z.infer<typeof BackendStatus>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  electron: z.string(),
  /** Where `npm start` found the renderer: the packaged app, or a dev server. */
  packaged: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const Notification = z.object({
  title: z.string().min(1).max(120),
  body: z.string().max(500),
  severity: z.enum(['info', 'warning', 'critical']),
});
export type Notification = z.infer<typeof Notification>;

/**
 * A screen or window the desktop app can share (Electron's desktopCapturer). Ids look like `screen:0:0` or
 * `window:1234:0`; the thumbnail is a small PNG data URL, or empty.
 */
export const ScreenSource = z.object({
  id: z.string().regex(/^(screen|window):\d+:\d+$/).max(100),
  name: z.string().max(300),
  kind: z.enum(['screen', 'window']),
  thumbnail: z.string().max(400_000).regex(/^data:image\/png;base64,[A-Za-z0-9+/=]*$/).or(z.literal('')),
});
export type ScreenSource = z.infer<typeof ScreenSource>;

export const Credentials = z.object({ username: z.string().min(1).max(64), password: z.string().max(256) });
export type Credentials = z.infer<typeof Credentials>;

function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

export const IPC = {
  'app:info': channel(z.undefined(), AppInfo),
  'settings:get': channel(z.undefined(), Settings),
  'settings:update': channel(SettingsPatch, Settings),
  'token:issue': channel(Credentials, TokenResult),
  'token:refresh': channel(z.object({ token: z.string().min(1).max(8192) }), TokenResult),
  'backend:status': channel(z.undefined(), BackendStatus),
  'notify:show': channel(Notification, z.boolean()),
  /** What can be shared now; choosing one of them makes it the answer to the page's next getDisplayMedia(). */
  'screen:sources': channel(z.undefined(), z.array(ScreenSource).max(100)),
  'screen:choose': channel(z.object({ id: ScreenSource.shape.id }), z.boolean()),
} as const;

export type IpcChannel = keyof typeof IPC;
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof IPC)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof IPC)[C]['response']>;

/** Main pushes these to the renderer; preload lets the renderer subscribe, nothing more. */
export const IPC_EVENTS = {
  'backend:status': BackendStatus,
} as const;
export type IpcEvent = keyof typeof IPC_EVENTS;

/** The `window.desktop` API that preload exposes. Absent in browser mode. */
export interface DesktopApi {
  app: { info(): Promise<AppInfo> };
  settings: { get(): Promise<Settings>; update(patch: SettingsPatch): Promise<Settings> };
  token: { issue(credentials: Credentials): Promise<TokenResult>; refresh(token: string): Promise<TokenResult> };
  backend: { status(): Promise<BackendStatus>; onStatus(listener: (status: BackendStatus) => void): () => void };
  notify: { show(notification: Notification): Promise<boolean> };
  screen: { sources(): Promise<ScreenSource[]>; choose(id: string): Promise<boolean> };
}
