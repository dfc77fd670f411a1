import { randomBytes } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import type { ReleasePublicKey } from '../../shared/releases/documents';
import { decideInstall, decideUpdate, type FeedInfo } from '../../shared/releases/update-decision';
import { startBackend, type RunningBackend } from '../backend';
import { ReleaseAdmin, checkFeed, expectOk, fakeInstaller } from './testing/release-admin';

let backend: RunningBackend;
let admin: ReleaseAdmin;
let key: ReleasePublicKey;
const big = (version: string) => `Classroom-Console-${version}.AppImage`;

beforeAll(async () => {
  backend = await startBackend({ classes: 0, tagger: false });
  admin = await ReleaseAdmin.signIn(backend.httpUrl);
  key = (await (await fetch(`${backend.httpUrl}/api/releases/public-key`)).json()) as ReleasePublicKey;
  await admin.publishRelease('3.0.0');
  await expectOk(admin.rollout('3.0.0', 'broad', 100));
  await admin.publishRelease('3.1.0', { [big('3.1.0')]: fakeInstaller('3.1.0', 4 * 1024 * 1024) });
  await expectOk(admin.rollout('3.1.0', 'broad', 100));
});
afterAll(() => backend.close());

const feedOf = async (installId: string, version: string): Promise<FeedInfo> =>
  parse((await checkFeed(backend.httpUrl, { installId, version, ring: 'broad' })).text) as FeedInfo;

const fileUrl = (version: string, name: string) => `${backend.httpUrl}/api/releases/files/${version}/${name}`;

function startDownload(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => get(url, resolve).on('error', reject));
}

async function status(version: string): Promise<{ nonce: string; signed: unknown }> {
  const nonce = randomBytes(16).toString('base64url');
  const response = await fetch(`${backend.httpUrl}/api/releases/status/${version}?nonce=${nonce}`);
  return { nonce, signed: await response.json() };
}

describe('halting a release while installs are downloading it', () => {
  it('stops offering it at once, refuses new downloads, and tells the one mid-download to discard it', async () => {
    const before = await feedOf('early', '3.0.0');
    expect(before.version).toBe('3.1.0');
    const downloading = await startDownload(fileUrl('3.1.0', big('3.1.0')));
    expect(downloading.statusCode).toBe(200);
    downloading.pause();

    const halted = await expectOk(admin.act('3.1.0', 'halt', { reason: 'teachers report frozen video' }));
    expect(await halted.json()).toMatchObject({ changed: true, release: { halted: { reason: 'teachers report frozen video', byGate: false } } });

    // A check after the halt is not offered 3.1.0 …
    expect(await feedOf('late', '3.0.0')).toMatchObject({ version: '3.0.0', files: [] });
    // … and an install that read the feed before the halt cannot start the download now.
    const refused = await fetch(fileUrl('3.1.0', big('3.1.0')));
    expect(refused.status).toBe(410);
    expect(await refused.json()).toMatchObject({ error: 'halted', message: expect.stringContaining('frozen video') });

    // The download already under way ends, but before installing, the install asks and is told to discard it.
    downloading.resume();
    let bytes = 0;
    for await (const chunk of downloading) bytes += (chunk as Buffer).length;
    expect(bytes).toBe(4 * 1024 * 1024);
    const asked = await status('3.1.0');
    expect(await decideInstall(key, asked.signed, { version: '3.1.0', nonce: asked.nonce })).toEqual({
      install: false,
      reason: '3.1.0 is halted: teachers report frozen video; discard the download',
    });

    // Halting again changes nothing and is not audited twice; resuming offers it again.
    expect(await (await expectOk(admin.act('3.1.0', 'halt', { reason: 'again' }))).json()).toMatchObject({ changed: false });
    await expectOk(admin.act('3.1.0', 'resume', { reason: 'fixed on the media server' }));
    expect((await feedOf('late', '3.0.0')).version).toBe('3.1.0');
    const after = await status('3.1.0');
    expect(await decideInstall(key, after.signed, { version: '3.1.0', nonce: after.nonce })).toEqual({ install: true });
    expect((await admin.auditLines()).filter((e) => e.action === 'release-halted')).toHaveLength(1);
  });

  it('does not let an old "active" answer stand in for a fresh one', async () => {
    const old = await status('3.1.0');
    const fresh = randomBytes(16).toString('base64url');
    expect(await decideInstall(key, old.signed, { version: '3.1.0', nonce: fresh })).toMatchObject({ install: false });
  });
});

describe('rolling back', () => {
  it('pressed twice at once revokes once, audited once, and moves installs on it back at their next check', async () => {
    await admin.publishRelease('3.2.0');
    await expectOk(admin.rollout('3.2.0', 'broad', 100));
    const onIt = await feedOf('r1', '3.1.0');
    expect(onIt.version).toBe('3.2.0');

    const [a, b] = await Promise.all([
      admin.act('3.2.0', 'revoke', { reason: 'class entry fails on Windows 10' }),
      admin.act('3.2.0', 'revoke', { reason: 'class entry fails on Windows 10' }),
    ]);
    const answers = [(await a.json()) as { changed: boolean }, (await b.json()) as { changed: boolean }];
    expect(answers.map((x) => x.changed).sort()).toEqual([false, true]);
    expect((await admin.auditLines()).filter((e) => e.action === 'release-revoked')).toEqual([
      expect.objectContaining({ detail: 'revoked 3.2.0 (installs on it go back to 3.1.0): class entry fails on Windows 10' }),
    ]);

    // An install running 3.2.0 is offered 3.1.0 with a signed revoke mark, and the app's check lets it go back.
    const back = await feedOf('r2', '3.2.0');
    expect(back.version).toBe('3.1.0');
    expect(await decideUpdate(key, back, '3.2.0')).toMatchObject({ action: 'rollback', version: '3.1.0', revoke: { revoked: '3.2.0', target: '3.1.0' } });
    // Nobody is offered 3.2.0 any more, and its files are gone from the feed's reach.
    expect((await feedOf('r3', '3.1.0')).version).toBe('3.1.0');
    expect((await fetch(fileUrl('3.2.0', big('3.2.0')))).status).toBe(410);
  });

  it('never downgrades on a manifest alone, nor on a revoke mark for another version', async () => {
    const back = await feedOf('r4', '3.2.0');
    const withoutMark = { ...back, classroom: { ...(back.classroom as object), revoke: undefined } };
    expect(await decideUpdate(key, withoutMark, '3.2.0')).toMatchObject({ action: 'refuse', reason: expect.stringContaining('no revoke mark') });
    // The feed a fresh install of 3.0.0 gets names 3.1.0 with a valid manifest; on 3.2.0 that is a downgrade.
    const older = await feedOf('r5', '3.0.0');
    expect(await decideUpdate(key, older, '3.2.0')).toMatchObject({ action: 'refuse' });
    // A valid mark that withdraws 3.2.0 does not let 3.3.0 go back.
    expect(await decideUpdate(key, back, '3.3.0')).toMatchObject({ action: 'refuse', reason: expect.stringContaining('withdraws 3.2.0') });
  });
});

describe('signatures', () => {
  it('refuse a manifest whose signature fails even when every sha512 matches', async () => {
    const feed = await feedOf('s1', '3.0.0');
    const extension = feed.classroom as { manifest: { document: string; signature: string; keyId: string } };
    const sig = Buffer.from(extension.manifest.signature, 'base64');
    sig[10]! ^= 0x01;
    const forged = { ...feed, classroom: { manifest: { ...extension.manifest, signature: sig.toString('base64') } } };
    expect(await decideUpdate(key, forged, '3.0.0')).toEqual({ action: 'refuse', reason: 'manifest: the signature does not verify' });
    // The document edited (another file's hash) under the original signature is refused too.
    const edited = { ...feed, classroom: { manifest: { ...extension.manifest, document: extension.manifest.document.replace('Release', 'Relaese') } } };
    expect(await decideUpdate(key, edited, '3.0.0')).toMatchObject({ action: 'refuse' });
    expect(await decideUpdate(key, feed, '3.0.0')).toMatchObject({ action: 'update', version: '3.1.0' });
  });

  it('do not depend on the client clock: hours off, the same feed and the same decisions', async () => {
    const feed = await checkFeed(backend.httpUrl, { installId: 'clock', version: '3.0.0', ring: 'broad' });
    const skewed = await checkFeed(backend.httpUrl, { installId: 'clock', version: '3.0.0', ring: 'broad' }, 'latest-linux.yml', { date: new Date(Date.now() - 7 * 3600_000).toUTCString() });
    expect(skewed.text).toBe(feed.text);
    const asked = await status('3.1.0');
    vi.useFakeTimers({ now: Date.now() + 9 * 3600_000, toFake: ['Date'] });
    try {
      expect(await decideUpdate(key, parse(feed.text) as FeedInfo, '3.0.0')).toMatchObject({ action: 'update' });
      expect(await decideInstall(key, asked.signed, { version: '3.1.0', nonce: asked.nonce })).toEqual({ install: true });
    } finally {
      vi.useRealTimers();
    }
  });
});
