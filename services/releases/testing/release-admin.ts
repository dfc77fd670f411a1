import { createHash } from 'node:crypto';
import type { ReleaseRing } from '../../../shared/releases/documents';

/** An installer-like file of `size` bytes whose content depends on `seed` (a version, say). */
export function fakeInstaller(seed: string, size = 64 * 1024): Buffer {
  const out = Buffer.alloc(size);
  let block = createHash('sha256').update(seed).digest();
  for (let offset = 0; offset < size; offset += block.length) {
    block.copy(out, offset);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

export const sha512Of = (bytes: Uint8Array) => createHash('sha512').update(bytes).digest('base64');

export interface UploadOptions {
  platform?: string;
  sha512?: string;
  size?: number;
  blockMapSize?: number;
}

/** An admin (or any bearer) talking to the release service over HTTP, as the console or a script would. */
export class ReleaseAdmin {
  constructor(
    readonly httpUrl: string,
    private readonly token: string,
  ) {}

  static async signIn(httpUrl: string, username = 'admin1', password = 'demo'): Promise<ReleaseAdmin> {
    const response = await fetch(`${httpUrl}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!response.ok) throw new Error(`sign-in as ${username} failed: ${response.status}`);
    return new ReleaseAdmin(httpUrl, ((await response.json()) as { token: string }).token);
  }

  request(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.httpUrl}/api/releases${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  create(version: string, notes = '', channel?: string): Promise<Response> {
    return this.request('POST', '', { version, notes, ...(channel ? { channel } : {}) });
  }

  upload(version: string, name: string, bytes: Uint8Array, options: UploadOptions = {}): Promise<Response> {
    const query = new URLSearchParams({ sha512: options.sha512 ?? sha512Of(bytes), size: String(options.size ?? bytes.length) });
    if (options.platform) query.set('platform', options.platform);
    if (options.blockMapSize) query.set('blockMapSize', String(options.blockMapSize));
    return fetch(`${this.httpUrl}/api/releases/${encodeURIComponent(version)}/artifacts/${encodeURIComponent(name)}?${query}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/octet-stream' },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
  }

  act(version: string, action: 'publish' | 'rollout' | 'promote' | 'halt' | 'resume' | 'revoke', body: unknown = {}): Promise<Response> {
    return this.request('POST', `/${encodeURIComponent(version)}/${action}`, body);
  }

  rollout(version: string, ring: ReleaseRing, percent: number): Promise<Response> {
    return this.act(version, 'rollout', { ring, percent });
  }

  /** Creates, uploads (Linux AppImage-named files unless named otherwise), publishes; throws on any refusal. */
  async publishRelease(version: string, files: Record<string, Uint8Array> = { [`Classroom-Console-${version}.AppImage`]: fakeInstaller(version) }, options: Record<string, UploadOptions> = {}): Promise<void> {
    await expectOk(this.create(version, `Release ${version}`));
    for (const [name, bytes] of Object.entries(files)) await expectOk(this.upload(version, name, bytes, options[name]));
    await expectOk(this.act(version, 'publish'));
  }

  async overview(): Promise<{ releases: { version: string; rollout: Record<ReleaseRing, number>; halted: unknown; revoked: unknown }[]; adoption: { counts: { version: string; ring: ReleaseRing; installs: number }[] } }> {
    return (await expectOk(this.request('GET', ''))).json() as never;
  }

  async auditLines(): Promise<{ action: string; actor: { id: string; kind: string }; detail: string; data?: Record<string, unknown> }[]> {
    const text = await (await expectOk(this.request('GET', '/audit'))).text();
    return text.split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line) as never);
  }
}

export async function expectOk(pending: Promise<Response> | Response): Promise<Response> {
  const response = await pending;
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response;
}

/** Asks the feed as an install would; returns the status and the parsed YAML text. */
export async function checkFeed(httpUrl: string, query: Record<string, string>, file = 'latest-linux.yml', headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(`${httpUrl}/api/releases/feed/${file}?${new URLSearchParams(query)}`, { headers });
  return { status: response.status, text: await response.text() };
}
