import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_FAILURES, type Role } from '../shared/auth/claims';
import { clientIdAllowed } from '../shared/auth/client-id';
import { ACL, ASSET_TYPES, DROP_REASONS, KINDS, MAX_ASSET_BYTES, MAX_PAYLOAD_BYTES, retainAllowed, TOPIC_PATTERNS, type TopicKind } from '../shared/protocol';
import { CONNACK } from '../services/auth/admission';
import { startBackend, type RunningBackend } from '../services/backend';
import { MAX_BODY_BYTES } from '../services/http/json';
import { CHAT_HISTORY_LENGTH } from '../services/moderation/moderation';
import { HTTP_ROUTES, MQTT_WS_PATH } from '../services/http/server';
import { anchorOf } from './protocol-fields';
import { DOC_URL, retainedKinds, rewrite } from './protocol-doc';

const doc = readFileSync(DOC_URL, 'utf8');
const rows = doc.split('\n').filter((line) => line.startsWith('|'));

/** The text of one `## ` section, up to the next. */
function section(title: string): string {
  const start = doc.indexOf(`\n## ${title}\n`);
  expect(start, `no section "## ${title}"`).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

function cells(line: string): string[] {
  return line.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** docs/protocol.md is the contract; these checks keep it from drifting away from the code. */
describe('docs/protocol.md', () => {
  it.each(Object.keys(TOPIC_PATTERNS) as TopicKind[])('documents the %s kind with its path, QoS, retain and size', (kind) => {
    const row = rows.find((line) => line.startsWith(`| ${kind} |`));
    expect(row, `no table row for ${kind}`).toBeDefined();
    const cols = cells(row!);
    const spec = KINDS[kind];
    expect(cols[2]).toBe(`\`${TOPIC_PATTERNS[kind]}\``);
    expect(cols[4]).toBe(String(spec.qos));
    expect(cols[5]?.startsWith(spec.retain ? 'yes' : 'no')).toBe(true);
    expect(cols[6]).toBe(String(spec.maxBytes));
  });

  it('lists every ACL rule of every role', () => {
    for (const [role, rules] of Object.entries(ACL)) {
      for (const rule of rules) {
        const documented = rows.some((line) => {
          const cols = cells(line);
          return cols[1]?.includes(role) || cols[1] === 'every role'
            ? cols[2]?.includes(rule.action) && cols[3] === `\`${rule.path}\``
            : false;
        });
        expect(documented, `${role} ${rule.action} ${rule.path}`).toBe(true);
      }
    }
  });

  it.each(DROP_REASONS)('explains the %s drop reason', (reason) => {
    expect(rows.some((line) => line.startsWith(`| \`${reason}\` |`))).toBe(true);
  });

  it('holds exactly what npm run docs:protocol generates from the schemas and the code', () => {
    // rewrite() also throws when a generated block (one per kind, record, service...) is missing from the doc.
    expect(doc, 'docs/protocol.md is out of date: run npm run docs:protocol').toBe(rewrite(doc));
  });

  it('links only to headings that exist, each once', () => {
    const headings = doc.split('\n').filter((line) => /^#{1,6} /.test(line)).map((line) => anchorOf(line.replace(/^#+ /, '')));
    const targets = new Set([...doc.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!));
    for (const target of targets) {
      expect(headings.filter((h) => h === target), `link #${target}`).toHaveLength(1);
    }
  });

  it('lists as retained exactly the kinds the broker lets a client retain', () => {
    for (const kind of Object.keys(TOPIC_PATTERNS) as TopicKind[]) {
      const topicName = `classroom/v1/${TOPIC_PATTERNS[kind].replace(/\{[a-zA-Z]+\}/g, 'x1')}`;
      expect(retainAllowed(topicName), kind).toBe(retainedKinds().includes(kind));
    }
    expect(section('Access control per role')).toContain('<!-- list:retained -->');
  });

  it('gives the largest payload as MAX_PAYLOAD_BYTES and names its kind', () => {
    const text = section('Validation at the edge and size limits');
    const largest = (Object.keys(KINDS) as TopicKind[]).filter((kind) => KINDS[kind].maxBytes === MAX_PAYLOAD_BYTES);
    expect(text).toContain(`${MAX_PAYLOAD_BYTES} bytes`);
    for (const kind of largest) expect(text).toContain(`\`${kind}\``);
    for (const [, bytes] of text.matchAll(/(\d+) bytes/g)) expect(Number(bytes)).toBe(MAX_PAYLOAD_BYTES);
  });

  it('gives the chat history length the moderation service keeps', () => {
    expect(section('Payloads')).toContain(`the class's last ${CHAT_HISTORY_LENGTH} messages`);
  });

  it("names the embedded broker's CONNACK codes as they are", () => {
    const text = section('Transport');
    expect(text).toContain(`${CONNACK.badUsernameOrPassword} (bad user name or password)`);
    expect(text).toContain(`${CONNACK.notAuthorized} (not authorised)`);
    expect(text).toContain(`${CONNACK.identifierRejected} (identifier rejected)`);
  });

  it("uses in every example a client id the user may use, except where it shows the refusal", () => {
    const blocks = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    let checked = 0;
    for (const block of blocks) {
      const lines = block.replace(/\\\n\s*/g, ' ').split('\n');
      let arrayUser: string | undefined;
      lines.forEach((line, i) => {
        const array = /^WS=\(.*-u (\S+)/.exec(line);
        if (array) arrayUser = array[1];
        const id = /\s-i (\S+)/.exec(line)?.[1];
        if (!id || line.startsWith('#')) return;
        const user = /\s-u (\S+)/.exec(line)?.[1] ?? (line.includes('"${WS[@]}"') ? arrayUser : undefined);
        expect(user, line).toBeDefined();
        const role: Role = user!.startsWith('svc-') ? 'service' : 'student';
        const refused = lines[i + 1]?.includes('Identifier rejected') ?? false;
        expect(clientIdAllowed({ sub: user!, role }, id).allowed, line).toBe(!refused);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('docs/protocol.md, HTTP API', () => {
  const text = section('HTTP API');
  const documented = text
    .split('\n')
    .filter((line) => /^\| [A-Z]+ \| `/.test(line))
    .map((line) => {
      const cols = cells(line);
      return `${cols[1]} ${cols[2]!.replace(/`/g, '')}`;
    });

  it('lists every route the backend serves, and no other', () => {
    const served = HTTP_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect([...documented].sort()).toEqual([...new Set(served)].sort());
  });

  it('gives the body limits, asset types and failure codes of the code', () => {
    expect(text).toContain(`${MAX_BODY_BYTES} bytes`);
    expect(text).toContain(`${MAX_ASSET_BYTES} bytes`);
    for (const type of ASSET_TYPES) expect(text).toContain(`\`${type}\``);
    for (const [, code] of text.matchAll(/`((?:token|unknown|wrong)-[a-z-]+)`/g)) expect(Object.keys(AUTH_FAILURES)).toContain(code);
  });

  describe('against a running backend', () => {
    let backend: RunningBackend;
    beforeAll(async () => {
      backend = await startBackend({ classes: 0 });
    });
    afterAll(() => backend.close());

    const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
    const paths = [...new Set(HTTP_ROUTES.map((r) => r.path))].filter((path) => path !== MQTT_WS_PATH);

    it.each(paths)('%s answers exactly the methods its route list names', async (path) => {
      const url = `${backend.httpUrl}${path.replace('{classId}', 'class-0001').replace('{asset}', 'a-missing')}`;
      const answered: string[] = [];
      for (const method of METHODS) {
        const body = ['POST', 'PUT', 'PATCH'].includes(method) ? '{}' : undefined;
        const response = await fetch(url, { method, body, headers: body ? { 'content-type': 'application/json' } : {} });
        await response.arrayBuffer();
        if (response.status !== 405) answered.push(method);
      }
      const listed = HTTP_ROUTES.filter((r) => r.path === path).map((r) => r.method);
      expect(answered.sort()).toEqual([...listed].sort());
    });
  });
});
