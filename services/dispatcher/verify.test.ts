import { describe, expect, it } from 'vitest';
import type { ClassTags, HelpState, TagEntry } from '../../shared/protocol/supervision';
import { coverage, MAX_REMEDIES_PER_REQUEST } from './coverage';
import { helpRequest } from '../testing/help-clients';
import { recheck, verify, type VerifyContext } from './verify';

const now = 1_760_000_000_000;
const student = { id: 'student1', name: 'Student One', role: 'student' as const };
const teacher = { id: 'teacher1', name: 'Teacher One', role: 'teacher' as const };

function tags(entries: Omit<TagEntry, 'evidence' | 'since'>[]): ClassTags {
  return { v: 1, classId: 'class-0001', windowEnd: now, tags: entries.map((e) => ({ since: now - 30_000, evidence: '', ...e })), setAside: { late: 0, future: 0, duplicate: 0 }, heard: [], ts: now };
}

function context(patch: Partial<VerifyContext> = {}): VerifyContext {
  return { now, senderId: 'student1', senderRole: 'student', openRequestsOf: () => [], handlerOf: () => undefined, classTags: tags([]), teacherId: 'teacher1', ...patch };
}

const open = { id: 'h-open', status: 'remedy-pending', topic: 'audio', tags: [{ tag: 'stream.cant-hear', userId: 'student1', since: now, evidence: '' }] } as HelpState;

describe('verify', () => {
  it('checks in order: invalid, duplicate, expired, already handled, not coverable', () => {
    const request = helpRequest(student, { ts: now - 10 * 60_000 });
    const everything = context({ senderRole: 'teacher', openRequestsOf: () => [open], handlerOf: () => open, classTags: tags([{ tag: 'stream.cant-hear', userId: 'student1' }]) });
    expect(verify(request, everything)).toMatchObject({ check: 'invalid' });
    expect(verify(request, { ...everything, senderRole: 'student' })).toMatchObject({ check: 'duplicate', reason: 'duplicate: student1 already has request h-open open about it (remedy-pending)' });
    expect(verify(request, { ...everything, senderRole: 'student', openRequestsOf: () => [] })).toMatchObject({ check: 'expired', reason: 'expired: sent 600 s ago, more than 300 s' });
    const fresh = { ...request, ts: now };
    expect(verify(fresh, { ...everything, senderRole: 'student', openRequestsOf: () => [] })).toMatchObject({ check: 'already-handled' });
    expect(verify(fresh, context())).toEqual({ ok: false, check: 'not-coverable', reason: 'not coverable: the class has no problem tags' });
    expect(verify(fresh, context({ classTags: undefined }))).toMatchObject({ reason: 'not coverable: the tagger has published no tags for this class' });
  });

  it('is a duplicate only of an open request about the same problem', () => {
    const classTags = tags([{ tag: 'course.load-failed', userId: 'student1' }]);
    const waiting = { id: 'h-noise', status: 'manual', topic: 'other', tags: [] } as unknown as HelpState;
    // Pressed before anything was tagged: that request waits for a person, and the tagged problem is handled now.
    expect(verify(helpRequest(student, { ts: now, topic: 'courseware' }), context({ classTags, openRequestsOf: () => [waiting] }))).toMatchObject({ ok: true });
    // Nothing tagged either time, about the same thing: the same press again.
    expect(verify(helpRequest(student, { ts: now, topic: 'other' }), context({ openRequestsOf: () => [waiting] }))).toMatchObject({ check: 'duplicate' });
    expect(verify(helpRequest(student, { ts: now, topic: 'audio' }), context({ openRequestsOf: () => [waiting] }))).toMatchObject({ check: 'not-coverable' });
  });

  it('refuses a timestamp far in the future, and accepts an unknown sender role', () => {
    expect(verify(helpRequest(student, { ts: now + 6 * 60_000 }), context())).toMatchObject({ check: 'invalid', reason: 'invalid: sent 360 s in the future' });
    const covered = context({ senderRole: undefined, classTags: tags([{ tag: 'stream.audio-stuck', userId: 'student1' }]) });
    expect(verify(helpRequest(student, { ts: now }), covered)).toMatchObject({ ok: true });
  });

  it('rechecks a waiting request against the tags alone: not as a repeat of itself, and never as expired', () => {
    const waiting = { id: 'h-wait', status: 'received', from: student, topic: 'audio', tags: [] } as unknown as HelpState;
    const uncovered = context({ openRequestsOf: () => [waiting] });
    expect(recheck(waiting, uncovered)).toMatchObject({ check: 'not-coverable' });
    const covered = context({ now: now + 10 * 60_000, openRequestsOf: () => [waiting], classTags: tags([{ tag: 'stream.cant-hear', userId: 'student1' }]) });
    expect(recheck(waiting, covered)).toMatchObject({ ok: true, plan: [{ action: 'switch-line', to: 'student1' }] });
    expect(recheck(waiting, { ...covered, handlerOf: () => open })).toMatchObject({ check: 'already-handled' });
  });

  it("covers only the tags another request's remedy does not", () => {
    const classTags = tags([{ tag: 'stream.cant-hear', userId: 'student1' }, { tag: 'stream.audio-stuck', userId: 'student1' }]);
    const verdict = verify(helpRequest(student, { ts: now }), context({ classTags, handlerOf: (entry) => (entry.tag === 'stream.cant-hear' ? open : undefined) }));
    expect(verdict).toMatchObject({ ok: true, plan: [{ action: 'restart-media', to: 'student1' }] });
  });
});

describe('coverage', () => {
  it("covers the sender's own tags, class-wide ones and the teacher's, not other students'", () => {
    const classTags = tags([
      { tag: 'stream.cant-hear', userId: 'student2' },
      { tag: 'stream.audio-stuck', userId: 'teacher1' },
      { tag: 'stream.cant-see', userId: 'student1' },
      { tag: 'stream.normal', userId: 'student1' },
    ]);
    const result = coverage(classTags, student, 'teacher1', 'other');
    expect(result.ok && result.covered.map((t) => `${t.tag}/${t.userId}`)).toEqual(['stream.audio-stuck/teacher1', 'stream.cant-see/student1']);
    expect(result.ok && result.plan).toEqual([
      expect.objectContaining({ action: 'restart-media', to: 'teacher1' }),
      expect.objectContaining({ action: 'switch-line', to: 'student1' }),
    ]);
  });

  it("narrows to the request's topic when any tag matches it, and to every relevant tag when none does", () => {
    const classTags = tags([{ tag: 'course.load-failed', userId: 'student1' }, { tag: 'stream.cant-hear', userId: 'student1' }]);
    const audio = coverage(classTags, student, 'teacher1', 'audio');
    expect(audio.ok && audio.covered.map((t) => t.tag)).toEqual(['stream.cant-hear']);
    const board = coverage(tags([{ tag: 'stream.cant-hear', userId: 'student1' }]), student, 'teacher1', 'board');
    expect(board.ok && board.covered.map((t) => t.tag)).toEqual(['stream.cant-hear']);
  });

  it("groups tags under one command per remedy and recipient, and caps the commands", () => {
    const many = tags(Array.from({ length: 8 }, (_, i) => ({ tag: 'stream.cant-see' as const, userId: `student${i + 2}` })));
    const result = coverage({ ...many, tags: [...many.tags, { tag: 'stream.cant-hear', userId: 'student2', since: now, evidence: '' }] }, teacher, 'teacher1', 'other');
    if (!result.ok) throw new Error(result.reason);
    expect(result.plan).toHaveLength(MAX_REMEDIES_PER_REQUEST);
    // Tags whose command was capped away are not covered: the request never waits on a tag it did nothing about.
    expect(result.covered).toHaveLength(result.plan.reduce((n, p) => n + p.tags.length, 0));
    expect(result.covered).toHaveLength(MAX_REMEDIES_PER_REQUEST + 1);
    expect(result.plan.find((p) => p.to === 'student2')?.tags.map((t) => t.tag)).toEqual(['stream.cant-hear', 'stream.cant-see']);
  });

  it('says why a class with problems does not cover the sender', () => {
    expect(coverage(tags([{ tag: 'course.cant-draw', userId: 'student2' }]), student, 'teacher1', 'board')).toEqual({
      ok: false, reason: "not coverable: none of the class's 1 problem tags concern student1",
    });
  });
});
