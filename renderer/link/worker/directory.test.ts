import { describe, expect, it } from 'vitest';
import type { ClassSummary, DirectoryChanges } from '../../../shared/protocol/messages';
import type { DirectoryPage } from '../../../shared/protocol/rpc/directory';
import { DirectoryFollower } from './directory';

function summary(n: number, students = 0): ClassSummary {
  return {
    v: 1,
    id: `class-${String(n).padStart(4, '0')}`,
    title: `Class ${n}`,
    teacher: { id: 'teacher1', name: 'Teacher One' },
    state: 'live',
    region: 'sg',
    startsAt: 0,
    presence: { teachers: 1, students },
    capacity: 30,
    updatedAt: students,
  };
}

const page = (epoch: string, seq: number, from: number, count: number, total: number): DirectoryPage => ({
  epoch,
  seq,
  total,
  summaries: Array.from({ length: count }, (_, i) => summary(from + i + 1)),
  next: from + count < total ? from + count : null,
});

const changes = (epoch: string, seq: number, ...summaries: ClassSummary[]): DirectoryChanges => ({ v: 1, epoch, seq, summaries });

/** A follower wired to a list the way the console's class list keeps it: the newest summary per class. */
function follower() {
  const requested: number[] = [];
  const readings: number[] = [];
  const fallBacks: string[] = [];
  const list = new Map<string, ClassSummary>();
  const follow = new DirectoryFollower({
    requestPage: (from, reading) => {
      requested.push(from);
      readings.push(reading);
    },
    summaries: (summaries) => summaries.forEach((s) => list.set(s.id, s)),
    fallBack: (reason) => fallBacks.push(reason),
  });
  /** The reading the last page request belongs to, as the link answers it. */
  const reading = () => readings.at(-1)!;
  return { follow, requested, reading, fallBacks, list, students: (n: number) => list.get(summary(n).id)?.presence.students };
}

describe('the class list read page by page and followed by its changes', () => {
  it('reads every page, then applies only the changes after the first page, in order', () => {
    const { follow, requested, reading, list, students } = follower();
    follow.start();
    follow.page(page('run-1', 5, 0, 500, 1_000), reading());
    // Changes published while the pages are read: seq 5 is in the first page already; 6 and 7 are not.
    follow.changes(changes('run-1', 5, summary(1, 9)));
    follow.changes(changes('run-1', 6, summary(1, 3)));
    follow.changes(changes('run-1', 7, summary(600, 4)));
    follow.page(page('run-1', 6, 500, 500, 1_000), reading());
    expect(requested).toEqual([0, 500]);
    expect(list.size).toBe(1_000);
    expect(students(1)).toBe(3);
    expect(students(600)).toBe(4);

    follow.changes(changes('run-1', 8, summary(2, 7)));
    follow.changes(changes('run-1', 8, summary(2, 1))); // delivered twice: the second copy is not news
    expect(students(2)).toBe(7);
  });

  it('reads the list again after a gap in the changes or when the directory restarted', () => {
    const { follow, requested, reading, students } = follower();
    follow.start();
    follow.page(page('run-1', 2, 0, 10, 10), reading());
    follow.changes(changes('run-1', 4, summary(1, 5)));
    expect(students(1)).toBe(0);
    expect(requested).toEqual([0, 0]);

    follow.page(page('run-1', 4, 0, 10, 10), reading());
    follow.changes(changes('run-2', 1, summary(1, 6)));
    expect(requested).toEqual([0, 0, 0]);
    follow.page(page('run-2', 1, 0, 10, 10), reading());
    follow.changes(changes('run-2', 2, summary(1, 6)));
    expect(students(1)).toBe(6);
  });

  it('starts over when the directory restarts between two pages', () => {
    const { follow, requested, reading } = follower();
    follow.start();
    follow.page(page('run-1', 2, 0, 5, 10), reading());
    follow.page(page('run-2', 0, 5, 5, 10), reading());
    expect(requested).toEqual([0, 5, 0]);
  });

  it('falls back to the retained summaries when the directory cannot list, and ignores changes until read again', () => {
    const { follow, fallBacks, reading, students } = follower();
    follow.start();
    follow.failed('no response within 10000 ms', reading());
    expect(fallBacks).toEqual(['no response within 10000 ms']);
    follow.changes(changes('run-1', 1, summary(1, 2)));
    expect(students(1)).toBeUndefined();
  });

  it('ignores the answer to a page of a reading that was started over', () => {
    const { follow, requested, reading, list, fallBacks } = follower();
    follow.start();
    const first = reading();
    follow.page(page('run-1', 2, 0, 5, 10), first);
    expect(requested).toEqual([0, 5]);
    // The link reconnects while the second page is on its way: the list is read again from the start.
    follow.start();
    follow.page(page('run-1', 2, 5, 5, 10), first);
    follow.failed('timeout', first);
    expect(requested).toEqual([0, 5, 0]);
    expect(list.size).toBe(5);
    expect(fallBacks).toEqual([]);
    follow.page(page('run-1', 3, 0, 10, 10), reading());
    expect(list.size).toBe(10);
  });

  it('reads every page to the end while a busy directory publishes thousands of changes meanwhile, then shows the newest of each', () => {
    const { follow, requested, reading, list, students } = follower();
    follow.start();
    // Before the first page: a few changes already in it, and one after it.
    follow.changes(changes('run-1', 3, summary(1, 1)));
    follow.changes(changes('run-1', 4, summary(1, 2)));
    follow.page(page('run-1', 3, 0, 1_000, 10_000), reading());
    for (let from = 1_000, seq = 5; from < 10_000; from += 1_000) {
      // 500 changes between two pages, as while a freshly started backend brings 10,000 classes live.
      for (let i = 0; i < 500; i++, seq++) follow.changes(changes('run-1', seq, summary((seq % 10_000) + 1, seq)));
      follow.page(page('run-1', seq, from, 1_000, 10_000), reading());
    }
    expect(requested).toEqual([0, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000]);
    expect(list.size).toBe(10_000);
    expect(students(1)).toBe(2);
    expect(students(4_505)).toBe(4_504);
    // Followed from the last change merged: the next one applies, one after a gap reads the list again.
    follow.changes(changes('run-1', 4_505, summary(7, 99)));
    expect(students(7)).toBe(99);
    follow.changes(changes('run-1', 4_507, summary(7, 100)));
    expect(requested.at(-1)).toBe(0);
  });
});

