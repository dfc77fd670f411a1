import { describe, expect, it } from 'vitest';
import { figuresBetween, selectedPath, type StatsEntry } from './stats';

const sample = (at: number, entries: StatsEntry[]) => ({ at, entries });

describe('figuresBetween', () => {
  const pair: StatsEntry[] = [
    { id: 'T1', type: 'transport', selectedCandidatePairId: 'CP1' },
    { id: 'CP1', type: 'candidate-pair', currentRoundTripTime: 0.042, localCandidateId: 'L1' },
    { id: 'L1', type: 'local-candidate', candidateType: 'relay' },
  ];

  it('turns counters into rates, loss and frames over the interval', () => {
    const before = sample(0, [
      { id: 'IV', type: 'inbound-rtp', kind: 'video', bytesReceived: 0, packetsReceived: 0, packetsLost: 0, framesDecoded: 10, jitter: 0.01 },
      { id: 'IA', type: 'inbound-rtp', kind: 'audio', bytesReceived: 0, packetsReceived: 0, packetsLost: 0, audioLevel: 0.2, totalAudioEnergy: 1 },
      ...pair,
    ]);
    const after = sample(5_000, [
      { id: 'IV', type: 'inbound-rtp', kind: 'video', bytesReceived: 625_000, packetsReceived: 950, packetsLost: 50, framesDecoded: 160, jitter: 0.02 },
      { id: 'IA', type: 'inbound-rtp', kind: 'audio', bytesReceived: 20_000, packetsReceived: 250, packetsLost: 0, audioLevel: 0.25, totalAudioEnergy: 1.5 },
      ...pair,
    ]);
    const [video, audio] = figuresBetween(before, after);
    expect(video).toEqual({ direction: 'receive', kind: 'video', bitrateKbps: 1000, lossPct: 5, jitterMs: 20, rttMs: 42, frames: 150, framesTotal: 160, packets: 950, intervalMs: 5_000 });
    expect(audio).toMatchObject({ direction: 'receive', kind: 'audio', bitrateKbps: 32, lossPct: 0, audioLevel: 0.25, totalAudioEnergy: 1.5, packets: 250, intervalMs: 5_000 });
    expect(selectedPath(after)).toBe('relay');
  });

  it('reports what is sent with the far side’s loss and round trip, and the microphone level', () => {
    const entries = (bytes: number, frames: number): StatsEntry[] => [
      { id: 'OV', type: 'outbound-rtp', kind: 'video', bytesSent: bytes, framesEncoded: frames },
      { id: 'OA', type: 'outbound-rtp', kind: 'audio', bytesSent: bytes / 10, mediaSourceId: 'MS' },
      { id: 'MS', type: 'media-source', kind: 'audio', audioLevel: 0.4 },
      { id: 'RV', type: 'remote-inbound-rtp', kind: 'video', localId: 'OV', fractionLost: 0.02, roundTripTime: 0.08, jitter: 0.005 },
    ];
    const figures = figuresBetween(sample(0, entries(0, 0)), sample(2_000, entries(250_000, 60)));
    expect(figures.find((f) => f.kind === 'video')).toEqual({ direction: 'send', kind: 'video', bitrateKbps: 1000, lossPct: 2, jitterMs: 5, rttMs: 80, frames: 60, framesTotal: 60 });
    // A browser without packet counters: no packet figure rather than a made-up zero.
    expect(figures.find((f) => f.kind === 'audio')?.packets).toBeUndefined();
    expect(figures.find((f) => f.kind === 'audio')).toMatchObject({ direction: 'send', bitrateKbps: 100, audioLevel: 0.4 });
  });

  it('takes the audio level over the interval from the energy counters when there are two samples', () => {
    const audio = (energy: number, duration: number): StatsEntry[] => [
      { id: 'IA', type: 'inbound-rtp', kind: 'audio', audioLevel: 0.9, totalAudioEnergy: energy, totalSamplesDuration: duration },
    ];
    // 0.01 of energy over 4 s: an RMS level of 0.05, whatever the instantaneous reading said.
    expect(figuresBetween(sample(0, audio(1, 10)), sample(4_000, audio(1.01, 14)))[0]?.audioLevel).toBe(0.05);
    expect(figuresBetween(null, sample(0, audio(1, 10)))[0]?.audioLevel).toBe(0.9);
  });

  it('counts packets, as silence suppression still sends a few, and how long the received picture froze', () => {
    const entries = (packets: number, frozenS: number, frames: number): StatsEntry[] => [
      { id: 'OA', type: 'outbound-rtp', kind: 'audio', bytesSent: packets * 3, packetsSent: packets },
      { id: 'IV', type: 'inbound-rtp', kind: 'video', bytesReceived: frames * 1_000, packetsReceived: frames * 3, framesDecoded: frames, totalFreezesDuration: frozenS },
    ];
    // A quiet microphone with DTX: 2.5 packets a second of a few bytes; a picture frozen for 3.2 of 5 s.
    const figures = figuresBetween(sample(0, entries(100, 1.5, 300)), sample(5_000, entries(112, 4.7, 302)));
    expect(figures.find((f) => f.direction === 'send')).toMatchObject({ bitrateKbps: 0.1, packets: 12, intervalMs: 5_000 });
    expect(figures.find((f) => f.direction === 'receive')).toMatchObject({ frames: 2, packets: 6, frozenMs: 3_200, intervalMs: 5_000 });
  });

  it('counts nothing for a stream first seen in this sample (no previous counters)', () => {
    const only = sample(1_000, [{ id: 'IV', type: 'inbound-rtp', kind: 'video', bytesReceived: 9_999, framesDecoded: 30 }]);
    expect(figuresBetween(null, only)[0]).toMatchObject({ bitrateKbps: 0, frames: 0, framesTotal: 30 });
    expect(figuresBetween(null, only)[0]?.packets).toBeUndefined();
    expect(figuresBetween(null, only)[0]?.intervalMs).toBeUndefined();
  });
});
