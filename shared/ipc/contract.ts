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

/**
 * What the console tells main about classes, whenever it changes (a class screen opens or closes, a class of this
 * person goes live or ends, the schedule changes, sign-in and sign-out). Main never installs an update or asks to
 * restart while `live`, or within the admin policy's lead time before `startsAt`.
 */
export const ClassStateReport = z.strictObject({
  /** A class screen is open (teaching, taking part or observing), or a class this person takes part in is live. */
  live: z.boolean(),
  /** The earliest start (ms since the epoch) among this person's scheduled classes; null when none is scheduled. */
  startsAt: z.number().int().nonnegative().max(8_640_000_000_000_000).nullable(),
  /** false when nobody is signed in: main then keeps the start time it last heard. */
  signedIn: z.boolean(),
});
export type ClassStateReport = z.infer<typeof ClassStateReport>;

const short = (max: number) => z.string().max(max);

/** What the desktop app's updater is doing, for the console's status line (main/updates/policy.ts decides it). */
export const UpdateStatus = z.strictObject({
  state: z.enum([
    /** This copy cannot update itself (not an installed app, or the platform's updater is missing): `detail` says why. */
    'unavailable',
    /** The admin policy turned updates off. */
    'disabled',
    /** The admin policy file is present but unusable: nothing downloads or installs until it is fixed. */
    'held',
    'idle',
    'checking',
    /** `version` is offered and accepted; the download has not started (class time, or a retry is due later). */
    'available',
    'downloading',
    /** The download waits for class time to end. */
    'paused',
    /** Downloaded, waiting for a fresh answer from the release service or for the retry backoff. */
    'waiting',
    /** Downloaded and verified against the signed manifest; installs at the next allowed moment. */
    'ready',
    /** The last install or download of `version` failed: `failure` says why and whether it will be tried again. */
    'failed',
  ]),
  currentVersion: short(64),
  /** The version being taken. */
  version: short(64).optional(),
  /** `version` is older than the current one: a rollback, by a signed revoke mark. */
  rollback: z.boolean().optional(),
  progress: z
    .strictObject({
      percent: z.number().min(0).max(100),
      transferred: z.number().nonnegative(),
      total: z.number().nonnegative(),
      bytesPerSecond: z.number().nonnegative(),
    })
    .optional(),
  /** Why nothing installs now: a class is live, starts soon, or the console has not said yet. */
  hold: z.enum(['class-live', 'class-soon', 'class-unknown']).nullable(),
  /** Offer "restart now / at the end of the day". */
  prompt: z.boolean(),
  /** "Restart now" would install now. */
  canRestartNow: z.boolean(),
  /** The update installs when the app quits. */
  installAtQuit: z.boolean().optional(),
  policy: z.discriminatedUnion('source', [
    z.strictObject({ source: z.literal('default'), updates: z.literal('on') }),
    z.strictObject({
      source: z.literal('file'),
      path: short(500),
      updates: z.enum(['on', 'off']),
      ring: short(32).optional(),
      pin: short(32).optional(),
      window: short(32).optional(),
    }),
    z.strictObject({ source: z.literal('invalid'), path: short(500), problem: short(500) }),
  ]),
  failure: z
    .strictObject({
      reason: short(300),
      attempts: z.number().int().nonnegative(),
      /** No further attempt at this version. */
      gaveUp: z.boolean(),
      retryInMs: z.number().nonnegative().optional(),
    })
    .optional(),
  /** The release service offered a version this install does not take, and why (pinned, halted, …). */
  refused: short(300).optional(),
  checkError: short(300).optional(),
  detail: short(300).optional(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

/** The answer to "restart now": done (the app is restarting), or refused with the reason the person sees. */
export const RestartResult = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), reason: short(300) }),
]);
export type RestartResult = z.infer<typeof RestartResult>;

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
  'updates:status': channel(z.undefined(), UpdateStatus),
  /** Install the ready update now (refused during class time, or when nothing is ready). */
  'updates:restartNow': channel(z.undefined(), RestartResult),
  /** "At the end of the day": no prompt again today; the update installs at quit or in the maintenance window. */
  'updates:later': channel(z.undefined(), UpdateStatus),
  'classroom:setClassState': channel(ClassStateReport, z.boolean()),
} as const;

export type IpcChannel = keyof typeof IPC;
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof IPC)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof IPC)[C]['response']>;

/** Main pushes these to the renderer; preload lets the renderer subscribe, nothing more. */
export const IPC_EVENTS = {
  'backend:status': BackendStatus,
  'updates:status': UpdateStatus,
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
  updates: {
    status(): Promise<UpdateStatus>;
    onStatus(listener: (status: UpdateStatus) => void): () => void;
    restartNow(): Promise<RestartResult>;
    later(): Promise<UpdateStatus>;
  };
  classroom: { setClassState(state: ClassStateReport): Promise<boolean> };
}
