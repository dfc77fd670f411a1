import type { SessionEndpoints } from '../session/ports';

/** One line of the release audit log, as the release service exports it. */
export interface ReleaseAuditEntry {
  seq: number;
  at: number;
  action: string;
  actor: { id: string; kind: string };
  detail: string;
  data?: Record<string, unknown>;
}

export type ReleaseAction = 'halt' | 'resume' | 'promote' | 'rollout' | 'revoke';

/** A refusal by the release service, with its code and its own words. */
export class ReleaseApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** sha512 of a file in base64, as the release service checks an upload. */
export async function sha512Base64(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-512', bytes));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The release service's admin HTTP API (docs/protocol.md, "HTTP API"), with the session's token: admins act there
 * and every change is audited; supervisors only read. Release state itself arrives over the broker.
 */
export class ReleaseApi {
  constructor(private readonly endpoints: SessionEndpoints) {}

  private async call(method: string, path: string, body?: unknown, raw?: { bytes: ArrayBuffer; query: string }): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.endpoints.token()}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (raw) headers['content-type'] = 'application/octet-stream';
    const response = await fetch(`${this.endpoints.httpBase}/api/releases${path}${raw ? `?${raw.query}` : ''}`, {
      method,
      headers,
      body: raw ? raw.bytes : body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const answer = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
      throw new ReleaseApiError(response.status, answer.error ?? 'failed', answer.message ?? `the release service answered ${response.status}`);
    }
    return response;
  }

  async act(version: string, action: ReleaseAction, body: Record<string, unknown>): Promise<void> {
    await this.call('POST', `/${encodeURIComponent(version)}/${action}`, body);
  }

  /** Creates the release, uploads its installer (hash computed here), publishes it and sets its first percentage. */
  async publish(input: { version: string; notes: string; file: File; ring: 'canary' | 'pilot' | 'broad'; percent: number; reason: string }): Promise<void> {
    const version = encodeURIComponent(input.version);
    await this.call('POST', '', { version: input.version, notes: input.notes });
    const bytes = await input.file.arrayBuffer();
    const query = new URLSearchParams({ sha512: await sha512Base64(bytes), size: String(bytes.byteLength) }).toString();
    await this.call('PUT', `/${version}/artifacts/${encodeURIComponent(input.file.name)}`, undefined, { bytes, query });
    await this.call('POST', `/${version}/publish`);
    await this.call('POST', `/${version}/rollout`, { ring: input.ring, percent: input.percent, reason: input.reason });
  }

  /** The newest `limit` entries of the audit log, oldest first. */
  async audit(limit = 200): Promise<ReleaseAuditEntry[]> {
    const text = await (await this.call('GET', '/audit?format=jsonl')).text();
    const entries = text.split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line) as ReleaseAuditEntry);
    return entries.slice(-limit);
  }

  /** The whole audit log as a file (JSONL or CSV). */
  async exportAudit(format: 'jsonl' | 'csv'): Promise<Blob> {
    return (await this.call('GET', `/audit?format=${format}`)).blob();
  }
}
