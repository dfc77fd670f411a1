import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { Credentials } from '../../shared/ipc/contract';
import { admit } from '../auth/admission';
import type { TokenService } from '../auth/tokens';
import { BadRequest, readJsonObject, sendJson } from './json';
import type { HttpRoute } from './route';

export interface BackendInfo {
  wsUrl: string;
  mqttUrl: string;
  classes: number;
  root: string;
  demoAccounts: { username: string; password: string; role: string; classes: string[] | '*' }[];
}

export interface ApiDeps {
  tokens: TokenService;
  info(): BackendInfo;
  onError?(error: unknown): void;
}

const TokenBody = z.object({ token: z.string().min(1).max(8192) });

/** What EMQX's HTTP authenticator posts, with the body template of docs/operations.md. */
const BrokerConnectBody = z.object({ clientid: z.string().max(256), username: z.string().max(256), password: z.string().max(8192) });

type Route = (req: IncomingMessage, deps: ApiDeps) => Promise<{ status: number; body: unknown }>;

async function parseBody<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.infer<S>> {
  const result = schema.safeParse(await readJsonObject(req));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new BadRequest(issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid body');
  }
  return result.data;
}

const routes: Record<string, Record<string, Route>> = {
  '/api/info': {
    GET: async (_req, deps) => ({ status: 200, body: deps.info() }),
  },
  '/api/jwks': {
    GET: async (_req, deps) => ({ status: 200, body: deps.tokens.jwks() }),
  },
  '/api/login': {
    POST: async (req, deps) => {
      const { username, password } = await parseBody(req, Credentials);
      const result = await deps.tokens.issue(username, password);
      return result.ok ? { status: 200, body: result.token } : { status: 401, body: { failure: result.failure, message: result.message } };
    },
  },
  '/api/refresh': {
    POST: async (req, deps) => {
      const { token } = await parseBody(req, TokenBody);
      const result = await deps.tokens.refresh(token);
      return result.ok ? { status: 200, body: result.token } : { status: 401, body: { failure: result.failure, message: result.message } };
    },
  },
  '/api/broker/authenticate': {
    // Always 200 with allow or deny: EMQX treats any other answer as "ignore" and would try the next authenticator.
    POST: async (req, deps) => {
      const { clientid, username, password } = await parseBody(req, BrokerConnectBody);
      const admission = await admit((token) => deps.tokens.verify(token), { username, password, clientId: clientid });
      return { status: 200, body: admission.ok ? { result: 'allow', is_superuser: false } : { result: 'deny', reason: admission.why } };
    },
  },
  '/api/verify': {
    POST: async (req, deps) => {
      const { token } = await parseBody(req, TokenBody);
      const result = await deps.tokens.verify(token);
      return result.ok
        ? { status: 200, body: { ok: true, claims: result.claims, expiresAt: result.expiresAt } }
        : { status: 401, body: { failure: result.failure, message: result.message } };
    },
  },
};

/** Every method and path above; docs/protocol.md ("HTTP API") lists them, and its drift test compares. */
export const API_ROUTES: readonly HttpRoute[] = Object.entries(routes).flatMap(([path, methods]) =>
  Object.keys(methods).map((method) => ({ method, path })),
);

/**
 * A browser sends Origin with every cross-site POST; refusing a foreign one keeps other web pages from using the
 * API from a user's browser. Requests without Origin (Electron main, command-line tools) are not from a web page.
 */
function crossSite(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/** Answers /api/* requests; returns false for any other path. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://backend').pathname;
  if (path !== '/api' && !path.startsWith('/api/')) return false;
  const methods = routes[path];
  if (!methods) {
    sendJson(res, 404, { error: 'not-found', message: `no API at ${path}` });
    return true;
  }
  const route = methods[req.method ?? 'GET'];
  if (!route) {
    res.setHeader('allow', Object.keys(methods).join(', '));
    sendJson(res, 405, { error: 'method-not-allowed', message: `${path} accepts ${Object.keys(methods).join(', ')}` });
    return true;
  }
  if (req.method !== 'GET' && crossSite(req)) {
    sendJson(res, 403, { error: 'cross-site', message: 'requests from other origins are refused' });
    return true;
  }
  try {
    const { status, body } = await route(req, deps);
    sendJson(res, status, body);
  } catch (error) {
    if (error instanceof BadRequest) sendJson(res, error.status, { error: 'bad-request', message: error.message });
    else {
      deps.onError?.(error);
      sendJson(res, 500, { error: 'internal', message: 'the backend failed to answer' });
    }
  }
  return true;
}
