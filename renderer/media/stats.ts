/**
 * Media figures from two getStats() snapshots of one connection: what was sent and received in between. Pure, so
 * the arithmetic is tested without a browser. Stats objects are read loosely (plain records), as browsers differ.
 */

export type StatsEntry = Record<string, unknown> & { id: string; type: string };

export interface StatsSample {
  /** Milliseconds, monotonic. */
  at: number;
  entries: StatsEntry[];
}

export interface StreamFigures {
  direction: 'send' | 'receive';
  kind: 'audio' | 'video';
  bitrateKbps: number;
  lossPct: number;
  jitterMs: number;
  rttMs?: number;
  /** Frames encoded (send) or decoded (receive) in the interval. */
  frames?: number;
  /** Frames decoded (or encoded) since the connection began. */
  framesTotal?: number;
  /** 0..1: the microphone's level (send) or what arrives (receive). */
  audioLevel?: number;
  /** Cumulative audio energy received (receive audio), as getStats reports it. */
  totalAudioEnergy?: number;
  /** RTP packets sent or received in the interval (silence suppression still sends a few a second). */
  packets?: number;
  /** The interval's length in ms; absent for a stream first seen in this sample. */
  intervalMs?: number;
  /** Receive video: ms the picture was frozen during the interval (totalFreezesDuration), where the browser says. */
  frozenMs?: number;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const kindOf = (entry: StatsEntry): 'audio' | 'video' | undefined =>
  entry.kind === 'audio' || entry.kind === 'video' ? entry.kind : entry.mediaType === 'audio' || entry.mediaType === 'video' ? (entry.mediaType as 'audio' | 'video') : undefined;

/** The round trip of the candidate pair in use, in ms. */
export function selectedRttMs(sample: StatsSample): number | undefined {
  const byId = new Map(sample.entries.map((e) => [e.id, e]));
  const transport = sample.entries.find((e) => e.type === 'transport' && typeof e.selectedCandidatePairId === 'string');
  const pair =
    (transport && byId.get(transport.selectedCandidatePairId as string)) ??
    sample.entries.find((e) => e.type === 'candidate-pair' && e.nominated === true && e.state === 'succeeded');
  const seconds = num(pair?.currentRoundTripTime);
  return seconds === undefined ? undefined : round(seconds * 1000);
}

/** The local candidate type of the pair in use (host, srflx, prflx, relay), to show which path media takes. */
export function selectedPath(sample: StatsSample): string | undefined {
  const byId = new Map(sample.entries.map((e) => [e.id, e]));
  const transport = sample.entries.find((e) => e.type === 'transport' && typeof e.selectedCandidatePairId === 'string');
  const pair = transport && byId.get(transport.selectedCandidatePairId as string);
  const local = pair && byId.get(pair.localCandidateId as string);
  return typeof local?.candidateType === 'string' ? local.candidateType : undefined;
}

/** Figures for every audio and video stream, over the interval between `before` (if any) and `after`. */
export function figuresBetween(before: StatsSample | null, after: StatsSample): StreamFigures[] {
  const seconds = before ? Math.max(0.001, (after.at - before.at) / 1000) : 0;
  const previous = new Map(before?.entries.map((e) => [e.id, e]) ?? []);
  const byId = new Map(after.entries.map((e) => [e.id, e]));
  const delta = (entry: StatsEntry, field: string): number => {
    const now = num(entry[field]) ?? 0;
    const then = num(previous.get(entry.id)?.[field]);
    return then === undefined ? 0 : Math.max(0, now - then);
  };
  const rate = (bytes: number) => (seconds > 0 ? round((bytes * 8) / 1000 / seconds) : 0);
  const intervalMs = before ? Math.max(0, Math.round(after.at - before.at)) : undefined;
  // Counters of a stream first seen in this sample cover an unknown time: only its rates (zero) are given.
  const interval = (entry: StatsEntry, field: string) =>
    intervalMs !== undefined && previous.has(entry.id) && num(entry[field]) !== undefined ? { packets: delta(entry, field), intervalMs } : {};
  const pairRtt = selectedRttMs(after);
  const figures: StreamFigures[] = [];

  for (const entry of after.entries) {
    const kind = kindOf(entry);
    if (!kind) continue;
    if (entry.type === 'inbound-rtp') {
      const lost = delta(entry, 'packetsLost');
      const received = delta(entry, 'packetsReceived');
      const stream: StreamFigures = {
        direction: 'receive',
        kind,
        bitrateKbps: rate(delta(entry, 'bytesReceived')),
        lossPct: lost + received > 0 ? round((lost / (lost + received)) * 100) : 0,
        jitterMs: round((num(entry.jitter) ?? 0) * 1000),
        ...(pairRtt !== undefined ? { rttMs: pairRtt } : {}),
        ...interval(entry, 'packetsReceived'),
      };
      if (kind === 'video') {
        stream.frames = delta(entry, 'framesDecoded');
        stream.framesTotal = num(entry.framesDecoded) ?? 0;
        if (stream.intervalMs !== undefined && num(entry.totalFreezesDuration) !== undefined) {
          stream.frozenMs = Math.min(stream.intervalMs, Math.round(delta(entry, 'totalFreezesDuration') * 1000));
        }
      } else {
        const level = levelOver(entry, previous.get(entry.id)) ?? num(entry.audioLevel);
        if (level !== undefined) stream.audioLevel = round(Math.min(1, level), 3);
        const energy = num(entry.totalAudioEnergy);
        if (energy !== undefined) stream.totalAudioEnergy = energy;
      }
      figures.push(stream);
    } else if (entry.type === 'outbound-rtp') {
      const remote = after.entries.find((e) => e.type === 'remote-inbound-rtp' && e.localId === entry.id);
      const fraction = num(remote?.fractionLost);
      const remoteRtt = num(remote?.roundTripTime);
      const stream: StreamFigures = {
        direction: 'send',
        kind,
        bitrateKbps: rate(delta(entry, 'bytesSent')),
        lossPct: fraction !== undefined ? round(Math.min(1, fraction) * 100) : 0,
        jitterMs: round((num(remote?.jitter) ?? 0) * 1000),
        ...interval(entry, 'packetsSent'),
      };
      const rttMs = remoteRtt !== undefined ? round(remoteRtt * 1000) : pairRtt;
      if (rttMs !== undefined) stream.rttMs = rttMs;
      if (kind === 'video') {
        stream.frames = delta(entry, 'framesEncoded');
        stream.framesTotal = num(entry.framesEncoded) ?? 0;
      } else {
        const source = byId.get(entry.mediaSourceId as string);
        const level = source ? (levelOver(source, previous.get(source.id)) ?? num(source.audioLevel)) : undefined;
        if (level !== undefined) stream.audioLevel = round(Math.min(1, level), 3);
      }
      figures.push(stream);
    }
  }
  return figures;
}

/**
 * The RMS audio level over the interval, from the energy and duration counters (energy is the sum of squared levels
 * times duration); a single audioLevel reading catches a moment, which may be a pause between words.
 */
function levelOver(now: StatsEntry, then: StatsEntry | undefined): number | undefined {
  const energy = (num(now.totalAudioEnergy) ?? NaN) - (num(then?.totalAudioEnergy) ?? NaN);
  const duration = (num(now.totalSamplesDuration) ?? NaN) - (num(then?.totalSamplesDuration) ?? NaN);
  if (!(duration > 0) || !(energy >= 0)) return undefined;
  return Math.sqrt(energy / duration);
}
