import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { DEFAULT_GATE, judgeRing } from './health-gate';
import { ReleaseAdmin, checkFeed, expectOk } from './testing/release-admin';

const counts = (sessions: number, problemTags: number, failedEntries = 0) => ({ sessions, problemTags, failedEntries });

describe('the health gate decision', () => {
  it('waits for enough sessions before judging', () => {
    expect(judgeRing('canary', { version: '2.0.0', counts: counts(5, 5, 5) }, null)).toMatchObject({ halt: false, why: `5 of ${DEFAULT_GATE.minSessions} sessions seen` });
  });

  it('lets a version through whose rates are close to the one it replaces', () => {
    expect(judgeRing('pilot', { version: '2.0.0', counts: counts(100, 20, 1) }, { version: '1.9.0', counts: counts(1000, 150, 10) })).toMatchObject({ halt: false });
  });

  it('halts on problem tags or failed entries above the threshold, saying which and against what', () => {
    const decision = judgeRing('canary', { version: '2.0.0', counts: counts(50, 40, 10) }, { version: '1.9.0', counts: counts(500, 50, 5) });
    expect(decision).toEqual({
      halt: true,
      reason:
        'health gate (canary): problem tags 0.8 per session against 0.1 for 1.9.0 (more than 2×); failed entries 0.2 per session against 0.01 for 1.9.0 (more than 2×)',
      measures: [
        { measure: 'problem tags', candidateRate: 0.8, baselineRate: 0.1 },
        { measure: 'failed entries', candidateRate: 0.2, baselineRate: 0.01 },
      ],
    });
  });

  it('does not halt a version for noise over a spotless baseline below the floor', () => {
    expect(judgeRing('canary', { version: '2.0.0', counts: counts(100, 5) }, { version: '1.9.0', counts: counts(100, 0) })).toMatchObject({ halt: false });
    expect(judgeRing('canary', { version: '2.0.0', counts: counts(100, 11) }, { version: '1.9.0', counts: counts(100, 0) })).toMatchObject({ halt: true });
  });
});

describe('the health gate in the release service', () => {
  let backend: RunningBackend;
  let internals: BackendInternals;
  let admin: ReleaseAdmin;

  beforeAll(async () => {
    ({ backend, internals } = await launchBackend({ classes: 0, tagger: false }));
    admin = await ReleaseAdmin.signIn(backend.httpUrl);
    await admin.publishRelease('7.0.0');
    await expectOk(admin.rollout('7.0.0', 'broad', 100));
    await admin.publishRelease('7.1.0');
    await expectOk(admin.rollout('7.1.0', 'canary', 100));
  });
  afterAll(() => backend.close());

  it('halts a rollout whose ring raises problem tags, records why once, and the feed stops offering it', async () => {
    internals.releases.recordClassroomCounts('7.0.0', null, counts(400, 40, 2));
    internals.releases.recordClassroomCounts('7.1.0', 'canary', counts(10, 8, 3));
    expect(internals.releases.release('7.1.0').halted).toBeNull();
    for (let i = 0; i < 5; i++) internals.releases.recordClassroomCounts('7.1.0', 'canary', counts(4, 3, 1));
    await expect.poll(() => internals.releases.release('7.1.0').halted).toMatchObject({ by: 'health-gate', byGate: true, reason: expect.stringContaining('health gate (canary)') });

    const feed = parse((await checkFeed(backend.httpUrl, { installId: 'c', version: '7.0.0', ring: 'canary' })).text) as { version: string };
    expect(feed.version).toBe('7.0.0');
    const halts = (await admin.auditLines()).filter((e) => e.action === 'release-halted');
    expect(halts).toEqual([expect.objectContaining({ actor: { id: 'health-gate', kind: 'release-gate' }, detail: expect.stringContaining('problem tags 0.773 per session against 0.1 for 7.0.0') })]);
    const view = (await (await expectOk(admin.request('GET', '/7.1.0'))).json()) as { health: { ring: string; decision: { halt: boolean } }[] };
    expect(view.health).toEqual([expect.objectContaining({ ring: 'canary', decision: expect.objectContaining({ halt: true }) })]);
  });
});
