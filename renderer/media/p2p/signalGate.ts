import type { RtcSignal } from '../../../shared/protocol';

/** Why a signalling message was not used. Every one of them leaves the session as it was. */
export type IgnoredBecause =
  /** Addressed to another of this console's sessions (an earlier one, before a restart). */
  | 'foreign-session'
  /** Already seen, or older than what was seen from the same session. */
  | 'duplicate'
  /** From an earlier session of the same person, delayed past a newer one. */
  | 'late'
  /** From a session that said goodbye or was replaced. */
  | 'retired'
  /** Not a greeting, and not addressed to this session: the sender does not know who it talks to. */
  | 'unaddressed'
  /** Missing what its kind needs (an offer without SDP, a candidate without the candidate). */
  | 'malformed';

export type GateVerdict =
  | { accept: true; /** A new session of the other side begins with this message; the connection starts over. */ fresh: boolean }
  | { accept: false; reason: IgnoredBecause };

/** Retired sessions remembered per peer; older ones are forgotten (their messages are also older than `lastTs`). */
const MAX_RETIRED = 32;

/**
 * Decides, for the signalling that one remote person sends to one local session, which messages to use. It knows
 * the remote session currently talked to, the last sequence number and send time seen from it, and the sessions
 * that ended. Pure: no timers, no I/O, so ordering and session rules are tested on their own.
 */
export class SignalGate {
  private remote: { session: string; seq: number; ts: number } | null = null;
  private readonly retired: string[] = [];
  /**
   * The latest window of this person seen (RtcSignal.since), and the newest send time seen from that window: a
   * session of an earlier window is stale, and so is one of the same window that started before the newest send time
   * (one clock, so send times compare). Send times of different windows (different devices' clocks) never compare.
   */
  private newestSince = 0;
  private newestTs = 0;

  constructor(readonly localSession: string) {}

  /** The remote session currently talked to, once known. */
  get remoteSession(): string | null {
    return this.remote?.session ?? null;
  }

  admit(signal: RtcSignal): GateVerdict {
    if (!wellFormed(signal)) return { accept: false, reason: 'malformed' };
    if (signal.to !== undefined && signal.to !== this.localSession) return { accept: false, reason: 'foreign-session' };
    if (this.retired.includes(signal.session)) return { accept: false, reason: 'retired' };

    const remote = this.remote;
    if (remote && signal.session === remote.session) {
      if (signal.seq <= remote.seq) return { accept: false, reason: 'duplicate' };
      remote.seq = signal.seq;
      remote.ts = Math.max(remote.ts, signal.ts);
      this.noteTime(signal);
      if (signal.kind === 'bye') this.retire(signal.session);
      return { accept: true, fresh: false };
    }

    // A session not seen before: a greeting, or something addressed to this session by someone who restarted.
    if (signal.kind === 'bye') {
      this.retire(signal.session);
      return { accept: false, reason: 'retired' };
    }
    if (signal.kind !== 'hello' && signal.to === undefined) return { accept: false, reason: 'unaddressed' };
    if (this.stale(signal)) return { accept: false, reason: 'late' };
    if (remote) this.retire(remote.session);
    this.remote = { session: signal.session, seq: signal.seq, ts: signal.ts };
    this.noteTime(signal);
    return { accept: true, fresh: true };
  }

  private stale(signal: RtcSignal): boolean {
    const since = signal.since ?? 0;
    if (since > 0 && this.newestSince > 0 && since !== this.newestSince) return since < this.newestSince;
    return signal.ts < this.newestTs;
  }

  private noteTime(signal: RtcSignal): void {
    const since = signal.since ?? 0;
    if (since > this.newestSince) {
      this.newestSince = since;
      this.newestTs = signal.ts;
    } else if (since === this.newestSince || since === 0) {
      this.newestTs = Math.max(this.newestTs, signal.ts);
    }
  }

  private retire(session: string): void {
    if (this.remote?.session === session) this.remote = null;
    if (!this.retired.includes(session)) this.retired.push(session);
    if (this.retired.length > MAX_RETIRED) this.retired.shift();
  }
}

function wellFormed(signal: RtcSignal): boolean {
  switch (signal.kind) {
    case 'offer':
    case 'answer':
      return typeof signal.sdp === 'string' && signal.sdp.length > 0;
    case 'candidate':
      return signal.candidate !== undefined;
    default:
      return true;
  }
}

/** Numbers outgoing signalling of one local session: seq from 1, never repeated. */
export class SignalCounter {
  private seq = 0;
  next(): number {
    return ++this.seq;
  }
}
