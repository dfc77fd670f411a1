import type { AuthFailure } from '../../shared/auth/claims';
import { ConnectionSettings, type TokenResult } from '../../shared/ipc/contract';
import { LinkClient, type FreshToken } from '../link/LinkClient';
import type { LinkConfig } from '../link/messages';
import { platform } from '../platform';
import { backToClasses, showLanding } from '../state/route';
import { useSignIn } from '../state/signIn';
import { appliersFor } from './appliers';
import type { SessionUser } from './ports';
import { Session } from './Session';
import { looksLikeJwt, readToken } from './token';

/**
 * The composition root of the console: sign-in makes the Session, sign-out disposes it. The Session is held here
 * only to end it; the console reaches it through React (SessionContext), handed over by `onSessionChange`.
 */
let current: Session | null = null;
/** How the current session signed in, so that signing in again asks for the same kind of secret. */
let credential: SignInCredential | null = null;

/** A password for this username from the local backend, a token (local mode), or the remote broker's secret. */
export type SignInCredential = { kind: 'password'; username: string } | { kind: 'token' } | { kind: 'remote' };
const sessionListeners = new Set<(session: Session | null) => void>();

/** Calls back with the signed-in Session, and with null once it ended; returns the unsubscribe. The console's root uses it. */
export function onSessionChange(listener: (session: Session | null) => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

function announce(session: Session | null): void {
  for (const listener of sessionListeners) listener(session);
}

/**
 * Finds the embedded backend of local mode, and looks again whenever its status changes (Electron starts it
 * alongside the window). Without one, the connect screen offers remote mode only. Returns the unsubscribe function.
 */
export function watchLocalBackend(): () => void {
  // The connect screen is up: the link the sign-in will need starts loading now.
  LinkClient.prewarm();
  const lookup = async () => {
    const local = await platform()
      .localBackend()
      .catch((error: unknown) => ({ status: 'absent' as const, reason: String(error) }));
    const saved = await platform().loadConnection().catch(() => null);
    const preferred = saved?.mode ?? 'local';
    useSignIn.setState({ local, mode: local.status === 'absent' ? 'remote' : preferred });
  };
  void lookup();
  return platform().watchLocalBackend(() => void lookup());
}

function fail(failure: AuthFailure, detail = ''): void {
  useSignIn.setState({ phase: 'signed-out', error: { failure, detail } });
}

function localWsUrl(): string | null {
  const local = useSignIn.getState().local;
  return local.status === 'ready' ? local.backend.wsUrl : null;
}

async function refreshed(token: string): Promise<FreshToken> {
  const result = await platform().refreshToken(token);
  if (!result.ok) return { error: `${result.failure}: ${result.message}` };
  return { token: result.token.token, expiresAt: expiryOf(result.token.token, result.token.expiresAt) };
}

/** The JWT's own `exp` when it has one; otherwise the issuer's figure (seconds or ms). */
function expiryOf(token: string, issuedExpiresAt: number): number {
  return readToken(token).expiresAt ?? (issuedExpiresAt < 1e12 ? issuedExpiresAt * 1000 : issuedExpiresAt);
}

/** Local mode, username and password: a token from the embedded backend, then the broker. */
export async function signInWithPassword(username: string, password: string): Promise<void> {
  useSignIn.setState({ phase: 'signing-in', error: null });
  const url = localWsUrl();
  if (!url) return fail('backend-unreachable');
  const result: TokenResult = await platform().issueToken({ username, password });
  if (!result.ok) return fail(result.failure, result.message);
  credential = { kind: 'password', username };
  await connectWithToken(url, result.token.token, expiryOf(result.token.token, result.token.expiresAt), true);
}

/** Local mode, a pasted token: checked by the backend first where it can be, so the screen can say what is wrong. */
export async function signInWithToken(token: string): Promise<void> {
  useSignIn.setState({ phase: 'signing-in', error: null });
  const url = localWsUrl();
  if (!url) return fail('backend-unreachable');
  const trimmed = token.trim();
  const verdict = await platform().verifyToken(trimmed);
  if (verdict && !verdict.ok) return fail(verdict.failure, verdict.message);
  const facts = readToken(trimmed);
  if (!facts.claims) return fail(looksLikeJwt(trimmed) ? 'token-claims' : 'token-malformed');
  credential = { kind: 'token' };
  await connectWithToken(url, trimmed, facts.expiresAt, true);
}

/** Remote mode: a real deployment's broker, with a password or a token as the MQTT password. */
export async function signInRemote(brokerUrl: string, username: string, secret: string): Promise<void> {
  useSignIn.setState({ phase: 'signing-in', error: null });
  const settings = ConnectionSettings.safeParse({ mode: 'remote', brokerUrl: brokerUrl.trim(), username: username.trim() });
  if (!settings.success || !settings.data.brokerUrl) return fail('backend-unreachable', 'the broker URL must start with ws:// or wss://');
  await platform().saveConnection(settings.data).catch(() => undefined);
  const facts = readToken(secret);
  const user: SessionUser = facts.claims
    ? { id: facts.claims.sub, name: facts.claims.name, role: personRole(facts.claims.role), classes: facts.claims.classes }
    : { id: settings.data.username, name: settings.data.username, role: null, classes: null };
  if (facts.claims && facts.claims.sub !== settings.data.username) return fail('not-authorized', 'the token belongs to another user');
  credential = { kind: 'remote' };
  await connect({ url: settings.data.brokerUrl, token: secret, tokenExpiresAt: facts.expiresAt, user, refreshable: false });
}

function personRole(role: string): SessionUser['role'] {
  return role === 'teacher' || role === 'student' || role === 'supervisor' || role === 'admin' ? role : null;
}

async function connectWithToken(url: string, token: string, expiresAt: number | null, refreshable: boolean): Promise<void> {
  const claims = readToken(token).claims;
  if (!claims) return fail('token-claims');
  const user: SessionUser = { id: claims.sub, name: claims.name, role: personRole(claims.role), classes: claims.classes };
  await platform().saveConnection({ mode: 'local' }).catch(() => undefined);
  await connect({ url, token, tokenExpiresAt: expiresAt, user, refreshable });
}

interface ConnectRequest {
  url: string;
  token: string;
  tokenExpiresAt: number | null;
  user: SessionUser;
  refreshable: boolean;
}

async function connect(request: ConnectRequest): Promise<void> {
  const installId = await platform().installId();
  // From here to `current = session` nothing waits: a sign-in started meanwhile ends this one, or this one ends it.
  endSession();
  const config: LinkConfig = {
    url: request.url,
    userId: request.user.id,
    name: request.user.name,
    role: request.user.role,
    classes: request.user.classes,
    token: request.token,
    tokenExpiresAt: request.tokenExpiresAt,
    installId,
  };
  const session = new Session({
    user: request.user,
    config,
    httpBase: httpBaseOf(request.url),
    refreshToken: request.refreshable ? refreshed : null,
    appliers: appliersFor(request.user.role),
  });
  current = session;
  const status = await session.connect();
  if (current !== session) {
    session.dispose();
    return;
  }
  if (status.state === 'connected') {
    showLanding();
    useSignIn.setState({ phase: 'signed-in', error: null });
    announce(session);
  } else {
    current = null;
    session.dispose();
    fail(status.failure ?? 'backend-unreachable', status.detail);
  }
}

/**
 * The HTTP side of the backend behind a broker URL. In browser mode the console is served by the backend itself and
 * Electron forwards app://console/api/*, so the page's own origin is used whenever it serves HTTP.
 */
function httpBaseOf(brokerUrl: string): string {
  if (location.protocol === 'http:' || location.protocol === 'https:' || location.protocol === 'app:') return '';
  const url = new URL(brokerUrl);
  return `${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}`;
}

/** What signing in again asks for, while the current session lasts. */
export function signInAgainCredential(): SignInCredential | null {
  return current ? credential : null;
}

/** Why signing in again did not work: a failure the connect screen also knows, or another user's credentials. */
export type SignInAgainProblem = { failure: AuthFailure | 'other-user' | 'empty'; detail: string };

/**
 * Signs in again within the running session, as the same user, after the broker stopped accepting its token (a
 * backend that restarted without its signing keys). Nothing is torn down: the open class, what was typed and what
 * waits to be sent stay, and go out once the link reconnects with the new token. Resolves with why not, or null.
 */
export async function signInAgain(secret: string): Promise<SignInAgainProblem | null> {
  const session = current;
  if (!session || !credential) return { failure: 'backend-unreachable', detail: 'not signed in' };
  if (!secret.trim()) return { failure: 'empty', detail: '' };
  if (credential.kind === 'password') {
    const result: TokenResult = await platform().issueToken({ username: credential.username, password: secret });
    if (!result.ok) return { failure: result.failure, detail: result.message };
    const token = result.token.token;
    const sub = readToken(token).claims?.sub;
    if (sub !== session.user.id) return { failure: 'other-user', detail: sub ?? '' };
    if (current === session) session.resume(token, expiryOf(token, result.token.expiresAt));
    return null;
  }
  const trimmed = secret.trim();
  const facts = readToken(trimmed);
  if (credential.kind === 'token' && !facts.claims) return { failure: looksLikeJwt(trimmed) ? 'token-claims' : 'token-malformed', detail: '' };
  if (facts.claims && facts.claims.sub !== session.user.id) return { failure: 'other-user', detail: facts.claims.sub };
  session.resume(trimmed, facts.expiresAt);
  return null;
}

/** Ends the signed-in (or signing-in) Session: it says goodbye, and everything it received is forgotten. */
function endSession(): void {
  const session = current;
  current = null;
  if (!session) return;
  session.signOut();
  announce(null);
}

export function signOut(): void {
  endSession();
  LinkClient.prewarm();
  backToClasses();
  useSignIn.setState({ phase: 'signed-out', error: null });
}
