import { describe, expect, it } from 'vitest';
import { topic, type ClassSummary, type Cleared } from '../../../shared/protocol';
import type { ClassMessage, DropSnapshot, OutboxItem, SupervisionMessage, TelemetryMessage } from '../messages';
import { BatchBuilder, MAX_CLASS_STREAM, MAX_NOTES_PER_BATCH, MAX_TELEMETRY } from './batch';

const CLASS = 'class-0001';
const noDrops: DropSnapshot = { counts: {} as DropSnapshot['counts'], total: 0, recent: [] };
const sources = (outbox: OutboxItem[] = []) => ({ outbox: () => outbox, drops: () => noDrops });

function summary(n: number, title = `Class ${n}`): ClassSummary {
  return {
    v: 1, id: `class-${n}`, title, teacher: { id: 't', name: 'T' }, state: 'live', region: 'eu', startsAt: 0,
    presence: { teachers: 1, students: 0 }, capacity: 2, updatedAt: n,
  };
}

function course(version: number): ClassMessage {
  const message = { v: 1 as const, version, pages: [], current: 'p1', by: 'teacher1', ts: version };
  return { ok: true, kind: 'course', params: { classId: CLASS }, message, topic: topic('course', { classId: CLASS }) } as ClassMessage;
}

function hand(userId: string, raised: boolean): ClassMessage {
  return { ok: true, kind: 'hand', params: { classId: CLASS, userId }, message: { v: 1, raised, at: 1 }, topic: topic('hand', { classId: CLASS, userId }) } as ClassMessage;
}

function chat(id: string): ClassMessage {
  const message = { v: 1 as const, id, from: { id: 's', name: 'S' }, text: id, moderation: 'clean', ts: 1 };
  return { ok: true, kind: 'chat', params: { classId: CLASS }, message, topic: topic('chat', { classId: CLASS }) } as unknown as ClassMessage;
}

function cleared(kind: 'hand', userId: string): Cleared {
  return { ok: true, kind: 'cleared', topic: topic(kind, { classId: CLASS, userId }), parsed: { kind, params: { classId: CLASS, userId } } };
}

function health(classId: string, updatedAt: number): SupervisionMessage {
  return { ok: true, kind: 'classHealth', params: { classId }, message: { classId, updatedAt } as never, topic: topic('classHealth', { classId }) } as SupervisionMessage;
}

function telemetry(n: number): TelemetryMessage {
  return { ok: true, kind: 'telemetry', params: { classId: CLASS, userId: 's' }, message: { v: 1, id: `t${n}`, at: n, events: [] }, topic: 'x' } as TelemetryMessage;
}

describe('the per-frame batch', () => {
  it('is empty but for the summary lists when nothing happened', () => {
    expect(new BatchBuilder().take(sources(), 0)).toEqual({ summaries: [], cleared: [] });
  });

  it('keeps the newest summary per class, and a clearing cancels an update (and the other way round)', () => {
    const builder = new BatchBuilder();
    builder.summary(summary(1, 'old'));
    builder.summary(summary(2));
    builder.summary(summary(1, 'new'));
    builder.summaryCleared('class-2');
    builder.summaryCleared('class-3');
    builder.summary(summary(3));
    const batch = builder.take(sources(), 0);
    expect(batch.summaries.map((s) => [s.id, s.title])).toEqual([['class-1', 'new'], ['class-3', 'Class 3']]);
    expect(batch.cleared).toEqual(['class-2']);
  });

  it('coalesces retained class state to the newest per topic, first, and keeps streams in arrival order after it', () => {
    const builder = new BatchBuilder();
    builder.classMessage(chat('a'));
    builder.classMessage(course(1));
    builder.classMessage(hand('s1', true));
    builder.classMessage(chat('b'));
    builder.classMessage(course(2));
    builder.classMessage(cleared('hand', 's1'));
    const messages = builder.take(sources(), 0).classMessages ?? [];
    expect(messages.map((m) => (m.kind === 'course' ? `course ${m.message.version}` : m.kind === 'chat' ? `chat ${m.message.id}` : m.kind))).toEqual([
      'course 2',
      'cleared',
      'chat a',
      'chat b',
    ]);
  });

  it('caps the class stream, dropping the oldest, and says how many went', () => {
    const builder = new BatchBuilder();
    for (let i = 0; i < MAX_CLASS_STREAM + 3; i++) builder.classMessage(chat(`m${i}`));
    const batch = builder.take(sources(), 42);
    expect(batch.classMessages).toHaveLength(MAX_CLASS_STREAM);
    expect(batch.classMessages?.[0]).toMatchObject({ message: { id: 'm3' } });
    expect(batch.notes).toEqual([{ at: 42, level: 'warning', text: '3 class messages were dropped: the screen fell behind' }]);
    expect(builder.take(sources(), 43).notes).toBeUndefined();
  });

  it('forgets the class traffic gathered for a class that was left', () => {
    const builder = new BatchBuilder();
    builder.classMessage(course(1));
    builder.classMessage(chat('a'));
    builder.dropClassTraffic();
    builder.classMessage(chat('b'));
    expect(builder.take(sources(), 0).classMessages?.map((m) => m.kind === 'chat' && m.message.id)).toEqual(['b']);
  });

  it('coalesces supervision per topic and keeps the newest telemetry under its cap', () => {
    const builder = new BatchBuilder();
    builder.supervisionMessage(health('class-a', 1));
    builder.supervisionMessage(health('class-b', 1));
    builder.supervisionMessage(health('class-a', 2));
    for (let i = 0; i < MAX_TELEMETRY + 5; i++) builder.telemetryMessage(telemetry(i));
    const batch = builder.take(sources(), 0);
    expect(batch.supervision?.map((m) => m.kind === 'classHealth' && [m.message.classId, m.message.updatedAt])).toEqual([
      ['class-b', 1],
      ['class-a', 2],
    ]);
    expect(batch.telemetry).toHaveLength(MAX_TELEMETRY);
    expect(batch.telemetry?.[0]?.message.id).toBe('t5');
  });

  it('reads the outbox and drops only when they changed, and passes status, acknowledgements and notes once', () => {
    const builder = new BatchBuilder();
    const item: OutboxItem = { id: 'a', action: { kind: 'classControl', classId: CLASS, action: 'start' }, queuedAt: 1 };
    builder.markOutbox();
    builder.acknowledge('x');
    builder.setStatus({ state: 'connected', attempt: 0, rttMs: 3, failure: null, detail: '' });
    for (let i = 0; i < MAX_NOTES_PER_BATCH + 1; i++) builder.note({ at: i, level: 'info', text: `${i}` });
    const first = builder.take(sources([item]), 0);
    expect(first.outbox).toEqual([item]);
    expect(first.drops).toBeUndefined();
    expect(first.acknowledged).toEqual(['x']);
    expect(first.status?.rttMs).toBe(3);
    expect(first.notes).toHaveLength(MAX_NOTES_PER_BATCH);
    expect(first.notes?.[0]?.text).toBe('1');
    builder.markDrops();
    const second = builder.take(sources([item]), 0);
    expect(second).toEqual({ summaries: [], cleared: [], drops: noDrops });
  });
});
