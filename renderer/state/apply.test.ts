import { beforeEach, describe, expect, it } from 'vitest';
import type { ClassSummary } from '../../shared/protocol';
import { applyBatch, resetLinkState } from './apply';
import { useClasses } from './classes';
import { useConnection } from './connection';
import { useDiagnostics } from './diagnostics';

function summary(n: number, patch: Partial<ClassSummary> = {}): ClassSummary {
  const id = `class-${String(n).padStart(4, '0')}`;
  return {
    v: 1,
    id,
    title: `Class ${n}`,
    teacher: { id: `t${n}`, name: `Teacher ${n}` },
    state: 'scheduled',
    region: 'eu',
    startsAt: 0,
    presence: { teachers: 0, students: 0 },
    capacity: 30,
    updatedAt: 0,
    ...patch,
  };
}

const empty = { summaries: [], cleared: [] };

describe('applying link batches to the stores', () => {
  beforeEach(() => resetLinkState());

  it('applies a batch of a thousand summaries as one update of the class map', () => {
    let updates = 0;
    const unsubscribe = useClasses.subscribe(() => updates++);
    applyBatch({ summaries: Array.from({ length: 1_000 }, (_, i) => summary(i + 1)), cleared: [] });
    unsubscribe();
    expect(updates).toBe(1);
    expect(useClasses.getState().byId.size).toBe(1_000);
  });

  it('replaces changed classes, keeps unchanged ones as they were, and removes cleared ones', () => {
    applyBatch({ summaries: [summary(1), summary(2), summary(3)], cleared: [] });
    const before = useClasses.getState().byId;
    applyBatch({ summaries: [summary(2, { state: 'live' })], cleared: ['class-0003'] });
    const after = useClasses.getState().byId;
    expect(after).not.toBe(before);
    expect(after.get('class-0001')).toBe(before.get('class-0001'));
    expect(after.get('class-0002')?.state).toBe('live');
    expect(after.has('class-0003')).toBe(false);
  });

  it('leaves stores untouched when a batch has nothing for them', () => {
    const classes = useClasses.getState();
    const diagnostics = useDiagnostics.getState();
    applyBatch({ ...empty, status: { state: 'connected', attempt: 0, rttMs: 4, failure: null, detail: '' } });
    expect(useClasses.getState()).toBe(classes);
    expect(useDiagnostics.getState()).toBe(diagnostics);
    expect(useConnection.getState().status.rttMs).toBe(4);
  });

  it('keeps the outbox and notes from the latest batches, notes bounded', () => {
    const item = { id: 'a', action: { kind: 'classControl', classId: 'class-0001', action: 'start' }, queuedAt: 1 } as const;
    applyBatch({ ...empty, outbox: [item] });
    expect(useConnection.getState().outbox).toEqual([item]);
    for (let i = 0; i < 30; i++) {
      applyBatch({ ...empty, notes: Array.from({ length: 10 }, (_, j) => ({ at: i, level: 'info' as const, text: `${i}.${j}` })) });
    }
    const notes = useDiagnostics.getState().notes;
    expect(notes).toHaveLength(100);
    expect(notes.at(-1)?.text).toBe('29.9');
    applyBatch({ ...empty, outbox: [] });
    expect(useConnection.getState().outbox).toEqual([]);
  });
});
