import { DEFAULT_ROOT } from '../../shared/protocol';
import { LinkClassChannel } from '../link/classChannel';
import { LinkClient, type FreshToken } from '../link/LinkClient';
import type { ConnectionStatus, JoinOptions, LinkBatch, LinkConfig } from '../link/messages';
import { addNote } from '../state/diagnostics';
import type { BatchApplier, ReportsPort, SessionEndpoints, SessionUser, SupervisorPort } from './ports';

export interface SessionOptions {
  user: SessionUser;
  config: LinkConfig;
  /** The backend's HTTP base for assets; '' for the page's own origin. */
  httpBase: string;
  /** Where a fresh token comes from, given the current one; null when the credential cannot be refreshed. */
  refreshToken: ((token: string) => Promise<FreshToken>) | null;
  /** Who applies each batch: the core stores always, a supervisor's only for supervisors. */
  appliers: readonly BatchApplier[];
  /** The link to use; by default a new link worker. */
  link?: (refresh: () => Promise<FreshToken>) => LinkClient;
}

/** How long a signed-out link has to say goodbye (offline presence, DISCONNECT) before its worker ends. */
const GOODBYE_MS = 1_000;

/**
 * The signed-in session: made at sign-in and disposed at sign-out. It owns the link (the worker's client), the
 * endpoints and the token, applies each batch through its appliers, and hands each feature a port: a class channel
 * per open class, the supervisor port to supervisors, class controls to the class list. Nothing else reaches the link.
 */
export class Session {
  readonly user: SessionUser;
  readonly endpoints: SessionEndpoints;
  /** Supervisors' port; null for everyone else. */
  readonly supervisor: SupervisorPort | null;
  private readonly link: LinkClient;
  private readonly config: LinkConfig;
  private readonly appliers: readonly BatchApplier[];
  private token: string;
  private readonly closeListeners = new Set<() => void>();
  private closed = false;

  constructor(options: SessionOptions) {
    this.user = options.user;
    this.config = options.config;
    this.appliers = options.appliers;
    this.token = options.config.token;
    const refresh = options.refreshToken;
    const supply = async (): Promise<FreshToken> => {
      if (!refresh) return { error: 'this sign-in cannot be refreshed' };
      const fresh = await refresh(this.token);
      if ('token' in fresh) this.token = fresh.token;
      return fresh;
    };
    this.link = options.link ? options.link(supply) : LinkClient.spawn(refresh ? supply : null);
    this.endpoints = { httpBase: options.httpBase, token: () => this.token };
    this.supervisor = options.user.role === 'supervisor' ? this.supervisorPort() : null;
    this.link.onBatch((batch) => this.receive(batch));
    this.link.onRejected((_id, message) => addNote({ at: Date.now(), level: 'error', text: `an action was not queued: ${message}` }));
    this.link.onFailure((text) => addNote({ at: Date.now(), level: 'error', text }));
  }

  /** Connects; resolves with the first settled status (connected, or why not). */
  connect(): Promise<ConnectionStatus> {
    const outcome = this.link.outcome();
    this.link.connect(this.config);
    return outcome;
  }

  /**
   * The channel of a class to open. The open class joins with it; from then until it leaves, the channel takes the
   * class's traffic from the link itself (after the appliers have seen each batch).
   */
  classChannel(classId: string, options: JoinOptions): LinkClassChannel {
    return new LinkClassChannel({ classId, userId: this.user.id, root: this.config.root ?? DEFAULT_ROOT, join: options, link: this.link });
  }

  /** The reports service, for the Reports screen (teachers, supervisors and admins; the service decides who reads what). */
  readonly reports: ReportsPort = (method, params) => this.link.request('reports', method, params);

  /** A teacher starts or ends a class (from the class list or the class bar). */
  controlClass(classId: string, action: 'start' | 'end'): void {
    this.link.act({ kind: 'classControl', classId, action });
  }

  /** Carries on with a token from signing in again, as the same user: the link reconnects and sends what waited. */
  resume(token: string, expiresAt: number | null): void {
    if (this.closed) return;
    this.token = token;
    this.link.renewToken(token, expiresAt);
  }

  /** Calls back once when the session ends (signed out or dropped); returns the unsubscribe. */
  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Signs out: the link says goodbye before its worker ends, and everything received is forgotten. */
  signOut(): void {
    if (this.closed) return;
    this.link.disconnect();
    setTimeout(() => this.link.dispose(), GOODBYE_MS);
    this.end();
  }

  /** Ends at once (a sign-in that did not connect). */
  dispose(): void {
    if (this.closed) return;
    this.link.dispose();
    this.end();
  }

  private end(): void {
    this.closed = true;
    for (const applier of this.appliers) applier.reset();
    for (const listener of this.closeListeners) listener();
    this.closeListeners.clear();
  }

  private receive(batch: LinkBatch): void {
    if (this.closed) return;
    for (const applier of this.appliers) applier.apply(batch);
  }

  private supervisorPort(): SupervisorPort {
    const link = this.link;
    return {
      dispatcher: (method, params) => link.request('dispatcher', method, params),
      publish: (classId, publication) => link.publish(classId, publication),
      watchClass: (classId) => link.watchClass(classId),
    };
  }
}
