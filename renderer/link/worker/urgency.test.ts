import { describe, expect, it } from 'vitest';
import { topic, type ClassHealth } from '../../../shared/protocol';
import type { SupervisionMessage } from '../messages';
import { canWait } from './urgency';

function health(severity: ClassHealth['severity']): SupervisionMessage {
  const message = { classId: 'c1', severity } as ClassHealth;
  return { ok: true, kind: 'classHealth', params: { classId: 'c1' }, message, topic: topic('classHealth', { classId: 'c1' }) } as SupervisionMessage;
}

function other(kind: 'helpState' | 'classTags' | 'supervisorMetrics'): SupervisionMessage {
  return { ok: true, kind, params: {}, message: {}, topic: `classroom/${kind}` } as unknown as SupervisionMessage;
}

describe('which supervision traffic can wait for the next calm batch', () => {
  it('a critical class and a help request go at the next frame', () => {
    expect(canWait(health('critical'))).toBe(false);
    expect(canWait(other('helpState'))).toBe(false);
  });

  it('warnings, recoveries, tags and the headline figures can wait', () => {
    expect(canWait(health('warning'))).toBe(true);
    expect(canWait(health('ok'))).toBe(true);
    expect(canWait(other('classTags'))).toBe(true);
    expect(canWait(other('supervisorMetrics'))).toBe(true);
  });
});
