import { z } from 'zod';
import { PERSON_ROLES } from '../../shared/auth/claims';
import type { ConnectionSettings } from '../../shared/ipc/contract';
import { requestToken, verifyToken } from './backendApi';
import type { LocalBackendLookup, Platform } from './platform';

const Info = z.object({
  wsUrl: z.string(),
  classes: z.number().int().nonnegative().optional(),
  demoAccounts: z
    .array(z.object({ username: z.string(), password: z.string(), role: z.enum(PERSON_ROLES) }))
    .default([]),
});

const INSTALL_KEY = 'classroom-console.installId';
const CONNECTION_KEY = 'classroom-console.connection';

function randomId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/**
 * Browser mode: the page is served by the classroom backend, so its HTTP API is on the same origin. The install id
 * lives in sessionStorage: each tab is its own console with its own MQTT client id, so two tabs never take over
 * each other's connection.
 */
export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    async localBackend(): Promise<LocalBackendLookup> {
      try {
        const response = await fetch('/api/info');
        if (!response.ok) return { status: 'absent', reason: `/api/info answered HTTP ${response.status}` };
        const info = Info.parse(await response.json());
        // Same origin as the page, whatever host name the user typed; the backend serves MQTT at /mqtt.
        const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
        const backend = { wsUrl: `${scheme}://${location.host}/mqtt`, classes: info.classes ?? null, demoAccounts: info.demoAccounts };
        return { status: 'ready', backend };
      } catch (error) {
        return { status: 'absent', reason: (error as Error).message };
      }
    },
    watchLocalBackend: () => () => undefined,
    issueToken: (credentials) => requestToken('', '/api/login', credentials),
    refreshToken: (token) => requestToken('', '/api/refresh', { token }),
    verifyToken: (token) => verifyToken('', token),
    async installId() {
      let id = sessionStorage.getItem(INSTALL_KEY);
      if (!id) {
        id = randomId();
        sessionStorage.setItem(INSTALL_KEY, id);
      }
      return id;
    },
    async loadConnection() {
      try {
        const saved = JSON.parse(localStorage.getItem(CONNECTION_KEY) ?? 'null') as Partial<ConnectionSettings> | null;
        return saved ? { mode: 'local', brokerUrl: '', username: '', ...saved } : null;
      } catch {
        return null;
      }
    },
    async saveConnection(settings) {
      const current = (await this.loadConnection()) ?? { mode: 'local', brokerUrl: '', username: '' };
      localStorage.setItem(CONNECTION_KEY, JSON.stringify({ ...current, ...settings }));
    },
  };
}
