import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Verified } from '../auth/tokens';
import { sendJson } from '../http/json';
import type { HttpRoute } from '../http/route';
import type { BrokerStats } from './host';

export const BROKER_STATS_PATH = '/api/broker/stats';

/** What handleBrokerStats answers; docs/protocol.md ("HTTP API") lists it. */
export const BROKER_STATS_ROUTES: readonly HttpRoute[] = [{ method: 'GET', path: BROKER_STATS_PATH }];

export interface BrokerStatsRouteDeps {
  stats(): BrokerStats;
  verify(token: string): Promise<Verified>;
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: code, message });
}

/**
 * `GET /api/broker/stats` with a supervisor's or a service's bearer token: the embedded broker's connected clients
 * and its offline queue cap with the messages it dropped. Returns false for other paths.
 */
export async function handleBrokerStats(req: IncomingMessage, res: ServerResponse, deps: BrokerStatsRouteDeps): Promise<boolean> {
  if (new URL(req.url ?? '/', 'http://backend').pathname !== BROKER_STATS_PATH) return false;
  if (req.method !== 'GET') {
    res.setHeader('allow', 'GET');
    refuse(res, 405, 'method-not-allowed', 'read the broker stats with GET');
    return true;
  }
  const match = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '');
  if (!match) {
    refuse(res, 401, 'unauthenticated', 'send Authorization: Bearer <token>');
    return true;
  }
  const verified = await deps.verify(match[1]!);
  if (!verified.ok) {
    refuse(res, 401, verified.failure, verified.message);
    return true;
  }
  if (verified.claims.role !== 'supervisor' && verified.claims.role !== 'service') {
    refuse(res, 403, 'forbidden', 'only supervisors and backend services read the broker stats');
    return true;
  }
  sendJson(res, 200, deps.stats());
  return true;
}
