import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { ReleaseAdmin, expectOk } from '../releases/testing/release-admin';
import type { FaultTag } from './faults';
import { InstallsSchema, SimulatedInstalls, type ClassroomDesks, type InstallsInput, type SeatDesk } from './installs';
import { releaseDesk } from './release-desk';

/**
 * Simulated installs against the real release service (its decisions and state, in process): they adopt what their
 * ring's percentage offers, never install in class, discard a halted download, go back after a revoke, and carry a
 * bad version's defect into their class.
 */
let backend: RunningBackend;
let internals: BackendInternals;
let admin: ReleaseAdmin;

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0, tagger: false }));
  admin = await ReleaseAdmin.signIn(backend.httpUrl);
  await admin.publishRelease('1.9.2');
  await expectOk(admin.rollout('1.9.2', 'broad', 100));
  await expectOk(admin.request('PUT', '/rings', { shares: { canary: 100, pilot: 0 }, groups: {} }));
});

afterAll(() => backend.close());

/** Seats of simulated classes, as the simulator would report them; `inClass` is flipped by the test. */
class Classroom implements ClassroomDesks {
  readonly seats: SeatDesk[];
  readonly injected: { userId: string; tag: FaultTag }[] = [];

  constructor(count: number) {
    this.seats = Array.from({ length: count }, (_, i) => ({ classId: `class-${i}`, userId: `s-${i}`, appVersion: '1.9.2', inClass: false }));
  }

  desks(): readonly SeatDesk[] {
    return this.seats;
  }

  runVersion(classId: string, userId: string, version: string): void {
    this.seats.find((s) => s.userId === userId)!.appVersion = version;
  }

  inject(classId: string, userId: string, tag: FaultTag): boolean {
    this.injected.push({ userId, tag });
    return true;
  }
}

function fleet(classroom: Classroom, options: InstallsInput = {}): SimulatedInstalls {
  return new SimulatedInstalls(InstallsSchema.parse({ count: 1_000, pollMs: 1_000, schedule: { periodMs: 10_000, classMs: 0 }, ...options }), releaseDesk(internals.releases), classroom, 0);
}

/** Runs the fleet over `polls` poll intervals, in steps of 100 ms of its clock. */
function run(installs: SimulatedInstalls, from: number, polls: number): number {
  const until = from + polls * installs.options.pollMs;
  for (let now = from; now <= until; now += 100) installs.advance(now);
  return until + 100;
}

describe('simulated installs', () => {
  it('adopt a release at its percentage, install only outside class, and go back after a revoke', async () => {
    await admin.publishRelease('2.0.0');
    await expectOk(admin.rollout('2.0.0', 'canary', 10));
    const classroom = new Classroom(50);
    for (const seat of classroom.seats) seat.inClass = true;
    const installs = fleet(classroom);
    let now = run(installs, 0, 3);
    const taken = installs.versions().get('2.0.0') ?? 0;
    // 10% of the desks, give or take: the service's sticky hash decides which.
    expect(taken).toBeGreaterThan(60);
    expect(taken).toBeLessThan(140);
    // Seats in class downloaded it but none installed it.
    expect(classroom.seats.every((s) => s.appVersion === '1.9.2')).toBe(true);
    // The seats the service offers it to (the same sticky answer every time).
    const seatsOffered = classroom.seats.filter((s) => internals.releases.check({ installId: `sim-desk-${String(classroom.seats.indexOf(s) + 1).padStart(6, '0')}`, ring: null, groups: [], currentVersion: '1.9.2', channel: 'latest', platform: 'linux', pin: null }).offer.kind === 'update');
    for (const seat of classroom.seats) seat.inClass = false;
    now = run(installs, now, 2);
    expect(classroom.seats.filter((s) => s.appVersion === '2.0.0')).toHaveLength(seatsOffered.length);

    await expectOk(admin.act('2.0.0', 'revoke', { reason: 'test: bad build' }));
    run(installs, now, 3);
    expect(installs.versions().get('2.0.0') ?? 0).toBe(0);
    expect(installs.versions().get('1.9.2')).toBe(1_000);
  });

  it('discards a download whose release was halted before it installed', async () => {
    await admin.publishRelease('2.1.0');
    await expectOk(admin.rollout('2.1.0', 'canary', 100));
    const classroom = new Classroom(0);
    // Every desk is in class for the first half of each 10 s period, from the start.
    const installs = fleet(classroom, { count: 200, schedule: { periodMs: 10_000, classMs: 10_000 } });
    const now = run(installs, 0, 2);
    expect(installs.versions().get('1.9.2')).toBe(200);
    await expectOk(admin.act('2.1.0', 'halt', { reason: 'test: halt' }));
    // Out of class at last: each asks for the status before installing, and discards the halted download.
    installs.options.schedule.classMs = 0;
    run(installs, now, 2);
    expect(installs.versions().get('1.9.2')).toBe(200);
    expect(installs.counts.discarded).toBe(200);
    expect(installs.counts.installs).toBe(0);
    await expectOk(admin.act('2.1.0', 'revoke', { reason: 'test: done' }));
  });

  it('carries a bad version into its participant class, once per interval', async () => {
    await admin.publishRelease('2.2.0');
    await expectOk(admin.rollout('2.2.0', 'canary', 100));
    const classroom = new Classroom(10);
    const installs = fleet(classroom, { count: 10, badVersions: ['2.2.0'], badEveryMs: 5_000 });
    let now = run(installs, 0, 2);
    expect(classroom.seats.every((s) => s.appVersion === '2.2.0')).toBe(true);
    expect(classroom.injected).toEqual([]);
    for (const seat of classroom.seats) seat.inClass = true;
    now = run(installs, now, 4);
    expect(classroom.injected.length).toBe(10);
    expect(new Set(classroom.injected.map((i) => i.tag))).toEqual(new Set(['course.load-failed']));
    // The next 5 s see each defect once more (badEveryMs after the first).
    run(installs, now, 5);
    expect(classroom.injected.length).toBe(20);
  });
});
