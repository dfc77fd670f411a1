import type { MediaLine, RtcSignal } from '../../../shared/protocol';
import type { RosterEntry } from '../../class/classroom';
import type { ClassMessage } from '../../link/messages';
import type { OutgoingTracks } from '../LocalMedia';
import type { MediaTransport, RemotePeer, TransportEvents } from '../transport';
import { PeerLink } from './PeerLink';
import type { IgnoredBecause } from './signalGate';

/** A connection to someone outside the roster (an observer) that stays down this long is dropped. */
const UNLISTED_GRACE_MS = 30_000;

export interface P2PMeshOptions {
  userId: string;
  role: 'teacher' | 'student' | 'supervisor' | 'admin';
  /** Observers receive only: they offer nothing and nobody sees them. */
  observer: boolean;
  line(): MediaLine | null;
  tracks(): OutgoingTracks;
  /** When this window joined the call (MediaState.since). */
  since(): number;
  send(to: string, signal: RtcSignal): void;
  events: TransportEvents;
}

export function iceConfiguration(line: MediaLine | null): RTCConfiguration {
  return {
    iceServers: line?.iceServers.map((server) => ({ ...server })) ?? [],
    iceTransportPolicy: line?.policy === 'relay' ? 'relay' : 'all',
    bundlePolicy: 'max-bundle',
  };
}

/**
 * Peer-to-peer media for a class: the teacher connects to every student, each student to the teacher, and an
 * observer to everyone who teaches or learns (receiving only). Students do not connect to each other; groups that
 * need that use the SFU. Connections to people who leave are closed; people who arrive are greeted.
 */
export class P2PMesh implements MediaTransport {
  private readonly links = new Map<string, PeerLink>();
  private roster: ReadonlyMap<string, RosterEntry> = new Map();
  private started = false;
  private readonly sweeper: ReturnType<typeof setInterval>;
  /** Links to people outside the roster that are down, and since when. */
  private readonly downSince = new Map<string, number>();
  /** Why signalling was ignored, counted; for the diagnostics and the tests. */
  readonly ignored = new Map<string, number>();

  constructor(private readonly options: P2PMeshOptions) {
    this.sweeper = setInterval(() => this.sweep(), 5_000);
  }

  peers(): RemotePeer[] {
    return [...this.links.values()];
  }

  start(): void {
    this.started = true;
    this.reconcile();
  }

  setRoster(roster: ReadonlyMap<string, RosterEntry>): void {
    this.roster = roster;
    this.reconcile();
  }

  receive(message: ClassMessage): void {
    if (message.kind !== 'rtc' || !this.started) return;
    const from = message.params.fromUserId;
    if (message.params.toUserId !== this.options.userId || from === this.options.userId) return;
    let link = this.links.get(from);
    if (!link) {
      if (!this.accepts(from) || message.message.kind === 'bye') {
        this.count('not-a-partner');
        return;
      }
      link = this.open(from, false);
    }
    link.receive(message.message);
  }

  setTracks(tracks: OutgoingTracks): void {
    for (const link of this.links.values()) link.setTracks(tracks);
  }

  setLine(line: MediaLine): void {
    const configuration = iceConfiguration(line);
    for (const link of [...this.links.values()]) {
      // Into or out of relay-only, an ICE restart is not enough (the browser keeps its direct ports): start over.
      if (link.policy !== configuration.iceTransportPolicy) this.startOver(link, `switching to ${line.id}`);
      else link.setConfiguration(configuration);
    }
  }

  restart(): void {
    for (const [userId, link] of [...this.links]) {
      link.close(true);
      this.links.delete(userId);
    }
    this.reconcile();
    // People outside the roster (observers) greet again when their link ends; nothing to do for them here.
    this.options.events.changed();
  }

  stop(): void {
    this.started = false;
    clearInterval(this.sweeper);
    for (const link of this.links.values()) link.close(true);
    this.links.clear();
  }

  /** Whom this console connects to on its own: the teacher's students, a student's teacher, everyone for observers. */
  private wants(entry: RosterEntry): boolean {
    if (!entry.online || entry.userId === this.options.userId) return false;
    if (this.options.observer) return entry.role === 'teacher' || entry.role === 'student';
    if (this.options.role === 'teacher') return entry.role === 'student';
    if (this.options.role === 'student') return entry.role === 'teacher';
    return false;
  }

  /** Whose greeting this console answers: anyone it would connect to, and observers (absent from the roster). */
  private accepts(userId: string): boolean {
    const entry = this.roster.get(userId);
    if (!entry) return !this.options.observer;
    if (!entry.online) return true;
    return this.wants(entry);
  }

  private reconcile(): void {
    if (!this.started) return;
    for (const entry of this.roster.values()) {
      if (this.wants(entry) && !this.links.has(entry.userId)) this.open(entry.userId, true);
    }
    for (const [userId, link] of [...this.links]) {
      const entry = this.roster.get(userId);
      if (entry && !entry.online) {
        link.close(true);
        this.links.delete(userId);
        this.options.events.changed();
      }
    }
  }

  private open(userId: string, greet: boolean): PeerLink {
    const link: PeerLink = new PeerLink({
      localUserId: this.options.userId,
      remoteUserId: userId,
      receiveOnly: this.options.observer,
      configuration: () => iceConfiguration(this.options.line()),
      lineId: () => this.options.line()?.id ?? null,
      tracks: () => this.options.tracks(),
      send: (to, signal) => this.options.send(to, signal),
      changed: () => this.options.events.changed(),
      stuck: (stuck) => this.startOver(stuck),
      ignored: (reason, detail) => this.onIgnored(reason, detail),
      since: () => this.options.since(),
    });
    this.links.set(userId, link);
    if (greet) link.start();
    this.options.events.changed();
    return link;
  }

  /** A new session for this person, so both ends build a fresh connection (ICE restarts did not help, or a new line). */
  private startOver(stuck: PeerLink, why = 'media did not come back after ICE restarts'): void {
    if (this.links.get(stuck.userId) !== stuck) return;
    this.options.events.note('info', `${why}: starting the connection to ${stuck.userId} over`);
    stuck.close(true);
    this.links.delete(stuck.userId);
    this.open(stuck.userId, true);
  }

  private sweep(): void {
    const now = performance.now();
    for (const [userId, link] of [...this.links]) {
      if (this.roster.has(userId) || link.state === 'connected') {
        this.downSince.delete(userId);
        continue;
      }
      const since = this.downSince.get(userId);
      if (since === undefined) {
        this.downSince.set(userId, now);
      } else if (now - since > UNLISTED_GRACE_MS) {
        this.downSince.delete(userId);
        link.close(false);
        this.links.delete(userId);
        this.options.events.changed();
      }
    }
  }

  private onIgnored(reason: IgnoredBecause | 'bad-description' | 'bad-candidate', detail: string): void {
    this.count(reason);
    if (reason === 'bad-description' || reason === 'malformed') this.options.events.note('warning', `ignored media signalling (${reason}): ${detail}`);
  }

  private count(reason: string): void {
    this.ignored.set(reason, (this.ignored.get(reason) ?? 0) + 1);
  }
}
