import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT, REVOKE_FORMAT, STATUS_FORMAT, type ReleaseManifest, type SignedDocument } from '../../shared/releases/documents';
import type { FeedInfo } from '../../shared/releases/update-decision';
import { ReleaseSigningKey } from '../../services/releases/signing-key';
import { checkHeaders, confirmInstall, digestFile, feedUrlFor, judgeFeed, readKeyFile, statusUrl, TrustedKeys, verifyDownload } from './release-client';

let dir: string;
let key: ReleaseSigningKey;
let stranger: ReleaseSigningKey;
let artifact: string;
const bytes = Buffer.from('an installer, byte for byte'.repeat(1000));
const sha512 = createHash('sha512').update(bytes).digest('base64');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'release-client-'));
  key = await ReleaseSigningKey.open(join(dir, 'service'));
  stranger = await ReleaseSigningKey.open(join(dir, 'stranger'));
  artifact = join(dir, 'Classroom-Console-1.5.0.AppImage');
  await writeFile(artifact, bytes);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function manifest(version: string, fields: Partial<ReleaseManifest> = {}): ReleaseManifest {
  return {
    format: MANIFEST_FORMAT,
    version,
    channel: 'latest',
    notes: '',
    publishedAt: 1,
    artifacts: [{ platform: 'linux', name: `Classroom-Console-${version}.AppImage`, size: bytes.length, sha512 }],
    ...fields,
  };
}

function feed(version: string, signed: SignedDocument, revoke?: SignedDocument): FeedInfo {
  return { version, files: [{ url: `../files/${version}/Classroom-Console-${version}.AppImage`, sha512, size: bytes.length }], classroom: { manifest: signed, ...(revoke && { revoke }) } };
}

const trusted = () => [key.publicKey];

describe('what a check sends', () => {
  it('names the install, its version and what its admin policy chose, as the release service reads them', () => {
    expect(checkHeaders({ installId: 'abc_123', currentVersion: '1.4.2', ring: 'pilot', groups: ['school:north-7', 'region:eu'], pin: '1.4.*', policy: 'on' })).toEqual({
      'x-install-id': 'abc_123',
      'x-app-version': '1.4.2',
      'x-install-ring': 'pilot',
      'x-install-groups': 'school:north-7,region:eu',
      'x-update-pin': '1.4.*',
      'x-update-policy': 'on',
    });
    expect(checkHeaders({ installId: 'abc_123', currentVersion: '1.4.2', ring: null, groups: [], pin: null, policy: 'held' })).toEqual({
      'x-install-id': 'abc_123',
      'x-app-version': '1.4.2',
      'x-update-policy': 'held',
    });
  });

  it.each([
    ['the admin policy names one', { policyFeedUrl: 'https://releases.school.example/api/releases/feed', connection: { mode: 'local', brokerUrl: '' }, localHttpUrl: 'http://127.0.0.1:5000' }, 'https://releases.school.example/api/releases/feed/'],
    ['local mode: the embedded backend', { policyFeedUrl: undefined, connection: { mode: 'local', brokerUrl: '' }, localHttpUrl: 'http://127.0.0.1:5000' }, 'http://127.0.0.1:5000/api/releases/feed/'],
    ['local mode before the backend is up', { policyFeedUrl: undefined, connection: { mode: 'local', brokerUrl: '' }, localHttpUrl: undefined }, null],
    ['remote over wss', { policyFeedUrl: undefined, connection: { mode: 'remote', brokerUrl: 'wss://classes.example.com:8443/mqtt' }, localHttpUrl: undefined }, 'https://classes.example.com:8443/api/releases/feed/'],
    ['remote over ws', { policyFeedUrl: undefined, connection: { mode: 'remote', brokerUrl: 'ws://10.0.0.5:8083/mqtt' }, localHttpUrl: undefined }, 'http://10.0.0.5:8083/api/releases/feed/'],
    ['remote with no broker yet', { policyFeedUrl: undefined, connection: { mode: 'remote', brokerUrl: '' }, localHttpUrl: undefined }, null],
  ] as const)('the feed: %s', (_case, source, url) => {
    expect(feedUrlFor(source)).toBe(url);
  });

  it('the signed status lives next to the feed', () => {
    expect(statusUrl('http://127.0.0.1:5000/api/releases/feed/', '1.5.0', 'n'.repeat(20))).toBe(`http://127.0.0.1:5000/api/releases/status/1.5.0?nonce=${'n'.repeat(20)}`);
  });
});

describe('judging a feed', () => {
  it('a newer version with a valid signed manifest is an update', async () => {
    await expect(judgeFeed(trusted(), feed('1.5.0', key.sign(manifest('1.5.0'))), '1.4.2')).resolves.toEqual({ action: 'update', version: '1.5.0' });
  });

  it('a manifest with the right sha512 signed by another key is refused', async () => {
    const verdict = await judgeFeed(trusted(), feed('1.5.0', stranger.sign(manifest('1.5.0'))), '1.4.2');
    expect(verdict).toMatchObject({ action: 'refuse', version: '1.5.0', reason: expect.stringContaining('not the trusted key') });
  });

  it('a manifest whose text was altered after signing is refused', async () => {
    const signed = key.sign(manifest('1.5.0'));
    const forged = { ...signed, document: signed.document.replace('"notes":""', '"notes":"x"') };
    await expect(judgeFeed(trusted(), feed('1.5.0', forged), '1.4.2')).resolves.toMatchObject({ action: 'refuse', reason: expect.stringContaining('signature does not verify') });
  });

  it('an older version without a revoke mark is refused; with a valid one it is a rollback', async () => {
    const older = feed('1.4.1', key.sign(manifest('1.4.1')));
    await expect(judgeFeed(trusted(), older, '1.4.2')).resolves.toMatchObject({ action: 'refuse', reason: expect.stringContaining('no revoke mark') });
    const mark = key.sign({ format: REVOKE_FORMAT, revoked: '1.4.2', target: '1.4.1', reason: 'crashes on start', revokedAt: 1 });
    await expect(judgeFeed(trusted(), feed('1.4.1', key.sign(manifest('1.4.1')), mark), '1.4.2')).resolves.toEqual({ action: 'rollback', version: '1.4.1' });
    const forgedMark = stranger.sign({ format: REVOKE_FORMAT, revoked: '1.4.2', target: '1.4.1', reason: 'x', revokedAt: 1 });
    await expect(judgeFeed(trusted(), feed('1.4.1', key.sign(manifest('1.4.1')), forgedMark), '1.4.2')).resolves.toMatchObject({ action: 'refuse' });
  });

  it('a feed naming the running version means stay', async () => {
    await expect(judgeFeed(trusted(), { version: '1.4.2', files: [], classroom: { offer: 'stay' } }, '1.4.2')).resolves.toEqual({ action: 'none' });
  });

  it('with no trusted key nothing is taken', async () => {
    await expect(judgeFeed([], feed('1.5.0', key.sign(manifest('1.5.0'))), '1.4.2')).resolves.toMatchObject({ action: 'refuse', reason: 'the app trusts no release signing key' });
  });
});

describe('the downloaded file', () => {
  it('is streamed through sha512', async () => {
    await expect(digestFile(artifact)).resolves.toEqual({ size: bytes.length, sha512 });
  });

  it('matches the signed manifest', async () => {
    await expect(verifyDownload(trusted(), feed('1.5.0', key.sign(manifest('1.5.0'))), artifact)).resolves.toBeNull();
  });

  it('a corrupt file is refused even though the feed named it', async () => {
    const corrupt = join(dir, 'corrupt', 'Classroom-Console-1.5.0.AppImage');
    await mkdir(join(dir, 'corrupt'), { recursive: true });
    await writeFile(corrupt, Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from('!')]));
    await expect(verifyDownload(trusted(), feed('1.5.0', key.sign(manifest('1.5.0'))), corrupt)).resolves.toMatch(/sha512 differs/);
  });

  it('a correct sha512 under a wrong signature is refused', async () => {
    const signed = key.sign(manifest('1.5.0'));
    const wrong = { ...signed, signature: stranger.sign(manifest('1.5.0')).signature };
    await expect(verifyDownload(trusted(), feed('1.5.0', wrong), artifact)).resolves.toMatch(/signature does not verify/);
  });
});

describe('just before installing', () => {
  const feedUrl = 'http://127.0.0.1:5000/api/releases/feed/';
  const answering = (state: 'active' | 'halted' | 'revoked' | 'unknown', signer = () => key, echo = true) => async (url: string) => {
    const nonce = new URL(url).searchParams.get('nonce')!;
    return signer().sign({ format: STATUS_FORMAT, version: '1.5.0', state, reason: state === 'active' ? '' : 'crash rate above the gate', nonce: echo ? nonce : 'a'.repeat(20), issuedAt: 1 });
  };

  it('installs only on a signed "active" for this request', async () => {
    await expect(confirmInstall(trusted(), answering('active'), feedUrl, '1.5.0')).resolves.toEqual({ install: true });
  });

  it.each(['halted', 'revoked'] as const)('%s: not installed, and the download is discarded', async (state) => {
    await expect(confirmInstall(trusted(), answering(state), feedUrl, '1.5.0')).resolves.toMatchObject({ install: false, discard: true, reason: expect.stringContaining(state) });
  });

  it.each([
    ['no answer', async () => Promise.reject(new Error('connect ECONNREFUSED'))],
    ['a status signed by another key', answering('halted', () => stranger)],
    ['a replayed status (another nonce)', answering('active', () => key, false)],
    ['an unknown version', answering('unknown')],
  ])('%s: not now, and the download is kept', async (_case, fetchJson) => {
    await expect(confirmInstall(trusted(), fetchJson, feedUrl, '1.5.0')).resolves.toMatchObject({ install: false, discard: false });
  });
});

describe('trusted keys', () => {
  it('are the built-in key, the admin policy\'s and, in local mode, the embedded backend\'s, each once', async () => {
    let localUrl: string | undefined = 'http://127.0.0.1:5000';
    const fetched: string[] = [];
    const keys = new TrustedKeys({
      builtIn: async () => key.publicKey,
      policy: () => stranger.publicKey,
      localHttpUrl: () => localUrl,
      fetchJson: async (url) => (fetched.push(url), key.publicKey),
    });
    expect((await keys.get()).map((k) => k.keyId)).toEqual([key.publicKey.keyId, stranger.publicKey.keyId]);
    await keys.get();
    expect(fetched).toEqual(['http://127.0.0.1:5000/api/releases/public-key']);
    localUrl = undefined;
    expect(await keys.get()).toHaveLength(2);
  });

  it('a built-in key file that is missing or damaged adds nothing, and says so when damaged', async () => {
    const problems: string[] = [];
    await expect(readKeyFile(join(dir, 'absent.json'), (p) => problems.push(p))).resolves.toBeNull();
    await writeFile(join(dir, 'bad-key.json'), '{ "algorithm": "RSA" }');
    await expect(readKeyFile(join(dir, 'bad-key.json'), (p) => problems.push(p))).resolves.toBeNull();
    await writeFile(join(dir, 'good-key.json'), JSON.stringify(key.publicKey));
    await expect(readKeyFile(join(dir, 'good-key.json'))).resolves.toEqual(key.publicKey);
    expect(problems).toHaveLength(1);
  });
});
