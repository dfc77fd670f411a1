import type { AedesOptions, AedesPublishPacket, AuthenticateError, Client, PublishPacket, Subscription } from 'aedes';
import { inScope, type Claims } from '../../shared/auth/claims';
import { serviceUserId } from '../../shared/auth/client-id';
import { inBreakout, parentOf } from '../../shared/protocol/breakouts';
import { authorize, retainAllowed, type AclDecision } from '../../shared/protocol/acl';
import { AUTHORED_KINDS, PERSON_CLEARABLE_KINDS, namedAuthors } from '../../shared/protocol/authorship';
import { decode } from '../../shared/protocol/codec';
import { KINDS, MAX_PAYLOAD_BYTES } from '../../shared/protocol/kinds';
import { filter, parseTopic, type TopicKind } from '../../shared/protocol/topics';
import { REMEDIES } from '../../shared/tags/catalogue';
import { admit, CONNACK, type ConnackRefusal } from '../auth/admission';
import type { Verified } from '../auth/tokens';
import { BreakoutBook } from '../classroom/breakout-book';
import { RoomBook } from '../classroom/room-book';


export interface Denial {
  clientId: string | null;
  user: string | null;
  action: 'connect' | 'publish' | 'subscribe' | 'forward';
  topic: string;
  why: string;
}

export interface AccessOptions {
  verify(token: string): Promise<Verified>;
  root: string;
  /**
   * Close a connection when its token expires (EMQX's `disconnect_after_expire`). Off by default: MQTT 3.1.1 cannot
   * re-authenticate a live connection, so this costs every client a reconnect (and a last will) per token lifetime.
   */
  disconnectOnExpiry?: boolean;
  /** Every refusal, for logs and tests. */
  onDenied?(denial: Denial): void;
}

/** Board kinds a person may publish only while the shared drawing rule lets them draw. */
const DRAWING_KINDS: ReadonlySet<TopicKind> = new Set(['boardOps', 'boardLive', 'laser']);

/** What a student placed in a breakout group may not do in the class itself until the round ends. */
const GROUPED_AWAY_KINDS: ReadonlySet<TopicKind> = new Set(['boardOps', 'boardLive', 'laser', 'hand']);

/** The only publisher of breakout state the broker believes. */
const BREAKOUTS_USER = serviceUserId('breakouts');

/**
 * Remedies are the supervisors' and the dispatcher's: a teacher's console must not restart a student's media or move
 * them to another line. Resyncing the board stays a classroom control the teacher also has.
 */
const REMEDY_ACTIONS: ReadonlySet<string> = new Set(REMEDIES.filter((action) => action !== 'resync-board'));

/** What `restoreRooms` needs of a persistence: its retained messages matching a filter. */
export interface RetainedSource {
  createRetainedStream(pattern: string): AsyncIterable<{ topic: string; payload: Buffer | string }>;
}

type Hooks = Required<Pick<AedesOptions, 'authenticate' | 'authorizePublish' | 'authorizeSubscribe' | 'authorizeForward'>>;

/** State about the sender themselves that a console sends or clears as it leaves a room. */
const OWN_STATE_KINDS: ReadonlySet<TopicKind> = new Set(['presence', 'boardSync', 'mediaState']);

/**
 * A console leaving a breakout group after its round ended (or after being moved) says goodbye there: its own
 * presence, page and media state, or the clearing of its own hand, in a group of a class in its token's scope. Only
 * these publishes are let through, so leaving never costs the connection; reading the group stays refused.
 */
function leavingGroup(claims: Claims, packet: PublishPacket, root: string): boolean {
  const parsed = parseTopic(packet.topic, root);
  if (!parsed || claims.role === 'service') return false;
  const params = parsed.params as { classId?: string; userId?: string };
  const parent = params.classId === undefined ? null : parentOf(params.classId);
  if (parent === null || params.userId !== claims.sub || !inScope(claims, parent)) return false;
  if (OWN_STATE_KINDS.has(parsed.kind)) return true;
  return parsed.kind === 'hand' && payloadLength(packet.payload) === 0;
}

function refusal(returnCode: ConnackRefusal, message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

function payloadLength(payload: PublishPacket['payload']): number {
  return typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
}

/**
 * Authentication and authorisation for the embedded broker. The JWT in the password is the only source of rights:
 * the username must equal the token's subject, and the client id must be one of that identity's own
 * (shared/auth/client-id.ts), so nobody can displace another client or take over its session. A token is checked when a connection
 * opens (and, with `disconnectOnExpiry`, the connection is closed when it expires).
 */
export class BrokerAccess {
  private readonly claims = new WeakMap<Client, Claims>();
  private readonly expiryTimers = new Map<Client, NodeJS.Timeout>();
  /** The latest claims each user connected with: how services learn a requester's name, role and scope. */
  private readonly byUser = new Map<string, Claims>();
  /** Drawing grants, from every authorised `room` publish and the retained rooms found at start. */
  readonly rooms = new RoomBook();
  /** Breakout groups, from the breakouts service's publishes and the retained states found at start: group membership. */
  readonly breakouts = new BreakoutBook();

  constructor(private readonly options: AccessOptions) {}

  /**
   * The claims of the user's most recent authenticated connection, if any, with the breakout groups they may use now
   * (so services check a group's requests like any class's).
   */
  claimsOfUser(userId: string): Claims | undefined {
    const claims = this.byUser.get(userId);
    return claims && this.breakouts.scopeOf(claims);
  }

  /**
   * Reads the retained rooms and breakout states of a (re)opened persistence, so grants and groups made before a
   * restart still hold.
   */
  async restoreRooms(persistence: RetainedSource): Promise<void> {
    for await (const packet of persistence.createRetainedStream(filter('room', {}, this.options.root))) {
      this.noteRoom(packet.topic, typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload, true);
    }
    for await (const packet of persistence.createRetainedStream(filter('breakouts', {}, this.options.root))) {
      this.noteBreakouts(packet.topic, typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload, true);
    }
  }

  claimsOf(client: Client): Claims | undefined {
    return this.claims.get(client);
  }

  /** Forgets a disconnected client's expiry timer. */
  forget(client: Client): void {
    clearTimeout(this.expiryTimers.get(client));
    this.expiryTimers.delete(client);
  }

  hooks(): Hooks {
    return {
      authenticate: (client, username, password, done) => {
        void this.authenticate(client, username, password).then(
          () => done(null, true),
          (error: AuthenticateError) => done(error, false),
        );
      },
      authorizePublish: (client, packet, done) => {
        const decision = this.checkPublish(client, packet);
        if (decision.allowed) {
          this.noteRoom(packet.topic, packet.payload, packet.retain);
          if (client && this.claims.get(client)?.sub === BREAKOUTS_USER) this.noteBreakouts(packet.topic, packet.payload, packet.retain);
          return done(null);
        }
        this.deny(client, 'publish', packet.topic, decision.why);
        // Aedes closes the connection of a client whose publish is refused (EMQX's `deny_action = disconnect`).
        done(new Error(`publish to ${packet.topic} refused: ${decision.why}`));
      },
      authorizeSubscribe: (client, subscription, done) => {
        const claims = this.claims.get(client);
        const decision: AclDecision = claims
          ? authorize(this.breakouts.scopeOf(claims), 'subscribe', subscription.topic, this.options.root)
          : { allowed: false, why: 'not authenticated' };
        if (!decision.allowed) {
          this.deny(client, 'subscribe', subscription.topic, decision.why);
          return done(null, null); // SUBACK 0x80 for this filter; the others in the packet are unaffected
        }
        const granted: Subscription = { ...subscription, qos: Math.min(subscription.qos, 1) as Subscription['qos'] };
        done(null, granted);
      },
      // Checked per delivered message too, so subscriptions restored from a persistent session (which may have been
      // made under another token with the same client id) never deliver anything the current token may not read.
      authorizeForward: (client, packet: AedesPublishPacket) => {
        const claims = this.claims.get(client);
        if (!claims) return null;
        const decision = authorize(this.breakouts.scopeOf(claims), 'subscribe', packet.topic, this.options.root);
        if (decision.allowed) return packet;
        this.deny(client, 'forward', packet.topic, decision.why);
        return null;
      },
    };
  }

  private async authenticate(client: Client, username: string | undefined, password: Buffer | undefined): Promise<void> {
    // Checked before Aedes looks the client id up, so a refused id never displaces the connection or session owning it.
    const admission = await admit(this.options.verify, { username, password: password ? password.toString('utf8') : '', clientId: client.id });
    if (!admission.ok) {
      this.deny(client, 'connect', '', admission.why, username);
      throw refusal(admission.code, admission.why);
    }
    const { claims, expiresAt } = admission;
    // The will is published later on the client's behalf, so it must be a message the client may publish now.
    const will = (client as Client & { _will?: PublishPacket | null })._will;
    if (will) {
      const decision = this.publishDecision(claims, will);
      if (!decision.allowed) {
        this.deny(client, 'connect', will.topic, `last will refused: ${decision.why}`, username);
        throw refusal(CONNACK.notAuthorized, `last will refused: ${decision.why}`);
      }
    }
    this.claims.set(client, claims);
    this.byUser.set(claims.sub, claims);
    if (this.options.disconnectOnExpiry) this.scheduleExpiry(client, expiresAt);
  }

  private checkPublish(client: Client | null, packet: PublishPacket): AclDecision {
    if (packet.topic.startsWith('$')) return { allowed: false, why: '$ topics are reserved for the broker' };
    // A will of a client that is gone: it was checked when that client connected.
    if (client === null) return { allowed: true };
    const claims = this.claims.get(client);
    if (!claims) return { allowed: false, why: 'not authenticated' };
    return this.publishDecision(claims, packet);
  }

  private publishDecision(claims: Claims, packet: PublishPacket): AclDecision {
    const size = payloadLength(packet.payload);
    if (size > MAX_PAYLOAD_BYTES) return { allowed: false, why: `${size} bytes exceeds the ${MAX_PAYLOAD_BYTES}-byte limit` };
    let decision = authorize(this.breakouts.scopeOf(claims), 'publish', packet.topic, this.options.root);
    if (!decision.allowed && leavingGroup(claims, packet, this.options.root)) decision = { allowed: true };
    if (!decision.allowed) return decision;
    if (packet.retain && !retainAllowed(packet.topic, this.options.root)) {
      return { allowed: false, why: 'this kind of message may not be retained' };
    }
    const parsed = parseTopic(packet.topic, this.options.root);
    if (parsed) {
      // Per-kind limits hold people's clients to the protocol. Backend services are trusted publishers, bounded by
      // the global limit only, which also lets tests hand consoles the oversized messages a laxer broker would pass.
      const limit = claims.role === 'service' ? MAX_PAYLOAD_BYTES : KINDS[parsed.kind].maxBytes;
      if (size > limit) return { allowed: false, why: `${size} bytes exceeds the ${limit}-byte limit of ${parsed.kind}` };
      if (claims.role === 'student' && GROUPED_AWAY_KINDS.has(parsed.kind) && size > 0) {
        // A student in a breakout group works in the group until the round ends, not on the class's board (clearing
        // their own hand there is still fine).
        const classId = (parsed.params as { classId: string }).classId;
        if (parentOf(classId) === null && inBreakout(claims, classId, this.breakouts.lookup)) {
          return { allowed: false, why: `${claims.sub} is in a breakout group of ${classId}` };
        }
      }
      if (claims.role !== 'service' && DRAWING_KINDS.has(parsed.kind)) {
        // The ACL has already checked the class is in the sender's scope, so a teacher here teaches the class.
        const classId = (parsed.params as { classId: string }).classId;
        if (!this.rooms.mayDraw(classId, { userId: claims.sub, teaches: claims.role === 'teacher' })) {
          return { allowed: false, why: `no drawing rights in ${classId}` };
        }
      }
      if (claims.role !== 'service') return this.contentDecision(claims, packet, parsed.kind);
    }
    return decision;
  }

  /**
   * What a person publishes is checked against the protocol where a receiver cannot undo the damage: anything the
   * broker would retain, and any message naming its author (which must be the sender). An empty payload on a
   * retained kind clears it, which a person may do only to their own per-participant state.
   */
  private contentDecision(claims: Claims, packet: PublishPacket, kind: TopicKind): AclDecision {
    const bytes = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    if (bytes.length === 0 && KINDS[kind].retain) {
      return PERSON_CLEARABLE_KINDS.has(kind) ? { allowed: true } : { allowed: false, why: `${kind} may be cleared only by the backend` };
    }
    if (!packet.retain && !AUTHORED_KINDS.has(kind)) return { allowed: true };
    const decoded = decode(packet.topic, bytes, this.options.root, packet.retain);
    if (!decoded.ok) return { allowed: false, why: `not a valid ${kind}: ${decoded.detail}` };
    if (decoded.kind === 'cleared') return { allowed: false, why: `${kind} may be cleared only by the backend` };
    const foreign = namedAuthors(decoded).find((author) => author !== claims.sub);
    if (foreign !== undefined) return { allowed: false, why: `a ${kind} naming ${foreign} as its author, from ${claims.sub}` };
    if (decoded.kind === 'command' && claims.role === 'teacher' && REMEDY_ACTIONS.has(decoded.message.action)) {
      return { allowed: false, why: `${decoded.message.action} is a remedy: supervisors and the dispatcher send those` };
    }
    return { allowed: true };
  }

  /** Feeds the room registry from an authorised publish; anything that is not a valid room is ignored. */
  private noteRoom(topicName: string, payload: PublishPacket['payload'], retained: boolean): void {
    const parsed = parseTopic(topicName, this.options.root);
    if (parsed?.kind !== 'room') return;
    const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const decoded = decode(topicName, bytes, this.options.root, retained);
    if (decoded.ok) this.rooms.note(decoded);
  }

  /** Feeds the breakout book from the breakouts service's publish; a cleared state forgets the class's groups. */
  private noteBreakouts(topicName: string, payload: PublishPacket['payload'], retained: boolean): void {
    const parsed = parseTopic(topicName, this.options.root);
    if (parsed?.kind !== 'breakouts') return;
    const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const decoded = decode(topicName, bytes, this.options.root, retained);
    if (!decoded.ok) return;
    if (decoded.kind === 'cleared') this.breakouts.clear(decoded.parsed.params.classId!);
    else if (decoded.kind === 'breakouts' && decoded.message.classId === decoded.params.classId) this.breakouts.update(decoded.message);
  }

  private scheduleExpiry(client: Client, expiresAt: number): void {
    this.forget(client);
    // setTimeout holds at most 2^31-1 ms; a token that lives longer is re-checked when that timer fires.
    const delay = Math.min(Math.max(expiresAt - Date.now(), 0), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      this.expiryTimers.delete(client);
      if (Date.now() < expiresAt) return this.scheduleExpiry(client, expiresAt);
      if (!client.closed) {
        this.deny(client, 'connect', '', 'token expired; the client must reconnect with a fresh token');
        client.close();
      }
    }, delay);
    timer.unref();
    this.expiryTimers.set(client, timer);
  }

  private deny(client: Client | null, action: Denial['action'], topic: string, why: string, username?: string): void {
    const user = client ? (this.claims.get(client)?.sub ?? username ?? null) : null;
    this.options.onDenied?.({ clientId: client?.id ?? null, user, action, topic, why });
  }
}
