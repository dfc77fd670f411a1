import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../../shared/protocol/codec';
import { topic } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { roomMessage, TestSession } from '../classroom/test-session';
import { Clients, publishOutcome } from '../conformance/clients';

let backend: RunningBackend;
let internals: BackendInternals;
const clients = new Clients();

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0 }));
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

const laser = (on: boolean) => encode('laser', topic('laser', { classId: 'class-0001', userId: 'student1' }), { v: 1, pageId: 'page-1', x: 1, y: 2, on });

describe('drawing rights at the broker', () => {
  it('keeps a grant across a broker restart, from the retained room', async () => {
    const teacher = await TestSession.open(clients, backend, 'teacher1');
    await teacher.send(roomMessage('class-0001', 1, { drawing: ['student1'] }));
    await expect.poll(() => internals.access.rooms.mayDraw('class-0001', 'student1')).toBe(true);

    internals.access.rooms.clear('class-0001'); // forget what was learnt live: only the retained room may restore it
    await backend.restartBroker();
    const student = await TestSession.open(clients, backend, 'student1');
    const granted = laser(true);
    expect(await publishOutcome(student.client, granted.topic, Buffer.from(granted.payload), { qos: 1 })).toBe('acked');
    expect(internals.access.rooms.mayDraw('class-0001', 'student1')).toBe(true);
  });

  it('ignores a room that is not valid, so a malformed grant grants nothing', async () => {
    const teacher = await TestSession.open(clients, backend, 'teacher2');
    await teacher.client.publishAsync(topic('room', { classId: 'class-0002' }), Buffer.from('{"v":1,"drawing":["student2"]}'), { qos: 1, retain: true });
    expect(internals.access.rooms.get('class-0002')).toBeUndefined();
    const student = await TestSession.open(clients, backend, 'student2');
    const ops = encode('laser', topic('laser', { classId: 'class-0002', userId: 'student2' }), { v: 1, pageId: 'page-1', x: 1, y: 2, on: true });
    expect(await publishOutcome(student.client, ops.topic, Buffer.from(ops.payload))).toBe('closed');
  });
});
