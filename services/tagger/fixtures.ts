import type { Telemetry, TelemetryEvent } from '../../shared/protocol/messages';
import type { MediaEvent } from './rules';

/** Telemetry builders for the tagger's tests and bench. */

/** A time aligned to a 30 s window start, far enough in the past that nothing built from it is "future". */
export const T0 = 1_700_000_010_000;

export function audioSend(at: number, kbps: number, patch: Partial<MediaEvent> = {}): MediaEvent {
  return { type: 'media', at, direction: 'send', kind: 'audio', enabled: true, link: 'connected', bitrateKbps: kbps, lossPct: 0, jitterMs: 5, audioLevel: kbps > 0 ? 0.2 : 0, ...patch };
}

export function videoSend(at: number, frames: number, patch: Partial<MediaEvent> = {}): MediaEvent {
  return { type: 'media', at, direction: 'send', kind: 'video', enabled: true, link: 'connected', bitrateKbps: frames > 0 ? 600 : 0, lossPct: 0, jitterMs: 5, frames, ...patch };
}

export function audioReceive(at: number, peer: string | undefined, level: number, kbps = 32): MediaEvent {
  return { type: 'media', at, direction: 'receive', kind: 'audio', peer, enabled: true, link: 'connected', bitrateKbps: kbps, lossPct: 0, jitterMs: 5, audioLevel: level };
}

export function videoReceive(at: number, peer: string | undefined, frames: number): MediaEvent {
  return { type: 'media', at, direction: 'receive', kind: 'video', peer, enabled: true, link: 'connected', bitrateKbps: frames > 0 ? 600 : 0, lossPct: 0, jitterMs: 5, frames };
}

/** One event every `stepMs` over [from, to), built by `make`. */
export function every(from: number, to: number, stepMs: number, make: (at: number) => TelemetryEvent): TelemetryEvent[] {
  const events: TelemetryEvent[] = [];
  for (let at = from; at < to; at += stepMs) events.push(make(at));
  return events;
}

let counter = 0;

/** A telemetry message carrying `events` (at most 50 per message: split them with `messages`). */
export function message(events: TelemetryEvent[], id: string | null = `m-${++counter}`): Telemetry {
  const at = Math.max(...events.map((e) => e.at ?? 0));
  return id === null ? { v: 1, at, events } : { v: 1, id, at, events };
}

/** `events` as messages of at most `size` events each. */
export function messages(events: TelemetryEvent[], size = 10): Telemetry[] {
  const out: Telemetry[] = [];
  for (let i = 0; i < events.length; i += size) out.push(message(events.slice(i, i + size)));
  return out;
}
