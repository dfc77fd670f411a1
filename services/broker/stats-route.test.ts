import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type RunningBackend } from '../backend';
import { DEFAULT_OFFLINE_QUEUE_CAP } from './offline-queue-cap';

let backend: RunningBackend;

beforeAll(async () => {
  backend = await startBackend({ classes: 0, tagger: false });
});

afterAll(async () => {
  await backend.close();
});

async function personToken(username: string): Promise<string> {
  const issued = await backend.issueToken(username, 'demo');
  if (!issued.ok) throw new Error(`${username} could not sign in`);
  return issued.token.token;
}

function getStats(token?: string, method = 'GET'): Promise<Response> {
  return fetch(`${backend.httpUrl}/api/broker/stats`, { method, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
}

describe('GET /api/broker/stats', () => {
  it.each([
    ['a supervisor', () => personToken('supervisor1')],
    ['a backend service', () => backend.serviceToken('tester')],
  ])('answers %s with connected clients and the offline queue counters', async (_who, token) => {
    const response = await getStats(await token());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      // The backend's own services (board, moderation, dispatcher) are connected.
      connectedClients: expect.any(Number),
      offlineQueue: { cap: DEFAULT_OFFLINE_QUEUE_CAP, dropped: 0, droppedBySession: {} },
    });
  });

  it('answers 401 without a valid bearer token, and 403 to teachers and students', async () => {
    expect((await getStats()).status).toBe(401);
    expect((await getStats('not-a-token')).status).toBe(401);
    expect((await getStats(await personToken('teacher1'))).status).toBe(403);
    expect((await getStats(await personToken('student1'))).status).toBe(403);
  });

  it('answers 405 to anything but GET', async () => {
    const response = await getStats(await personToken('supervisor1'), 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});
