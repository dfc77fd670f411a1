import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import afterPack, { electronBinaryPath } from './after-pack.mjs';


const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;

/** Bytes laid out the way an Electron binary carries its fuse wire: sentinel, version 1, length, then one byte per fuse. */
function binaryWithFuseWire(states: number[]): Buffer {
  return Buffer.concat([Buffer.from('\x7fELF...machine code...'), Buffer.from(SENTINEL), Buffer.from([1, states.length, ...states]), Buffer.from('...more code')]);
}

let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'after-pack-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

const linuxContext = () => ({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'Classroom Console' }, executableName: 'classroom-console' } });

describe('afterPack fuses', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect, and turns on asar integrity, asar-only loading and cookie encryption', async () => {
    const binary = join(dir, 'classroom-console');
    // Electron ships RunAsNode, NODE_OPTIONS and inspect enabled, the hardening fuses disabled.
    await writeFile(binary, binaryWithFuseWire([ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE]));
    await afterPack(linuxContext());

    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLE);
    expect((await readFile(binary)).includes('...more code')).toBe(true);
  });

  it('fails the build when the binary has no fuse wire, rather than shipping an unfused app', async () => {
    await writeFile(join(dir, 'classroom-console'), 'not electron');
    await expect(afterPack(linuxContext())).rejects.toThrow(/sentinel/);
  });

  it('finds the binary on each platform', () => {
    const base = { appOutDir: '/o', arch: 1, packager: { appInfo: { productFilename: 'Classroom Console' }, executableName: 'classroom-console' } };
    expect(electronBinaryPath({ ...base, electronPlatformName: 'linux' })).toBe(join('/o', 'classroom-console'));
    expect(electronBinaryPath({ ...base, electronPlatformName: 'win32' })).toBe(join('/o', 'Classroom Console.exe'));
    expect(electronBinaryPath({ ...base, electronPlatformName: 'darwin' })).toBe(join('/o', 'Classroom Console.app'));
  });
});
