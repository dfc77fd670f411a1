import { describe, expect, it } from 'vitest';
import type { ClassTags, HelpState, RemedyAttempt } from '../../shared/protocol/supervision';
import { automaticCleared, automaticFailure, clearedByPeople, DISPATCHER_ID, overdue, type WatchClock } from './remedy-watch';

const t0 = 1_760_000_000_000;
const tag = { tag: 'stream.cant-hear' as const, userId: 'student1', since: t0 - 60_000, evidence: '' };

function attempt(patch: Partial<RemedyAttempt>): RemedyAttempt {
  return { action: 'switch-line', to: 'student1', commandId: `c-${Math.random().toString(36).slice(2, 8)}`, by: DISPATCHER_ID, sentAt: t0, outcome: 'pending', detail: '', ...patch };
}

function request(remedies: RemedyAttempt[], status: HelpState['status'] = 'remedy-pending'): HelpState {
  return {
    v: 1, id: 'h-1', classId: 'class-0001', from: { id: 'student1', name: 'S', role: 'student' }, topic: 'audio', text: '', status,
    reason: '', tags: [tag], remedies, claimedBy: null, note: '', diagnostics: null, createdAt: t0, updatedAt: t0, resolvedAt: null,
  };
}

/** Tags as an older tagger published them: no `heard`. */
function classTags(ts: number, tags = [] as ClassTags['tags']): ClassTags {
  return { v: 1, classId: 'class-0001', windowEnd: ts, tags, setAside: { late: 0, future: 0, duplicate: 0 }, heard: [], ts };
}

/** Tags as the tagger publishes them now: who it heard from, and when. */
function heardTags(ts: number, heard: ClassTags['heard'], tags = [{ ...tag, tag: 'entry.entered' as const }] as ClassTags['tags']): ClassTags {
  return { ...classTags(ts, tags), heard };
}

const clock = (now: number, ackDeadline = (a: RemedyAttempt) => a.sentAt + 10_000): WatchClock => ({ now, ackTimeoutMs: 10_000, pendingWindowMs: 45_000, ackDeadline });

describe('remedy rules', () => {
  it('resolves only on tags published after the last acknowledgement of every automatic command', () => {
    const state = request([attempt({ outcome: 'acked', ackedAt: t0 + 2_000 }), attempt({ to: 'teacher1', outcome: 'acked', ackedAt: t0 + 5_000 })]);
    const heard = [{ userId: 'student1', at: t0 + 5_500 }];
    expect(automaticCleared(state, heardTags(t0 + 4_000, heard))).toBe(false);
    expect(automaticCleared(state, heardTags(t0 + 6_000, heard, [tag]))).toBe(false);
    expect(automaticCleared(state, heardTags(t0 + 6_000, heard))).toBe(true);
    expect(automaticCleared(request([attempt({ outcome: 'acked', ackedAt: t0 }), attempt({})]), heardTags(t0 + 6_000, heard))).toBe(false);
    expect(automaticCleared({ ...state, status: 'claimed' }, heardTags(t0 + 6_000, heard))).toBe(false);
  });

  it('does not take a tag that went with its participant for a remedy that worked', () => {
    const state = request([attempt({ outcome: 'acked', ackedAt: t0 + 2_000 })]);
    // Heard from after the acknowledgement, and lately: the tag went because the remedy worked.
    expect(automaticCleared(state, heardTags(t0 + 9_000, [{ userId: 'student1', at: t0 + 7_000 }]))).toBe(true);
    // Last heard from before the acknowledgement: they left, or their console went quiet, and their evidence with it.
    expect(automaticCleared(state, heardTags(t0 + 9_000, [{ userId: 'student1', at: t0 + 1_000 }]))).toBe(false);
    // Heard after it once, but not for longer than HEARD_FRESH_MS before the class's newest event.
    const stale = { ...heardTags(t0 + 30_000, [{ userId: 'student1', at: t0 + 3_000 }, { userId: 'teacher1', at: t0 + 29_000 }]), windowEnd: t0 + 29_000 };
    expect(automaticCleared(state, stale)).toBe(false);
    // Not listed at all, or the class forgotten (no tags, nobody heard).
    expect(automaticCleared(state, heardTags(t0 + 9_000, [{ userId: 'teacher1', at: t0 + 8_000 }]))).toBe(false);
    expect(automaticCleared(state, classTags(t0 + 9_000))).toBe(false);
    // Tags from a tagger older than `heard` are taken as they are.
    expect(automaticCleared(state, classTags(t0 + 9_000, [{ ...tag, tag: 'stream.normal' }]))).toBe(true);
    // A supervisor's remedy is held to the same.
    const claimed = request([attempt({ by: 'supervisor1', outcome: 'acked', ackedAt: t0 + 2_000 })], 'claimed');
    expect(clearedByPeople(claimed, heardTags(t0 + 9_000, [{ userId: 'student1', at: t0 + 1_000 }]))).toEqual([]);
    expect(clearedByPeople(claimed, heardTags(t0 + 9_000, [{ userId: 'student1', at: t0 + 8_000 }]))).toHaveLength(1);
  });

  it('times out an unacknowledged command, and runs the window from the last acknowledgement', () => {
    const pending = request([attempt({})]);
    expect(overdue(pending, clock(t0 + 9_999), '')).toEqual([]);
    expect(overdue(pending, clock(t0 + 10_000), '')[0]).toMatchObject({ outcome: 'no-ack' });
    // After a restart, the deadline the dispatcher gives may be later than sentAt + 10 s.
    expect(overdue(pending, clock(t0 + 10_000, () => t0 + 12_000), '')).toEqual([]);
    const acked = request([attempt({ outcome: 'acked', ackedAt: t0 + 1_000 }), attempt({ to: 'teacher1', outcome: 'acked', ackedAt: t0 + 3_000 })]);
    expect(overdue(acked, clock(t0 + 47_000), 'x')).toEqual([]);
    expect(overdue(acked, clock(t0 + 48_000), 'stream.cant-hear (student1)').map((a) => [a.outcome, a.detail])).toEqual([
      ['not-cleared', 'stream.cant-hear (student1) still tagged 45 s after it was carried out'],
      ['not-cleared', 'stream.cant-hear (student1) still tagged 45 s after it was carried out'],
    ]);
  });

  it("fails the automatic attempt on a refusal, and records a supervisor's remedy without resolving", () => {
    expect(automaticFailure(request([attempt({ outcome: 'refused' })]))).toMatchObject({ outcome: 'refused' });
    expect(automaticFailure(request([attempt({ outcome: 'refused' })], 'escalated'))).toBeUndefined();
    const supervisor = request([attempt({ outcome: 'refused' }), attempt({ by: 'supervisor1', outcome: 'acked', ackedAt: t0 + 20_000 })], 'claimed');
    const heard = [{ userId: 'student1', at: t0 + 20_500 }];
    expect(clearedByPeople(supervisor, heardTags(t0 + 19_000, heard))).toEqual([]);
    expect(clearedByPeople(supervisor, heardTags(t0 + 21_000, heard))).toEqual([expect.objectContaining({ by: 'supervisor1', outcome: 'cleared' })]);
    expect(overdue(supervisor, clock(t0 + 65_000), 'x')).toEqual([expect.objectContaining({ by: 'supervisor1', outcome: 'not-cleared' })]);
  });
});
