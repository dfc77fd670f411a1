// A person presenting a backend service's client id, against the real embedded backend and its services.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../../shared/protocol/codec';
import type { BoardSnapshot } from '../../shared/protocol/messages';
import { topic } from '../../shared/protocol/topics';
import type { ElementRecord } from '../../shared/whiteboard/element';
import { launchBackend, type RunningBackend } from '../backend';
import { TestParticipant } from '../testing/test-participant';
import { Clients, Refused } from '../testing/clients';
import type { Denial } from './access';

const classId = 'class-0001';
let backend: RunningBackend;
const clients = new Clients();
const denials: Denial[] = [];

beforeAll(async () => {
  ({ backend } = await launchBackend({ classes: 0, boardSnapshotIntervalMs: 200, onDenied: (denial) => denials.push(denial) }));
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

function rect(id: string, by: string): ElementRecord {
  return {
    id, kind: 'rect', version: 1, nonce: 1, by, z: 'a0', deleted: false,
    props: { x: 1, y: 2, width: 3, height: 4, angle: 0, stroke: '#000000', fill: '', strokeWidth: 2, opacity: 1, points: [], text: '', fontSize: 24, asset: '' },
  };
}

/** Keeps presenting `clientIds` as student1, one attempt every `everyMs`, until stopped; returns the refusal codes. */
function hammer(clientIds: string[], everyMs: number): { stop(): Promise<number[]> } {
  const codes: number[] = [];
  let running = true;
  const loop = (async () => {
    const attacker = new Clients();
    for (let i = 0; running; i++) {
      const issued = await backend.issueToken('student1', 'demo');
      if (!issued.ok) throw new Error(issued.message);
      const clientId = clientIds[i % clientIds.length]!;
      await attacker.connect(backend.mqttUrl, { username: 'student1', password: issued.token.token }, { clientId, clean: i % 2 === 0 }).then(
        () => codes.push(0),
        (error: unknown) => codes.push(error instanceof Refused ? error.code : -1),
      );
      await attacker.closeAll();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return codes;
    },
  };
}

describe('client ids of backend services', () => {
  it('are refused to a person, and chat and the board keep working for every class while one keeps trying', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const attack = hammer(['svc-moderation', 'svc-board', 'svc-board-1', 'svc-dispatcher'], 150);

    const answered: string[] = [];
    for (let i = 0; i < 10; i++) {
      const reply = await teacher.call('moderation', 'chat.send', { classId, id: `m-${i}`, text: `message ${i}` });
      if (reply.ok) answered.push(`m-${i}`);
      const records = [rect(`el-${i}`, 'teacher1')];
      await teacher.send(encode('boardOps', topic('boardOps', { classId, userId: 'teacher1' }), { v: 1, pageId: 'page-h', session: 'tab', seq: i + 1, records }));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const codes = await attack.stop();

    expect(answered).toHaveLength(10);
    await expect
      .poll(async () => {
        const reply = await teacher.call('board', 'snapshot', { classId, pageId: 'page-h' });
        return reply.ok ? (reply.result as BoardSnapshot).elements.map((e) => e.id).sort() : [];
      })
      .toEqual(Array.from({ length: 10 }, (_, i) => `el-${i}`).sort());
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.every((code) => code === 2)).toBe(true);
    expect(denials.some((d) => d.action === 'connect' && d.user === 'student1' && d.why.startsWith('client id refused'))).toBe(true);
  });
});
