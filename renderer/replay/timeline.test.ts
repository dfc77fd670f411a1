import { describe, expect, it } from 'vitest';
import type { PollState } from '../../shared/protocol/polls';
import type { RecordedEntry } from '../../shared/protocol/recording';
import { buildTimeline, groupMarkers, type Marker } from './timeline';

const CLASS = { classId: 'class-1' };

function poll(id: string, state: PollState['state'], title = `Poll ${id}`): PollState {
  return {
    v: 1, id, classId: 'class-1', kind: 'poll', title, anonymous: true, state, launchedAt: 1, ts: 1,
    questions: [{ id: 'q1', type: 'truefalse', prompt: 'Ready?', options: [{ id: 'true', text: 'True' }, { id: 'false', text: 'False' }] }],
  };
}

describe('timeline', () => {
  it('marks a poll where it was launched and where it closed, once each, with its title; a running poll recorded as state only at its close', () => {
    const entries: RecordedEntry[] = [
      { t: 1_000, k: '$start', by: 'teacher1' },
      { t: 1_000, k: 'poll', p: { ...CLASS, pollId: 'old' }, m: poll('old', 'open', 'Warm-up'), state: true },
      { t: 5_000, k: 'poll', p: { ...CLASS, pollId: 'p1' }, m: poll('p1', 'open', 'Fractions') },
      { t: 6_000, k: 'pollTally', p: { ...CLASS, pollId: 'p1' }, m: { v: 1, pollId: 'p1', state: 'open', results: { respondents: 1, questions: [] }, ts: 6_000 } },
      // Republished unchanged (a retained state read again): no second marker.
      { t: 7_000, k: 'poll', p: { ...CLASS, pollId: 'p1' }, m: poll('p1', 'open', 'Fractions') },
      { t: 9_000, k: 'poll', p: { ...CLASS, pollId: 'p1' }, m: poll('p1', 'closed', 'Fractions') },
      { t: 9_500, k: 'poll', p: { ...CLASS, pollId: 'old' }, m: poll('old', 'closed', 'Warm-up') },
      { t: 10_000, k: '$stop', reason: 'teacher' },
    ];
    const timeline = buildTimeline(entries, null);
    expect(timeline.markers).toEqual([
      { at: 4_000, kind: 'poll', label: 'Fractions' },
      { at: 8_000, kind: 'pollClosed', label: 'Fractions' },
      { at: 8_500, kind: 'pollClosed', label: 'Warm-up' },
    ]);
    // The tally is replayed with the rest (the teacher's replay shows counts), but marks nothing.
    expect(timeline.messages.filter((m) => m.kind === 'pollTally')).toHaveLength(1);
  });

  it("groups one kind's markers within 1/60 of the recording into one, keeping other kinds and later markers apart", () => {
    const hour = 3_600_000; // 60 s per place
    const markers: Marker[] = [
      ...Array.from({ length: 240 }, (_, i) => ({ at: i * 15_000, kind: 'chat' as const, label: `line ${i}` })),
      { at: 20_000, kind: 'hand', label: '' },
      { at: 40_000, kind: 'page', label: '2' },
    ];
    const groups = groupMarkers(markers, hour);
    const chat = groups.filter((g) => g.kind === 'chat');
    expect(chat).toHaveLength(60);
    expect(chat[0]).toEqual({ at: 0, kind: 'chat', label: 'line 0', count: 4, until: 45_000 });
    expect(chat.reduce((sum, g) => sum + g.count, 0)).toBe(240);
    expect(groups.filter((g) => g.kind !== 'chat')).toEqual([
      { at: 20_000, kind: 'hand', label: '', count: 1, until: 20_000 },
      { at: 40_000, kind: 'page', label: '2', count: 1, until: 40_000 },
    ]);
    // A short class keeps markers seconds apart separate.
    expect(groupMarkers([{ at: 1_000, kind: 'chat', label: 'a' }, { at: 9_000, kind: 'chat', label: 'b' }], 30_000)).toHaveLength(2);
  });
});
