import type { MediaLine } from '../../shared/protocol';
import { iceConfiguration } from './p2p/P2PMesh';
import { selectedPath, type StatsEntry } from './stats';

export type LoopbackResult = { ok: true; ms: number; path: string | null } | { ok: false; reason: string };

/**
 * Connects two peer connections in this page over one line's ICE servers and sends a message through: the time it
 * takes is what setting up a call on that line costs, and a failure says the line does not work from here (a relay
 * line tests its TURN server too).
 */
export async function loopbackCheck(line: MediaLine, timeoutMs = 8_000): Promise<LoopbackResult> {
  const configuration = iceConfiguration(line);
  const a = new RTCPeerConnection(configuration);
  const b = new RTCPeerConnection(configuration);
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    a.onicecandidate = ({ candidate }) => candidate && void b.addIceCandidate(candidate).catch(() => undefined);
    b.onicecandidate = ({ candidate }) => candidate && void a.addIceCandidate(candidate).catch(() => undefined);
    const channel = a.createDataChannel('probe');
    const echoed = new Promise<void>((resolve) => {
      b.ondatachannel = ({ channel: incoming }) => {
        incoming.onmessage = ({ data }) => incoming.send(data as string);
      };
      channel.onopen = () => channel.send('ping');
      channel.onmessage = () => resolve();
    });
    await a.setLocalDescription();
    await b.setRemoteDescription(a.localDescription!);
    await b.setLocalDescription();
    await a.setRemoteDescription(b.localDescription!);
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    if ((await Promise.race([echoed, timedOut])) === 'timeout') return { ok: false, reason: `no connection within ${timeoutMs / 1000} s` };
    const ms = Math.round(performance.now() - started);
    const entries: StatsEntry[] = [];
    (await a.getStats()).forEach((entry: StatsEntry) => entries.push(entry));
    return { ok: true, ms, path: selectedPath({ at: 0, entries }) ?? null };
  } catch (error) {
    return { ok: false, reason: (error as Error).message || String(error) };
  } finally {
    clearTimeout(timer);
    a.close();
    b.close();
  }
}
