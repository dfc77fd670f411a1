import { selectedPath } from './stats';
import type { RemotePeer } from './transport';

export interface RemedyOutcome {
  ok: boolean;
  detail: string;
}

export interface FlowCheck {
  /** What the remedy did, for the ack's detail. */
  done: string;
  /** Who was sending before the remedy. */
  expected: string[];
  peers(): RemotePeer[];
  /** Still in the class (their connection may be being rebuilt, so absent from peers() for a moment). */
  stillHere(userId: string): boolean;
  closed(): boolean;
  waitMs: number;
}

const received = async (peer: RemotePeer): Promise<number> => {
  const sample = await peer.sample().catch(() => null);
  return sample?.entries.filter((e) => e.type === 'inbound-rtp').reduce((sum, e) => sum + (Number(e.bytesReceived) || 0), 0) ?? 0;
};

/**
 * Media flows again when, from everyone who sent before the remedy and is still here, something arrives on an
 * established connection: inbound bytes grow between two samples half a second apart. Polled until `waitMs`.
 */
export async function waitForFlow(check: FlowCheck): Promise<RemedyOutcome> {
  const deadline = performance.now() + check.waitMs;
  let baseline = new Map<string, number>();
  while (!check.closed()) {
    const present = check.peers();
    const waitingFor = check.expected.filter((id) => present.some((p) => p.userId === id) || check.stillHere(id));
    if (waitingFor.length === 0) return { ok: true, detail: `${check.done}; nobody else is sending media now` };
    const now = new Map<string, number>();
    for (const peer of present) {
      if (waitingFor.includes(peer.userId)) now.set(peer.userId, peer.state === 'connected' ? await received(peer) : -1);
    }
    const flowing = waitingFor.filter((id) => (now.get(id) ?? -1) > (baseline.get(id) ?? Infinity));
    if (flowing.length === waitingFor.length) return { ok: true, detail: `${check.done}; media flows from ${waitingFor.join(', ')}` };
    if (performance.now() > deadline) {
      const stuck = waitingFor.filter((id) => !flowing.includes(id)).map((id) => `${id} (${present.find((p) => p.userId === id)?.state ?? 'no connection'})`);
      return { ok: false, detail: `${check.done}, but no media arrives yet from ${stuck.join(', ')}` };
    }
    baseline = now;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { ok: false, detail: 'the class was left' };
}

/** What tests and benchmarks read from the page (`window.__media`): what arrives from each peer, from getStats. */
export interface MediaDebugHook {
  inbound(): Promise<Record<string, { state: RTCPeerConnectionState; framesDecoded: number; totalAudioEnergy: number; bytesReceived: number; path: string | null }>>;
  ignoredSignals(): Record<string, number>;
}

declare global {
  interface Window {
    __media?: MediaDebugHook;
  }
}

export function debugHook(peers: () => RemotePeer[], ignored: () => Map<string, number>): MediaDebugHook {
  return {
    inbound: async () => {
      const result: Awaited<ReturnType<MediaDebugHook['inbound']>> = {};
      for (const peer of peers()) {
        const sample = await peer.sample().catch(() => null);
        const inbound = sample?.entries.filter((e) => e.type === 'inbound-rtp') ?? [];
        const sum = (field: string) => inbound.reduce((total, e) => total + (Number(e[field]) || 0), 0);
        result[peer.userId] = {
          state: peer.state,
          framesDecoded: sum('framesDecoded'),
          totalAudioEnergy: sum('totalAudioEnergy'),
          bytesReceived: sum('bytesReceived'),
          path: sample ? (selectedPath(sample) ?? null) : null,
        };
      }
      return result;
    },
    ignoredSignals: () => Object.fromEntries(ignored()),
  };
}
