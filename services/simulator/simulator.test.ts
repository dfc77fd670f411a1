import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode } from '../../shared/protocol/codec';
import type { ClassTags } from '../../shared/protocol/supervision';
import { filter, topic } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { TestParticipant } from '../testing/test-participant';
import { Clients, subscribe } from '../testing/clients';
import type { Simulator } from './simulator';
import { liveClass } from '../testing/live-simulation';

let backend: RunningBackend;
let internals: BackendInternals;
let simulator: Simulator;
const clients = new Clients();

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({
    classes: 12,
    seed: 3,
    simulate: false,
    simulation: { remedies: { refuseShare: 0, silentShare: 0, fixDelayMs: [1_000, 1_000] }, help: { faultShare: 0 } },
  }));
  simulator = internals.simulator!;
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

async function supervisor(classId: string): Promise<TestParticipant> {
  const session = await TestParticipant.open(clients, backend, 'supervisor1');
  await subscribe(session.client, [filter('telemetry', { classId }), filter('commandAck', { classId }), topic('classTags', { classId })]);
  return session;
}

function command(classId: string, userId: string, id: string, action: 'mute' | 'reload-courseware') {
  return encode('command', topic('command', { classId, userId }), { v: 1, id, action, by: 'supervisor1', params: {}, ts: Date.now() });
}

function tagsOf(session: TestParticipant, classId: string): ClassTags | null {
  const last = session.inbox.on(topic('classTags', { classId })).at(-1);
  const decoded = last && decode(last.topic, last.payload, undefined, last.retain);
  return decoded?.ok && decoded.kind === 'classTags' ? decoded.message : null;
}

describe('the simulator through the broker', () => {
  it('has every online participant of a live class report telemetry, and answers a command addressed to one', async () => {
    const { classId, studentId, seats } = liveClass(simulator.live);
    const session = await supervisor(classId);
    const online = seats.filter((s) => s.online).map((s) => s.participant.id);
    await expect
      .poll(() => new Set(session.inbox.messages.filter((m) => m.topic.includes('/telemetry/')).map((m) => m.topic.split('/').at(-1))).size, { timeout: 15_000 })
      .toBe(online.length);
    for (const message of session.inbox.messages.filter((m) => m.topic.includes('/telemetry/'))) {
      expect(decode(message.topic, message.payload)).toMatchObject({ ok: true, kind: 'telemetry' });
    }
    await session.send(command(classId, studentId, 'c-mute', 'mute'));
    const ack = await session.inbox.waitForTopic(topic('commandAck', { classId, userId: studentId }));
    expect(decode(ack.topic, ack.payload)).toMatchObject({ ok: true, message: { commandId: 'c-mute', ok: true } });
    expect(simulator.truth.snapshot().commands).toContainEqual(expect.objectContaining({ commandId: 'c-mute', classId, userId: studentId, answer: 'ok' }));
  });

  it('shows an injected fault as its tag, and a matching remedy fixes it and clears the tag', { timeout: 150_000 }, async () => {
    const { classId, studentId } = liveClass(simulator.live);
    const session = await supervisor(classId);
    const fault = simulator.inject({ classId, userId: studentId, tag: 'course.load-failed', help: false });
    const tagged = () => tagsOf(session, classId)?.tags.some((t) => t.tag === 'course.load-failed' && t.userId === studentId) ?? false;
    await expect.poll(tagged, { timeout: 60_000, interval: 500 }).toBe(true);

    await session.send(command(classId, studentId, 'c-reload', 'reload-courseware'));
    await session.inbox.waitFor((m) => m.topic === topic('commandAck', { classId, userId: studentId }) && m.payload.toString().includes('c-reload'), 'the acknowledgement');
    await expect.poll(() => fault.fixedAt, { timeout: 10_000 }).not.toBeNull();
    expect(fault.fixedBy).toEqual({ commandId: 'c-reload', action: 'reload-courseware', by: 'supervisor1' });
    await expect.poll(tagged, { timeout: 60_000, interval: 500 }).toBe(false);
    expect(tagsOf(session, classId)!.tags.every((t) => t.tag !== 'course.load-failed')).toBe(true);
  });
});
