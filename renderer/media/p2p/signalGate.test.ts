import { describe, expect, it } from 'vitest';
import { RtcSignal } from '../../../shared/protocol';
import { SignalGate } from './signalGate';

const LOCAL = 'local-1';

function signal(session: string, seq: number, kind: RtcSignal['kind'], extra: Partial<RtcSignal> = {}): RtcSignal {
  const base: RtcSignal = { v: 1, session, seq, kind, ts: 1_000 + seq, ...extra };
  if (kind === 'offer' || kind === 'answer') base.sdp ??= 'v=0\r\n';
  if (kind === 'candidate') base.candidate ??= { candidate: 'candidate:1 1 udp 1 192.0.2.1 9 typ host', sdpMid: '0', sdpMLineIndex: 0 };
  // Every message used here must pass the protocol's own schema, as it would after the link decoded it.
  return RtcSignal.parse(base);
}

describe('SignalGate', () => {
  it('takes a greeting from an unknown session and then that session in order', () => {
    const gate = new SignalGate(LOCAL);
    expect(gate.admit(signal('r1', 1, 'hello'))).toEqual({ accept: true, fresh: true });
    expect(gate.remoteSession).toBe('r1');
    expect(gate.admit(signal('r1', 2, 'offer', { to: LOCAL }))).toEqual({ accept: true, fresh: false });
    expect(gate.admit(signal('r1', 3, 'candidate', { to: LOCAL }))).toEqual({ accept: true, fresh: false });
  });

  it('ignores duplicates and anything older than what the session already sent', () => {
    const gate = new SignalGate(LOCAL);
    gate.admit(signal('r1', 1, 'hello'));
    gate.admit(signal('r1', 5, 'offer', { to: LOCAL }));
    expect(gate.admit(signal('r1', 5, 'offer', { to: LOCAL }))).toEqual({ accept: false, reason: 'duplicate' });
    expect(gate.admit(signal('r1', 3, 'candidate', { to: LOCAL }))).toEqual({ accept: false, reason: 'duplicate' });
    // The session goes on after the noise.
    expect(gate.admit(signal('r1', 6, 'candidate', { to: LOCAL }))).toEqual({ accept: true, fresh: false });
  });

  it('ignores messages addressed to another of its sessions (foreign session)', () => {
    const gate = new SignalGate(LOCAL);
    gate.admit(signal('r1', 1, 'hello'));
    expect(gate.admit(signal('r1', 2, 'offer', { to: 'local-0' }))).toEqual({ accept: false, reason: 'foreign-session' });
    expect(gate.admit(signal('r9', 1, 'hello', { to: 'local-0' }))).toEqual({ accept: false, reason: 'foreign-session' });
    expect(gate.remoteSession).toBe('r1');
    expect(gate.admit(signal('r1', 3, 'offer', { to: LOCAL }))).toEqual({ accept: true, fresh: false });
  });

  it('switches to a newer session of the same person and then ignores the old one, however late', () => {
    const gate = new SignalGate(LOCAL);
    gate.admit(signal('old', 1, 'hello'));
    gate.admit(signal('old', 2, 'offer', { to: LOCAL }));
    expect(gate.admit(signal('new', 1, 'hello', { ts: 5_000 }))).toEqual({ accept: true, fresh: true });
    expect(gate.remoteSession).toBe('new');
    expect(gate.admit(signal('old', 3, 'candidate', { to: LOCAL }))).toEqual({ accept: false, reason: 'retired' });
    expect(gate.admit(signal('old', 9, 'offer', { to: LOCAL, ts: 9_000 }))).toEqual({ accept: false, reason: 'retired' });
  });

  it('ignores a session that started before the newest one it knows (a late replay)', () => {
    const gate = new SignalGate(LOCAL);
    gate.admit(signal('current', 1, 'hello', { ts: 5_000 }));
    expect(gate.admit(signal('earlier', 1, 'hello', { ts: 4_000 }))).toEqual({ accept: false, reason: 'late' });
    expect(gate.remoteSession).toBe('current');
  });

  it('needs a greeting or an address before it talks to a new session', () => {
    const gate = new SignalGate(LOCAL);
    expect(gate.admit(signal('r1', 1, 'offer'))).toEqual({ accept: false, reason: 'unaddressed' });
    expect(gate.admit(signal('r1', 2, 'candidate'))).toEqual({ accept: false, reason: 'unaddressed' });
    // Someone who already knows this session (its greeting was lost) may start with an offer.
    expect(gate.admit(signal('r1', 3, 'offer', { to: LOCAL }))).toEqual({ accept: true, fresh: true });
  });

  it('ends a session on bye, and treats a bye from an unknown session as the end of that one', () => {
    const gate = new SignalGate(LOCAL);
    gate.admit(signal('r1', 1, 'hello'));
    expect(gate.admit(signal('r1', 2, 'bye', { to: LOCAL }))).toEqual({ accept: true, fresh: false });
    expect(gate.remoteSession).toBeNull();
    expect(gate.admit(signal('r1', 3, 'offer', { to: LOCAL }))).toEqual({ accept: false, reason: 'retired' });

    expect(gate.admit(signal('ghost', 1, 'bye'))).toEqual({ accept: false, reason: 'retired' });
    expect(gate.admit(signal('ghost', 2, 'hello'))).toEqual({ accept: false, reason: 'retired' });
    expect(gate.admit(signal('r2', 1, 'hello', { ts: 10_000 }))).toEqual({ accept: true, fresh: true });
  });

  it('refuses messages that lack what their kind needs, without forgetting the session', () => {
    const gate = new SignalGate(LOCAL);
    gate.admit(signal('r1', 1, 'hello'));
    const noSdp = RtcSignal.parse({ v: 1, session: 'r1', seq: 2, kind: 'offer', to: LOCAL, ts: 1_002 });
    const noCandidate = RtcSignal.parse({ v: 1, session: 'r1', seq: 3, kind: 'candidate', to: LOCAL, ts: 1_003 });
    expect(gate.admit(noSdp)).toEqual({ accept: false, reason: 'malformed' });
    expect(gate.admit(noCandidate)).toEqual({ accept: false, reason: 'malformed' });
    // Their sequence numbers were not taken: the well-formed message with the same number still goes through.
    expect(gate.admit(signal('r1', 2, 'offer', { to: LOCAL }))).toEqual({ accept: true, fresh: false });
  });

  it('keeps working through a long shuffled stream: only in-order messages of the newest session pass', () => {
    const gate = new SignalGate(LOCAL);
    const sessions = ['a', 'b', 'c'];
    const stream: RtcSignal[] = [];
    sessions.forEach((session, index) => {
      const start = 10_000 * (index + 1);
      stream.push(signal(session, 1, 'hello', { ts: start }));
      for (let seq = 2; seq <= 20; seq++) stream.push(signal(session, seq, 'candidate', { to: LOCAL, ts: start + seq }));
    });
    // Deterministic shuffle: every third message is delivered twice, and the streams interleave.
    const delivered = stream.flatMap((m, i) => (i % 3 === 0 ? [m, m] : [m]));
    const accepted = delivered.filter((m) => gate.admit(m).accept);
    const lastSeqs = new Map<string, number>();
    for (const m of accepted) {
      expect(m.seq).toBeGreaterThan(lastSeqs.get(m.session) ?? 0);
      lastSeqs.set(m.session, m.seq);
    }
    expect(accepted).toHaveLength(60);
    expect(gate.remoteSession).toBe('c');
    // Anything of a replaced session is ignored afterwards.
    expect(gate.admit(signal('a', 21, 'candidate', { to: LOCAL, ts: 99_999 })).accept).toBe(false);
    expect(gate.admit(signal('b', 21, 'candidate', { to: LOCAL, ts: 99_999 })).accept).toBe(false);
  });
  it("orders two windows of one person by when they joined the call, not by their devices' clocks", () => {
    const gate = new SignalGate(LOCAL);
    // The first window's device clock runs ten minutes ahead of the second's.
    expect(gate.admit(signal('laptop', 1, 'hello', { since: 600_000, ts: 700_000 })).accept).toBe(true);
    gate.admit(signal('laptop', 2, 'offer', { to: LOCAL, since: 600_000, ts: 760_000 }));
    // The second window joined later (its since is after the first's), though its clock says an earlier time.
    expect(gate.admit(signal('tablet', 1, 'hello', { since: 600_001, ts: 200_000 }))).toEqual({ accept: true, fresh: true });
    expect(gate.remoteSession).toBe('tablet');
    // A greeting of the first window still in flight is from the earlier window: late.
    expect(gate.admit(signal('laptop-2', 1, 'hello', { since: 600_000, ts: 770_000 }))).toEqual({ accept: false, reason: 'late' });
    // A new session of the same (second) window compares send times on its own clock.
    expect(gate.admit(signal('tablet-2', 1, 'hello', { since: 600_001, ts: 150_000 }))).toEqual({ accept: false, reason: 'late' });
    expect(gate.admit(signal('tablet-3', 1, 'hello', { since: 600_001, ts: 210_000 }))).toEqual({ accept: true, fresh: true });
  });
});
