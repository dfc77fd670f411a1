import type { TelemetryEvent } from '../../../shared/protocol';

/** An i18n key under `supervise.telemetry` and its values: one line per telemetry event, for people. */
export interface EventText {
  key: string;
  values: Record<string, string | number>;
}

export function describeEvent(event: TelemetryEvent): EventText {
  switch (event.type) {
    case 'entry':
      return { key: 'entry', values: { step: event.step, ms: Math.round(event.ms) } };
    case 'init':
      return event.ok
        ? { key: 'initOk', values: { component: event.component } }
        : { key: 'initFailed', values: { component: event.component, error: event.error ?? '' } };
    case 'courseware':
      return event.ok
        ? { key: 'coursewareOk', values: { asset: event.asset, ms: Math.round(event.ms) } }
        : { key: 'coursewareFailed', values: { asset: event.asset, error: event.error ?? '' } };
    case 'board-lag':
      return { key: 'boardLag', values: { lag: Math.round(event.lagMs), pending: event.pendingOps } };
    case 'draw':
      return event.ok ? { key: 'drawOk', values: {} } : { key: 'drawFailed', values: { reason: event.reason ?? '' } };
    case 'media':
      return {
        key: event.direction === 'send' ? 'mediaSend' : 'mediaReceive',
        values: {
          kind: event.kind,
          peer: event.peer ?? '',
          enabled: event.enabled ? 'on' : 'off',
          link: event.link,
          kbps: Math.round(event.bitrateKbps),
          loss: Math.round(event.lossPct),
          level: event.audioLevel === undefined ? '-' : event.audioLevel.toFixed(3),
          frames: event.frames ?? '-',
        },
      };
  }
}
