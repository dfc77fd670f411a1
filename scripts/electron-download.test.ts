import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadDecision, failureReason, RETRY_AFTER_MS } from './electron-download.mjs';

describe('downloadDecision', () => {
  const now = 10 * RETRY_AFTER_MS;
  it('tries when the binary was never downloaded', () => {
    expect(downloadDecision({ env: {}, lastFailure: null, now })).toMatchObject({ attempt: true });
  });
  it('waits an hour after a failed try, and says how to try now', () => {
    const recent = downloadDecision({ env: {}, lastFailure: { at: now - 5 * 60_000, reason: 'getaddrinfo ENOTFOUND github.com' }, now });
    expect(recent).toEqual({ attempt: false, why: 'its download failed 5 min ago (getaddrinfo ENOTFOUND github.com); `npm rebuild electron` tries again now' });
    expect(downloadDecision({ env: {}, lastFailure: { at: now - RETRY_AFTER_MS - 1, reason: 'x' }, now })).toMatchObject({ attempt: true });
  });
  it('respects ELECTRON_SKIP_BINARY_DOWNLOAD', () => {
    expect(downloadDecision({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, lastFailure: null, now })).toMatchObject({ attempt: false });
  });
});

describe('failureReason', () => {
  it("reads tools/electron-get's line, or else the last line", () => {
    expect(failureReason('\nElectron could not be downloaded: getaddrinfo ENOTFOUND github.com; npm start will serve …\n')).toBe('getaddrinfo ENOTFOUND github.com');
    expect(failureReason('Error: something\n  at x\nlast words\n')).toBe('last words');
  });
});

/**
 * tools/electron-get, as Electron's install script calls it, against an Electron mirror on this machine: it must pass a
 * good download through unchanged, end the script with success and one line when the mirror cannot be reached, and
 * still fail on a checksum that does not match.
 */
describe('tools/electron-get', () => {
  const VERSION = '41.7.1';
  const FILE = `electron-v${VERSION}-linux-x64.zip`;
  const zip = Buffer.from('not really a zip, but the bytes the mirror serves');
  let server: Server;
  let mirror: string;
  let cache: string;
  let shasums = `${createHash('sha256').update(zip).digest('hex')} *${FILE}\n`;

  beforeAll(async () => {
    cache = await mkdtemp(join(tmpdir(), 'electron-get-cache-'));
    server = createServer((req, res) => {
      if (req.url === `/v${VERSION}/${FILE}`) res.end(zip);
      else if (req.url === `/v${VERSION}/SHASUMS256.txt`) res.end(shasums);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server.close();
    await rm(cache, { recursive: true, force: true });
  });

  function download(mirrorUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const script = `
      require(${JSON.stringify(join(process.cwd(), 'tools/electron-get'))})
        .downloadArtifact({ version: '${VERSION}', artifactName: 'electron', platform: 'linux', arch: 'x64', force: true,
          cacheRoot: ${JSON.stringify(cache)}, mirrorOptions: { mirror: ${JSON.stringify(mirrorUrl)} } })
        .then((path) => console.log('downloaded ' + path), (error) => { console.error('failed: ' + error.message); process.exit(3); });`;
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, ELECTRON_GET_USE_PROXY: '' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('downloads as @electron/get does when the mirror answers', async () => {
    const result = await download(mirror);
    expect(result.code).toBe(0);
    const path = /downloaded (.+)/.exec(result.stdout)?.[1]?.trim();
    expect(path).toBeDefined();
    expect(await readFile(path!)).toEqual(zip);
  });

  it('ends with success and one clear line when the download cannot reach its server', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await download(`http://127.0.0.1:${port}/`);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toMatch(
      /^Electron could not be downloaded: .*ECONNREFUSED.*; npm start will serve the console to a browser; run `npm rebuild electron` when the network allows\.$/,
    );
  });

  it('still fails the install when the file does not match its checksum', async () => {
    shasums = `${'0'.repeat(64)} *${FILE}\n`;
    const result = await download(mirror);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/failed: .*checksum/i);
  });
});
