import { beforeEach, describe, expect, it } from 'vitest';
import { topic, type ClassHealth, type Cleared, type HelpState } from '../../../shared/protocol';
import type { SupervisionMessage } from '../../link/messages';
import { useDiagnostics } from '../../state/diagnostics';
import type { Alert } from '../alerts/alertBook';
import { health, helpState } from '../testing/samples';
import { acknowledgeAlert, applySupervision, onAlertsRaised, resetSupervision } from './apply';
import { useAlerts, useHealth, useHelp, useMetrics } from './stores';

const healthMessage = (h: ClassHealth, classId = h.classId): SupervisionMessage => ({
  ok: true,
  kind: 'classHealth',
  params: { classId },
  message: h,
  topic: topic('classHealth', { classId }),
});
const helpMessage = (s: HelpState): Extract<SupervisionMessage, { kind: 'helpState' }> => ({ ok: true, kind: 'helpState', params: { requestId: s.id }, message: s, topic: topic('helpState', { requestId: s.id }) });
const cleared = (kind: 'classHealth' | 'helpState', params: Record<string, string>): Cleared => ({
  ok: true,
  kind: 'cleared',
  topic: 'x',
  parsed: { kind, params },
});

beforeEach(() => {
  resetSupervision();
  onAlertsRaised(null);
});

describe('supervision batches', () => {
  it('update each store once per batch, keeping unchanged entries as they were', () => {
    applySupervision([healthMessage(health('class-a')), healthMessage(health('class-b'))], 1);
    const before = useHealth.getState().byId;
    let updates = 0;
    const stop = useHealth.subscribe(() => updates++);
    applySupervision(
      [
        healthMessage(health('class-a', [{ tag: 'stream.cant-hear', userId: 's', since: 1 }])),
        healthMessage(health('class-a', [{ tag: 'stream.audio-stuck', userId: 's', since: 1 }])),
        { ok: true, kind: 'supervisorMetrics', params: {}, message: { v: 1, liveClasses: 2, openHelp: 0, escalated: 0, autoResolvedRate: 0, medianResolveS: null, at: 1 }, topic: 'm' },
      ],
      2,
    );
    stop();
    expect(updates).toBe(1);
    const after = useHealth.getState().byId;
    expect(after.get('class-b')).toBe(before.get('class-b'));
    expect(after.get('class-a')?.problems.map((p) => p.tag)).toEqual(['stream.audio-stuck']);
    expect(useMetrics.getState().metrics?.liveClasses).toBe(2);
  });

  it('ignore a payload about another class or request than its topic, with a note', () => {
    const notes = useDiagnostics.getState().notes.length;
    const foreignHelp: SupervisionMessage = { ...helpMessage(helpState('r2')), params: { requestId: 'r1' }, topic: topic('helpState', { requestId: 'r1' }) };
    applySupervision([healthMessage(health('class-evil'), 'class-a'), foreignHelp], 1);
    expect(useHealth.getState().byId.size).toBe(0);
    expect(useHelp.getState().byId.size).toBe(0);
    expect(useDiagnostics.getState().notes.length).toBe(notes + 2);
  });

  it('keep the newest help state when an older one arrives late, and forget cleared ones', () => {
    applySupervision([helpMessage(helpState('r1', { status: 'claimed', updatedAt: 20 }))], 1);
    applySupervision([helpMessage(helpState('r1', { status: 'manual', updatedAt: 10 }))], 2);
    expect(useHelp.getState().byId.get('r1')?.status).toBe('claimed');
    applySupervision([cleared('helpState', { requestId: 'r1' })], 3);
    expect(useHelp.getState().byId.size).toBe(0);
  });

  it('raise alerts, tell the listener about new ones, and let the supervisor acknowledge them', () => {
    const raised: Alert[][] = [];
    onAlertsRaised((alerts) => raised.push(alerts));
    applySupervision([healthMessage(health('class-a', [{ tag: 'stream.cant-hear', userId: 's', since: 1 }]))], 5);
    applySupervision([helpMessage(helpState('r1', { status: 'escalated', classId: 'class-a' }))], 6);
    expect(raised.map((batch) => batch.map((a) => [a.kind, a.severity, a.title]))).toEqual([
      [['tag', 'critical', 'Title class-a']],
      [['help', 'critical', 'Title class-a']],
    ]);
    acknowledgeAlert('help:r1', 7);
    expect(useAlerts.getState().alerts.map((a) => [a.id, a.acknowledgedAt])).toEqual([
      ['tag:class-a:stream.cant-hear:s', null],
      ['help:r1', 7],
    ]);
    applySupervision([cleared('classHealth', { classId: 'class-a' })], 8);
    expect(useAlerts.getState().alerts.find((a) => a.kind === 'tag')?.clearedAt).toBe(8);
  });
});
