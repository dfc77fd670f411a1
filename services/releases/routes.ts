import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Verified } from '../auth/tokens';
import { BadRequest, sendJson } from '../http/json';
import type { HttpRoute } from '../http/route';
import { ADMIN_ROUTES } from './admin-routes';
import { ReleaseError } from './errors';
import { INSTALL_ROUTES } from './install-routes';
import type { ReleaseService } from './release-service';
import type { RouteContext, RouteSpec } from './route-spec';
import { requireBearer } from './bearer';

export interface ReleaseRoutesDeps {
  service: ReleaseService;
  verify(token: string): Promise<Verified>;
  onError?(error: unknown): void;
}

const SPECS: readonly RouteSpec[] = [...INSTALL_ROUTES, ...ADMIN_ROUTES];

/** What handleReleases answers; docs/protocol.md ("HTTP API") lists it, and its drift test compares. */
export const RELEASE_ROUTES: readonly HttpRoute[] = SPECS.map(({ method, path }) => ({ method, path }));

const PREFIX = '/api/releases';

function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const value = got[i]!;
    if (segment.startsWith('{')) {
      try {
        params[segment.slice(1, -1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (segment !== value) {
      return null;
    }
  }
  return params;
}

/** Answers /api/releases and everything under it; returns false for any other path. */
export async function handleReleases(req: IncomingMessage, res: ServerResponse, deps: ReleaseRoutesDeps): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://backend');
  const path = url.pathname;
  if (path !== PREFIX && !path.startsWith(`${PREFIX}/`)) return false;
  // Literal paths (feed, files, audit, …) come before {version}: no version is spelled like them.
  const candidates = SPECS.map((spec) => ({ spec, params: match(spec.path, path) })).filter((c) => c.params !== null);
  const chosen = candidates.find((c) => c.spec.method === req.method);
  try {
    if (candidates.length === 0) throw new ReleaseError(404, 'not-found', `no API at ${path}`);
    if (!chosen) {
      const allow = candidates.filter((c) => c.spec.path === candidates[0]!.spec.path).map((c) => c.spec.method);
      res.setHeader('allow', allow.join(', '));
      throw new ReleaseError(405, 'method-not-allowed', `${path} accepts ${allow.join(', ')}`);
    }
    const { spec, params } = chosen;
    const bearer =
      spec.auth === 'none'
        ? null
        : spec.auth === 'read'
          ? await requireBearer(req, deps.verify, ['admin', 'supervisor'], 'admins and supervisors read releases')
          : await requireBearer(req, deps.verify, ['admin'], 'admins change releases');
    const context: RouteContext = { req, res, url, params: params!, service: deps.service, bearer };
    await spec.handle(context);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
    } else if (error instanceof ReleaseError) {
      sendJson(res, error.status, { error: error.code, message: error.message });
    } else if (error instanceof BadRequest) {
      sendJson(res, error.status, { error: 'bad-request', message: error.message });
    } else {
      deps.onError?.(error);
      sendJson(res, 500, { error: 'internal', message: 'the release service failed to answer' });
    }
    // A refused upload is not read to its end: close the connection rather than wait for the rest of the body.
    if (!req.complete) res.once('finish', () => req.destroy());
  }
  return true;
}
