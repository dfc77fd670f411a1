import type { Claims, Role } from '../../shared/auth/claims';
import type { ConnectionSettings, Credentials, TokenResult } from '../../shared/ipc/contract';

export interface DemoAccount {
  username: string;
  password: string;
  role: Exclude<Role, 'service'>;
}

/** The embedded classroom backend of local mode. */
export interface LocalBackend {
  wsUrl: string;
  classes: number | null;
  demoAccounts: DemoAccount[];
}

/** Where the local backend is: running, still starting (Electron), or not there (with the reason, when known). */
export type LocalBackendLookup =
  | { status: 'ready'; backend: LocalBackend }
  | { status: 'starting' }
  | { status: 'absent'; reason: string };

export type VerifyResult = { ok: true; claims: Claims } | Extract<TokenResult, { ok: false }>;

/** What the console needs from where it runs: Electron (window.desktop) or a plain browser served by the backend. */
export interface Platform {
  kind: 'desktop' | 'browser';
  /** The local backend; without one, only remote mode is offered. */
  localBackend(): Promise<LocalBackendLookup>;
  /** Calls back when the local backend's status may have changed; returns the unsubscribe function. */
  watchLocalBackend(onChange: () => void): () => void;
  issueToken(credentials: Credentials): Promise<TokenResult>;
  refreshToken(token: string): Promise<TokenResult>;
  /** Checks a pasted token with the backend; null when this platform cannot check before connecting. */
  verifyToken(token: string): Promise<VerifyResult | null>;
  /** Stable per installation; part of the MQTT client id so the persistent session survives reloads. */
  installId(): Promise<string>;
  loadConnection(): Promise<ConnectionSettings | null>;
  saveConnection(settings: Partial<ConnectionSettings>): Promise<void>;
}
