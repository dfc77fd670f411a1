import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchBackend, startBackend, type RunningBackend } from '../backend';
import { ReleaseAdmin, checkFeed, expectOk } from './testing/release-admin';

const ids = (n: number, prefix = 'install') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/** The version offered to each install running `from`, in `ring`. */
async function offers(httpUrl: string, installs: readonly string[], from: string, ring: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const installId of installs) {
    const { status, text } = await checkFeed(httpUrl, { installId, version: from, ring });
    expect(status).toBe(200);
    out.set(installId, (parse(text) as { version: string }).version);
  }
  return out;
}
const takers = (answers: Map<string, string>, version: string) => new Set([...answers].filter(([, v]) => v === version).map(([id]) => id));

describe('a staged rollout', () => {
  let backend: RunningBackend;
  let admin: ReleaseAdmin;

  beforeAll(async () => {
    backend = await startBackend({ classes: 0, tagger: false });
    admin = await ReleaseAdmin.signIn(backend.httpUrl);
    await admin.publishRelease('1.0.0');
    await expectOk(admin.rollout('1.0.0', 'broad', 100));
    await admin.publishRelease('1.1.0');
  });
  afterAll(() => backend.close());

  it('offers nothing newer before any ring has a percentage, and names the running version', async () => {
    const { status, text } = await checkFeed(backend.httpUrl, { installId: 'a1', version: '1.0.0', ring: 'canary' });
    expect(status).toBe(200);
    expect(parse(text)).toMatchObject({ version: '1.0.0', files: [] });
  });

  it('gives each install the same answer every time, and a share close to the percentage', async () => {
    await expectOk(admin.rollout('1.1.0', 'broad', 5));
    const installs = ids(2_000);
    const first = await offers(backend.httpUrl, installs, '1.0.0', 'broad');
    const again = await offers(backend.httpUrl, installs, '1.0.0', 'broad');
    expect(again).toEqual(first);
    const share = takers(first, '1.1.0').size / installs.length;
    // 2,000 fixed ids at 5%: 100 expected, standard deviation about 10; the hash is fixed, so so is the share.
    expect(share).toBeGreaterThan(0.035);
    expect(share).toBeLessThan(0.065);
  });

  it('is monotone: raising keeps everyone who was in, lowering removes only those above the new mark', async () => {
    const installs = ids(1_000, 'mono');
    const at = async (percent: number) => {
      await expectOk(admin.rollout('1.1.0', 'pilot', percent));
      return takers(await offers(backend.httpUrl, installs, '1.0.0', 'pilot'), '1.1.0');
    };
    const at10 = await at(10);
    const at30 = await at(30);
    const at20 = await at(20);
    const at10again = await at(10);
    for (const id of at10) expect(at30.has(id)).toBe(true);
    for (const id of at20) expect(at30.has(id)).toBe(true);
    for (const id of at10) expect(at20.has(id)).toBe(true);
    expect(at10again).toEqual(at10);
    expect(at10.size).toBeLessThan(at20.size);
    expect(at20.size).toBeLessThan(at30.size);
  });

  it('places installs by policy ring, then by group, then by a sticky hash of the install id', async () => {
    await expectOk(admin.request('PUT', '/rings', { shares: { canary: 10, pilot: 20 }, groups: { 'school:north-7': 'canary' } }));
    await expectOk(admin.rollout('1.1.0', 'canary', 100));
    const inGroup = await checkFeed(backend.httpUrl, { installId: 'g1', version: '1.0.0', groups: 'region:eu,school:north-7' });
    expect(parse(inGroup.text)).toMatchObject({ version: '1.1.0', classroom: { ring: 'canary' } });
    const byPolicy = await checkFeed(backend.httpUrl, { installId: 'g1', version: '1.0.0', groups: 'school:north-7', ring: 'broad' });
    expect(parse(byPolicy.text)).toMatchObject({ classroom: { ring: 'broad' } });
    const rings = new Map<string, number>();
    for (const installId of ids(1_000, 'hash')) {
      const { text } = await checkFeed(backend.httpUrl, { installId, version: '1.0.0' });
      const { ring } = (parse(text) as { classroom: { ring: string } }).classroom;
      rings.set(ring, (rings.get(ring) ?? 0) + 1);
      const again = await checkFeed(backend.httpUrl, { installId, version: '1.0.0' });
      expect((parse(again.text) as { classroom: { ring: string } }).classroom.ring).toBe(ring);
    }
    expect(rings.get('canary')).toBeGreaterThan(60);
    expect(rings.get('canary')).toBeLessThan(140);
    expect(rings.get('pilot')).toBeGreaterThan(150);
    expect(rings.get('pilot')).toBeLessThan(250);
  });

  it('promotes one ring at a time, and only from a ring at 100%', async () => {
    await admin.publishRelease('1.2.0');
    await expectOk(admin.rollout('1.2.0', 'canary', 50));
    const early = await admin.act('1.2.0', 'promote', { percent: 10 });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: 'not-ready', message: expect.stringContaining('50% of canary') });
    await expectOk(admin.rollout('1.2.0', 'canary', 100));
    const promoted = await expectOk(admin.act('1.2.0', 'promote', { percent: 10, reason: 'canary clean for a day' }));
    expect(await promoted.json()).toMatchObject({ changed: true, release: { rollout: { canary: 100, pilot: 10, broad: 0 } } });
    const skip = await admin.act('1.2.0', 'promote', { to: 'pilot', percent: 50 });
    expect(skip.status).toBe(409);
    const audit = await admin.auditLines();
    expect(audit.filter((e) => e.action === 'release-promoted')).toEqual([
      expect.objectContaining({ actor: { id: 'admin1', kind: 'admin' }, detail: '1.2.0 in pilot: 0% → 10%: canary clean for a day' }),
    ]);
  });

  it('refuses a bad check with a clear error', async () => {
    expect((await checkFeed(backend.httpUrl, { installId: 'x', version: 'one' })).status).toBe(400);
    expect((await checkFeed(backend.httpUrl, { installId: 'x', ring: 'moon' })).status).toBe(400);
    expect((await checkFeed(backend.httpUrl, { installId: 'x y' })).status).toBe(400);
    expect((await checkFeed(backend.httpUrl, { installId: 'x' }, 'latest.json')).status).toBe(404);
  });
});

describe('the release service restarted mid-rollout', () => {
  it('gives no install a different answer afterwards, and keeps its key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'classroom-releases-restart-'));
    try {
      const installs = ids(600, 'restart');
      const first = await launchBackend({ classes: 0, tagger: false, persistDir: dir });
      const admin = await ReleaseAdmin.signIn(first.backend.httpUrl);
      await admin.publishRelease('2.0.0');
      await expectOk(admin.rollout('2.0.0', 'broad', 100));
      await admin.publishRelease('2.1.0');
      await expectOk(admin.rollout('2.1.0', 'broad', 25));
      const before = await offers(first.backend.httpUrl, installs, '2.0.0', 'broad');
      const key = await (await fetch(`${first.backend.httpUrl}/api/releases/public-key`)).json();
      await first.backend.close();

      const second = await launchBackend({ classes: 0, tagger: false, persistDir: dir });
      try {
        expect(await offers(second.backend.httpUrl, installs, '2.0.0', 'broad')).toEqual(before);
        expect(await (await fetch(`${second.backend.httpUrl}/api/releases/public-key`)).json()).toEqual(key);
        expect(takers(before, '2.1.0').size).toBeGreaterThan(100);
        const admin2 = await ReleaseAdmin.signIn(second.backend.httpUrl);
        expect((await admin2.auditLines()).map((e) => e.action)).toEqual([
          'release-created', 'artifact-uploaded', 'release-published', 'rollout-set',
          'release-created', 'artifact-uploaded', 'release-published', 'rollout-set',
        ]);
      } finally {
        await second.backend.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
