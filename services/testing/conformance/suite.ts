import { randomUUID } from 'node:crypto';
import type { IClientOptions, MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DropCounter, decode, encode, type Outbound } from '../../../shared/protocol/codec';
import { KINDS, MAX_PAYLOAD_BYTES } from '../../../shared/protocol/kinds';
import type { Presence, Room, RpcRequest, RpcResponse } from '../../../shared/protocol/messages';
import type { ClassHealth } from '../../../shared/protocol/supervision';
import { perClassWildcards, subscriptionRequest } from '../../../shared/protocol/subscriptions';
import { DEFAULT_ROOT, filter, topic } from '../../../shared/protocol/topics';
import { Clients, Inbox, barrier, publishOutcome, subscribe } from '../clients';
import type { BrokerFixture, ConformanceUser } from './fixture';

const REFUSED = 128;

function payload(message: Outbound): Buffer {
  return Buffer.from(message.payload);
}

function presence(classId: string, userId: string, role: Presence['role'], online: boolean): Outbound {
  return encode('presence', topic('presence', { classId, userId }), { v: 1, userId, name: userId, role, online, ts: Date.now() });
}

function control(classId: string, userId: string): Outbound {
  const requestId = randomUUID();
  return encode('classControl', topic('classControl', { classId, userId }), { v: 1, action: 'start', requestId, ts: Date.now() });
}

function room(classId: string, version: number, drawing: string[]): Outbound {
  return encode('room', topic('room', { classId }), {
    v: 1, version, drawing, chatMutedAll: false, chatMuted: [], stars: {}, removed: [],
    startedAt: null, countdownEndsAt: null, by: 'teacher1', ts: Date.now(),
  } satisfies Room);
}

function boardOps(classId: string, userId: string, seq: number): Outbound {
  const record = {
    id: `el-${userId}-${seq}`, kind: 'rect' as const, version: 1, nonce: seq, by: userId, z: 'a0', deleted: false,
    props: { x: 1, y: 2, width: 3, height: 4, angle: 0, stroke: '#000000', fill: '', strokeWidth: 2, opacity: 1, points: [], text: '', fontSize: 24, asset: '' },
  };
  return encode('boardOps', topic('boardOps', { classId, userId }), { v: 1, pageId: 'page-1', seq, records: [record] });
}

function command(classId: string, userId: string): Outbound {
  return encode('command', topic('command', { classId, userId }), { v: 1, id: randomUUID(), action: 'mute', by: 'teacher1', params: {}, ts: Date.now() });
}

async function send(client: MqttClient, message: Outbound): Promise<void> {
  await client.publishAsync(message.topic, payload(message), { qos: message.qos, retain: message.retain });
}

/**
 * The protocol's promises about a broker, written once and run against every broker the product supports. A
 * fixture provides a running broker with the protocol's users and ACL; the tests only speak MQTT to it.
 */
export function conformanceSuite(start: () => Promise<BrokerFixture>): void {
  let broker: BrokerFixture;
  const clients = new Clients();

  beforeAll(async () => {
    broker = await start();
  });
  afterEach(() => clients.closeAll());
  afterAll(() => broker?.close());

  const as = async (user: ConformanceUser, options: IClientOptions = {}) => clients.connect(broker.mqttUrl, await broker.credentials(user), options);

  /** A spy on `filters` that also sees the markers `settle()` publishes. */
  const spyOn = (filters: string[]) => broker.spy([...filters, filter('ping', { userId: 'service' })]);

  const MARKER_PREFIX = topic('ping', { userId: 'service', sessionId: 'marker' });
  /** Topics the spy saw, without settle()'s markers. */
  const seen = (spy: { messages: { topic: string }[] }) => spy.messages.map((m) => m.topic).filter((t) => !t.startsWith(MARKER_PREFIX));

  /** Publishes a marker as the service and waits until the spy has it: everything published before has been routed. */
  async function settle(spy: { waitForTopic(topic: string): Promise<void> }, service: MqttClient): Promise<void> {
    const marker = topic('ping', { userId: 'service', sessionId: `marker-${randomUUID().slice(0, 8)}` });
    await service.publishAsync(marker, 'marker', { qos: 1 });
    await spy.waitForTopic(marker);
  }

  describe('connecting', () => {
    it('accepts every user with valid credentials', async () => {
      for (const user of ['teacher1', 'student1', 'supervisor1', 'svc-conformance'] as const) {
        expect((await as(user)).connected).toBe(true);
      }
    });

    it('refuses credentials it does not trust, with CONNACK 4 or 5', async () => {
      const code = await clients.refusal(broker.mqttUrl, await broker.wrongCredentials('student1'));
      expect([4, 5]).toContain(code);
    });

    it("refuses another user's name with valid credentials", async () => {
      const { password } = await broker.credentials('student1');
      expect([4, 5]).toContain(await clients.refusal(broker.mqttUrl, { username: 'student2', password }));
    });

    it.each(['student1/#', '+', '#', 'student1/+', 'student1+'])('refuses the username %j, which is nobody', async (username) => {
      const { password } = await broker.credentials('student1');
      expect([4, 5]).toContain(await clients.refusal(broker.mqttUrl, { username, password }));
    });
  });

  describe('presence', () => {
    it('keeps presence retained for late subscribers and publishes the last will on an abrupt disconnect', async () => {
      const offline = presence('class-0001', 'student1', 'student', false);
      const student = await as('student1', {
        will: { topic: offline.topic, payload: payload(offline), qos: 1, retain: true },
      });
      await send(student, presence('class-0001', 'student1', 'student', true));

      const teacher = await as('teacher1');
      const teacherInbox = Inbox.of(teacher);
      await subscribe(teacher, [filter('presence', { classId: 'class-0001' })]);
      const retained = await teacherInbox.waitForTopic(offline.topic);
      expect(retained.retain).toBe(true);
      expect(decode(retained.topic, retained.payload)).toMatchObject({ ok: true, message: { online: true } });

      // No DISCONNECT packet: the socket just dies, as when a laptop lid closes.
      student.stream.destroy();
      const will = await teacherInbox.waitFor(
        (m) => m.topic === offline.topic && decode(m.topic, m.payload).ok && (decode(m.topic, m.payload) as { message: Presence }).message.online === false,
        'the last will',
      );
      expect(will.qos).toBe(1);

      const supervisor = await as('supervisor1');
      const lateInbox = Inbox.of(supervisor);
      await subscribe(supervisor, [filter('presence', { classId: 'class-0001' })]);
      const late = await lateInbox.waitForTopic(offline.topic);
      expect(decode(late.topic, late.payload)).toMatchObject({ ok: true, message: { online: false } });
      const service = await as('svc-conformance');
      await service.publishAsync(offline.topic, '', { qos: 1, retain: true });
    });
  });

  describe('delivery', () => {
    it('delivers QoS 1 messages at QoS 1', async () => {
      const service = await as('svc-conformance');
      const inbox = Inbox.of(service);
      await subscribe(service, [filter('classControl')]);
      const teacher = await as('teacher1');
      const message = control('class-0001', 'teacher1');
      await send(teacher, message);
      const received = await inbox.waitForTopic(message.topic);
      expect(received.qos).toBe(1);
      expect(decode(received.topic, received.payload)).toMatchObject({ ok: true, kind: 'classControl' });
    });

    it('queues QoS 1 messages for a persistent session while it is offline', async () => {
      const clientId = `svc-conformance-session-${randomUUID().slice(0, 8)}`;
      const first = await as('svc-conformance', { clientId, clean: false });
      await subscribe(first, [filter('classControl', { classId: 'class-0001' })]);
      await first.endAsync();

      const teacher = await as('teacher1');
      const message = control('class-0001', 'teacher1');
      await send(teacher, message);

      const again = await as('svc-conformance', { clientId, clean: false });
      const inbox = Inbox.of(again);
      const received = await inbox.waitForTopic(message.topic);
      expect(decode(received.topic, received.payload)).toMatchObject({ ok: true, message: { requestId: (decode(message.topic, message.payload) as { message: { requestId: string } }).message.requestId } });
    });

    it("gives a supervisor's console every class's retained health, more classes than a broker queues for a session", async () => {
      // Brokers bound a session's queue of QoS 1 messages on their way even while it is connected (Mosquitto's
      // max_queued_messages, 1,000 by default, as in this fixture): subscribed at QoS 1, this fails on Mosquitto.
      const classIds = Array.from({ length: 2_500 }, (_, i) => `class-w${String(i).padStart(4, '0')}`);
      const service = await as('svc-conformance');
      const health = (classId: string) =>
        encode('classHealth', topic('classHealth', { classId }), {
          v: 1, classId, title: `Class ${classId}`, teacher: { id: 'teacher1', name: 'Teacher One' }, region: 'sg',
          appVersion: '1.0.0', state: 'live', severity: 'ok', problems: [], updatedAt: Date.now(),
        } satisfies ClassHealth);
      await Promise.all(classIds.map((classId) => send(service, health(classId))));
      try {
        // As the console subscribes: a persistent session, each per-class filter at the QoS the shared rule gives it.
        const supervisor = await as('supervisor1', { clean: false });
        const inbox = Inbox.of(supervisor);
        await supervisor.subscribeAsync(subscriptionRequest(perClassWildcards(DEFAULT_ROOT), DEFAULT_ROOT));
        const wanted = new Set(classIds.map((classId) => topic('classHealth', { classId })));
        const arrived = () => new Set(inbox.messages.map((m) => m.topic).filter((t) => wanted.has(t))).size;
        for (let waited = 0; arrived() < classIds.length && waited < 20_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
        expect(arrived()).toBe(classIds.length);
      } finally {
        await Promise.all(classIds.map((classId) => service.publishAsync(topic('classHealth', { classId }), Buffer.alloc(0), { qos: 1, retain: true })));
      }
    });

    it("answers a request on the requester's reply topic with the same correlation id", async () => {
      const service = await as('svc-conformance');
      const requests = Inbox.of(service);
      await subscribe(service, [filter('serviceRequest', { service: 'conformance' })]);
      service.on('message', (topicName, body) => {
        const decoded = decode(topicName, body);
        if (!decoded.ok || decoded.kind !== 'serviceRequest') return;
        const response: RpcResponse = { v: 1, id: decoded.message.id, ok: true, result: { echoed: decoded.message.params } };
        // The test may end (and close this client) while a reply is in flight; that is not a failure.
        send(service, encode('reply', topic('reply', { userId: decoded.params.userId, sessionId: decoded.message.replyTo }), response)).catch(() => {});
      });

      const student = await as('student1');
      const replies = Inbox.of(student);
      await subscribe(student, [topic('reply', { userId: 'student1', sessionId: 'session-a' })]);
      const request: RpcRequest = { v: 1, id: 'req-1', method: 'echo', replyTo: 'session-a', params: { n: 42 }, deadline: Date.now() + 5_000 };
      await send(student, encode('serviceRequest', topic('serviceRequest', { service: 'conformance', userId: 'student1' }), request));

      const reply = await replies.waitForTopic(topic('reply', { userId: 'student1', sessionId: 'session-a' }));
      expect(decode(reply.topic, reply.payload)).toMatchObject({ ok: true, kind: 'reply', message: { id: 'req-1', ok: true, result: { echoed: { n: 42 } } } });
      expect(requests.messages).toHaveLength(1);
    });

    it('lets a session probe its own round-trip time', async () => {
      const teacher = await as('teacher1');
      const inbox = Inbox.of(teacher);
      const probe = encode('ping', topic('ping', { userId: 'teacher1', sessionId: 'session-b' }), { v: 1, seq: 7, sentAt: Date.now() });
      await subscribe(teacher, [probe.topic]);
      await send(teacher, probe);
      const echoed = await inbox.waitForTopic(probe.topic);
      expect(decode(echoed.topic, echoed.payload)).toMatchObject({ ok: true, message: { seq: 7 } });
    });

    it('carries the protocol over WebSocket as over TCP', async () => {
      const student = await clients.connect(broker.wsUrl, await broker.credentials('student1'));
      const inbox = Inbox.of(student);
      await subscribe(student, [filter('presence', { classId: 'class-0001' })]);
      const service = await as('svc-conformance');
      const message = presence('class-0001', 's-ws', 'student', true);
      await service.publishAsync(message.topic, payload(message), { qos: 1 });
      expect((await inbox.waitForTopic(message.topic)).qos).toBe(1);
    });
  });

  describe('access control', () => {
    it("keeps a student out of another class's topics", async () => {
      const student = await as('student1');
      const inbox = Inbox.of(student);
      const forbidden = [filter('presence', { classId: 'class-0002' }), topic('classSummary', { classId: 'class-0002' }), filter('presence'), filter('classSummary'), 'classroom/v1/#', '#'];
      const granted = await subscribe(student, forbidden);
      // Aedes refuses each filter in the SUBACK; Mosquitto 2.0 grants it but never delivers a matching message.
      expect(granted).toHaveLength(forbidden.length);

      const service = await as('svc-conformance');
      const spy = await spyOn([filter('presence', { classId: 'class-0002' })]);
      try {
        await send(service, presence('class-0002', 's-other', 'student', true));
        await settle(spy, service);
        await barrier(student);
        expect(inbox.messages).toEqual([]);
      } finally {
        await spy.close();
      }
    });

    it('refuses each forbidden filter in the SUBACK where the broker reports it', async () => {
      const student = await as('student1');
      const granted = await subscribe(student, [filter('presence', { classId: 'class-0001' }), filter('presence', { classId: 'class-0002' })]);
      expect(granted[0]).toBe(1);
      if (broker.name.startsWith('Aedes')) expect(granted[1]).toBe(REFUSED);
    });

    it('keeps a student from publishing class control, presence for others, or into another class', async () => {
      const spy = await spyOn([filter('classControl'), filter('presence')]);
      try {
        const attempts: Outbound[] = [
          control('class-0001', 'student1'),
          control('class-0001', 'teacher1'),
          presence('class-0001', 'teacher1', 'teacher', true),
          presence('class-0002', 'student1', 'student', true),
        ];
        for (const attempt of attempts) {
          const student = await as('student1');
          await publishOutcome(student, attempt.topic, payload(attempt));
        }
        await settle(spy, await as('svc-conformance'));
        expect(seen(spy)).toEqual([]);
      } finally {
        await spy.close();
      }
    });

    it("lets a teacher control their own class but not another teacher's", async () => {
      const spy = await spyOn([filter('classControl')]);
      try {
        const own = control('class-0001', 'teacher1');
        const other = control('class-0002', 'teacher1');
        const teacher = await as('teacher1');
        await publishOutcome(teacher, other.topic, payload(other));
        await send(await as('teacher1'), own);
        await spy.waitForTopic(own.topic);
        await settle(spy, await as('svc-conformance'));
        expect(seen(spy)).toEqual([own.topic]);
      } finally {
        await spy.close();
      }
    });

    it('lets a supervisor watch every class but not appear in one', async () => {
      const supervisor = await as('supervisor1');
      const inbox = Inbox.of(supervisor);
      expect(await subscribe(supervisor, [filter('classSummary'), filter('presence')])).toEqual([1, 1]);
      const service = await as('svc-conformance');
      const visible = presence('class-0002', 's-watched', 'student', true);
      await send(service, visible);
      await inbox.waitForTopic(visible.topic);

      const spy = await spyOn([filter('presence', { classId: 'class-0001' })]);
      try {
        const appear = presence('class-0001', 'supervisor1', 'supervisor', true);
        await publishOutcome(await as('supervisor1'), appear.topic, payload(appear));
        await settle(spy, service);
        expect(spy.messages.filter((m) => m.topic === appear.topic)).toEqual([]);
      } finally {
        await spy.close();
      }
    });

    it('lets nobody publish into $SYS, services included', async () => {
      const spy = await spyOn(['$SYS/conformance/#']);
      try {
        await publishOutcome(await as('student1'), '$SYS/conformance/student', 'x');
        await publishOutcome(await as('svc-conformance'), '$SYS/conformance/service', 'x');
        await publishOutcome(await as('supervisor1'), '$SYS/conformance/retained', 'x', { qos: 1, retain: true });
        await settle(spy, await as('svc-conformance'));
        expect(spy.messages.filter((m) => m.topic.startsWith('$SYS'))).toEqual([]);
      } finally {
        await spy.close();
      }
    });

    it("keeps a student from reading another user's replies", async () => {
      const intruder = await as('student2');
      const inbox = Inbox.of(intruder);
      await subscribe(intruder, [topic('reply', { userId: 'student1', sessionId: 'session-a' }), filter('reply', { userId: 'student1' }), 'classroom/v1/user/student1/#', 'classroom/v1/user/#']);
      const service = await as('svc-conformance');
      const reply = encode('reply', topic('reply', { userId: 'student1', sessionId: 'session-a' }), { v: 1, id: 'secret', ok: true, result: 'for student1 only' });
      const spy = await spyOn([filter('reply')]);
      try {
        await send(service, reply);
        await settle(spy, service);
        await barrier(intruder);
        expect(inbox.messages).toEqual([]);
      } finally {
        await spy.close();
      }
    });

    it('keeps a user from sending requests as someone else', async () => {
      const spy = await spyOn([filter('serviceRequest')]);
      try {
        const request: RpcRequest = { v: 1, id: 'forged', method: 'echo', replyTo: 'session-a', params: null, deadline: Date.now() + 5_000 };
        const forged = encode('serviceRequest', topic('serviceRequest', { service: 'conformance', userId: 'student2' }), request);
        await publishOutcome(await as('student1'), forged.topic, payload(forged));
        await settle(spy, await as('svc-conformance'));
        expect(spy.messages.filter((m) => m.topic === forged.topic)).toEqual([]);
      } finally {
        await spy.close();
      }
    });

    it.each(['#', '+', 'student1/#', 'console-student1-#', 'console-student1', 'console-student1-a-b', 'console-student2-abc', 'svc-conformance', 'svc-board', 'anything'])(
      'refuses student1 the client id %j, which is not its own',
      async (clientId) => {
        expect([2, 5]).toContain(await clients.refusal(broker.mqttUrl, await broker.credentials('student1'), { clientId }));
      },
    );

    it("keeps a person's connection, session and queued messages when someone else presents its client id", async () => {
      const clientId = `console-student1-${randomUUID().slice(0, 8).replace(/-/g, '')}`;
      const replies = topic('reply', { userId: 'student1', sessionId: 'session-owner' });
      const reply = (id: string) => encode('reply', replies, { v: 1, id, ok: true, result: null } satisfies RpcResponse);
      const answered = (inbox: Inbox, id: string) =>
        inbox.waitFor((m) => m.topic === replies && (decode(m.topic, m.payload) as { message?: RpcResponse }).message?.id === id, `reply ${id}`);
      const owner = await as('student1', { clientId, clean: false });
      await subscribe(owner, [replies]);
      const service = await as('svc-conformance');

      // While the owner is connected: the intruder is refused, and the owner keeps receiving.
      for (const clean of [true, false]) {
        expect([2, 5]).toContain(await clients.refusal(broker.mqttUrl, await broker.credentials('student2'), { clientId, clean }));
      }
      await send(service, reply('live'));
      await answered(Inbox.of(owner), 'live');
      expect(owner.connected).toBe(true);

      // While the owner is away: a message is queued, the intruder is refused again, and the owner gets it on return.
      await owner.endAsync();
      await send(service, reply('queued'));
      for (const clean of [true, false]) {
        expect([2, 5]).toContain(await clients.refusal(broker.mqttUrl, await broker.credentials('student2'), { clientId, clean }));
      }
      const back = await as('student1', { clientId, clean: false });
      await answered(Inbox.of(back), 'queued');
      expect(Inbox.of(back).on(replies)).toHaveLength(1);
    });

    it("keeps a service connected and answering while a person presents the service's client id", async () => {
      const clientId = `svc-conformance-${randomUUID().slice(0, 8)}`;
      const service = await as('svc-conformance', { clientId });
      await subscribe(service, [filter('serviceRequest', { service: 'conformance' })]);
      service.on('message', (topicName, body) => {
        const decoded = decode(topicName, body);
        if (!decoded.ok || decoded.kind !== 'serviceRequest') return;
        const request = decoded.message as RpcRequest;
        const userId = (decoded.params as { userId: string }).userId;
        const answer = encode('reply', topic('reply', { userId, sessionId: request.replyTo }), { v: 1, id: request.id, ok: true, result: 'answered' } satisfies RpcResponse);
        send(service, answer).catch(() => {});
      });
      const student = await as('student1');
      await subscribe(student, [topic('reply', { userId: 'student1', sessionId: 'session-c' })]);
      const inbox = Inbox.of(student);
      for (let round = 0; round < 3; round++) {
        for (const user of ['student1', 'student2', 'teacher1'] as const) {
          expect([2, 5]).toContain(await clients.refusal(broker.mqttUrl, await broker.credentials(user), { clientId }));
        }
        const id = `r${round}`;
        const request = encode('serviceRequest', topic('serviceRequest', { service: 'conformance', userId: 'student1' }), {
          v: 1, id, method: 'echo', replyTo: 'session-c', params: {}, deadline: Date.now() + 5_000,
        });
        await send(student, request);
        await inbox.waitFor((m) => decode(m.topic, m.payload).ok && (decode(m.topic, m.payload) as { message: RpcResponse }).message.id === id, `the answer to ${id}`);
      }
      expect(service.connected).toBe(true);
    });
  });

  describe('class topics', () => {
    it("keeps a student from steering the class or drawing as someone else", async () => {
      const spy = await spyOn([filter('room'), filter('course'), filter('command'), filter('boardOps'), filter('boardLive'), filter('laser')]);
      try {
        const course = encode('course', topic('course', { classId: 'class-0001' }), {
          v: 1, version: 1, pages: [{ id: 'page-1', kind: 'blank', asset: '', page: 1, title: '' }], current: 'page-1', by: 'student1', ts: Date.now(),
        });
        const live = encode('boardLive', topic('boardLive', { classId: 'class-0001', userId: 'teacher1' }), {
          v: 1, pageId: 'page-1', strokeId: 'stroke-1', kind: 'pen', stroke: '#000000', strokeWidth: 2, from: 0, points: [1, 2],
        });
        const laser = encode('laser', topic('laser', { classId: 'class-0001', userId: 'teacher1' }), { v: 1, pageId: 'page-1', x: 1, y: 1, on: true });
        const attempts: Outbound[] = [
          room('class-0001', 1_000, ['student1']),
          course,
          command('class-0001', 'teacher1'),
          boardOps('class-0001', 'teacher1', 1),
          live,
          laser,
        ];
        for (const attempt of attempts) {
          const student = await as('student1');
          await publishOutcome(student, attempt.topic, payload(attempt), { qos: attempt.qos, retain: attempt.retain });
        }
        await settle(spy, await as('svc-conformance'));
        expect(seen(spy)).toEqual([]);
      } finally {
        await spy.close();
      }
    });

    it("keeps a student from reading another participant's commands", async () => {
      const student = await as('student1');
      const inbox = Inbox.of(student);
      await subscribe(student, [filter('command', { classId: 'class-0001' }), topic('command', { classId: 'class-0001', userId: 'teacher1' })]);
      const own = command('class-0001', 'student1');
      const other = command('class-0001', 'teacher1');
      await subscribe(student, [own.topic]);
      const teacher = await as('teacher1');
      await send(teacher, other);
      await send(teacher, own);
      await inbox.waitForTopic(own.topic);
      await barrier(student);
      expect(inbox.on(other.topic)).toEqual([]);
    });

    it('lets a student draw only after the teacher grants it', async () => {
      if (!broker.name.startsWith('Aedes')) return; // brokers without the room check rely on receivers ignoring it
      const spy = await spyOn([filter('boardOps', { classId: 'class-0001' })]);
      const teacher = await as('teacher1');
      try {
        const before = boardOps('class-0001', 'student1', 1);
        expect(await publishOutcome(await as('student1'), before.topic, payload(before))).toBe('closed');

        const grant = room('class-0001', Date.now(), ['student1']);
        await send(teacher, grant);
        const after = boardOps('class-0001', 'student1', 2);
        expect(await publishOutcome(await as('student1'), after.topic, payload(after))).toBe('acked');
        await spy.waitForTopic(after.topic);
        expect(spy.messages.filter((m) => m.topic === after.topic)).toHaveLength(1);
        expect(spy.messages.map((m) => JSON.parse(m.payload.toString()) as { seq: number }).map((m) => m.seq)).toEqual([2]);

        const revoke = room('class-0001', Date.now() + 1, []);
        await send(teacher, revoke);
        const revoked = boardOps('class-0001', 'student1', 3);
        expect(await publishOutcome(await as('student1'), revoked.topic, payload(revoked))).toBe('closed');
      } finally {
        await spy.close();
        await publishOutcome(await as('svc-conformance'), topic('room', { classId: 'class-0001' }), '', { qos: 1, retain: true });
      }
    });

    it('refuses a board op larger than its kind allows', async () => {
      if (!broker.name.startsWith('Aedes')) return; // Mosquitto has one packet-size limit for every topic
      const teacher = await as('teacher1');
      const oversized = Buffer.alloc(KINDS.boardOps.maxBytes + 1, 0x20);
      expect(await publishOutcome(teacher, topic('boardOps', { classId: 'class-0001', userId: 'teacher1' }), oversized)).toBe('closed');
    });
  });

  describe('bad payloads', () => {
    it('are dropped and counted by the receiver while valid messages keep flowing', async () => {
      const student = await as('student1');
      const drops = new DropCounter();
      const valid: Presence[] = [];
      student.on('message', (topicName, body) => {
        const decoded = decode(topicName, body);
        if (!decoded.ok) drops.add(decoded);
        else if (decoded.kind === 'presence') valid.push(decoded.message);
      });
      const inbox = Inbox.of(student);
      await subscribe(student, [filter('presence', { classId: 'class-0001' })]);

      const service = await as('svc-conformance');
      const at = (userId: string) => topic('presence', { classId: 'class-0001', userId });
      const good = presence('class-0001', 's-good', 'student', true);
      const tooBig = JSON.stringify({ v: 1, userId: 's-big', name: 'x'.repeat(KINDS.presence.maxBytes), role: 'student', online: true, ts: 1 });
      const bad: [string, Buffer][] = [
        [at('s-garbage'), Buffer.from([0xff, 0xfe, 0x00, 0x80])],
        [at('s-truncated'), Buffer.from('{"v":1,"userId":"s-truncated","na')],
        [at('s-types'), Buffer.from(JSON.stringify({ v: 1, userId: 42, name: [], role: 'student', online: 'yes', ts: -1 }))],
        [at('s-version'), Buffer.from(JSON.stringify({ v: 2, userId: 's-version', name: 'x', role: 'student', online: true, ts: 1 }))],
        [at('s-big'), Buffer.from(tooBig)],
        [at('s-array'), Buffer.from('[1,2,3]')],
      ];
      // The service is held to the global packet limit only, so on every broker the receiver is what drops these.
      for (const [badTopic, body] of bad) await service.publishAsync(badTopic, body, { qos: 1 });
      await send(service, good);
      await inbox.waitForTopic(good.topic);

      expect(drops.counts).toMatchObject({ 'not-utf8': 1, 'not-json': 1, schema: 2, 'unknown-version': 1, oversized: 1 });
      expect(drops.total).toBe(bad.length);
      expect(valid.map((p) => p.userId)).toEqual(['s-good']);
    });

    it('never surfaces a retained message planted on a kind that is never retained', async () => {
      const planted = control('class-0001', 'teacher1');
      // Aedes refuses the retained publish; Mosquitto stores it, and the receiver drops it as unexpected-retain.
      await publishOutcome(await as('teacher1'), planted.topic, payload(planted), { qos: 1, retain: true });
      const service = await as('svc-conformance');
      const drops = new DropCounter();
      const valid: string[] = [];
      service.on('message', (topicName, body, packet) => {
        const decoded = decode(topicName, body, undefined, packet.retain);
        if (!decoded.ok) drops.add(decoded);
        else valid.push(topicName);
      });
      await subscribe(service, [filter('classControl', { classId: 'class-0001' }), filter('presence', { classId: 'class-0001' })]);
      const after = presence('class-0001', 's-after-plant', 'student', true);
      await send(service, after);
      await Inbox.of(service).waitFor((m) => m.topic === after.topic && !m.retain, 'the live presence');
      await barrier(service);
      expect(valid.filter((t) => t === planted.topic)).toEqual([]);
      expect(drops.total).toBe(drops.counts['unexpected-retain']);
      await publishOutcome(await as('svc-conformance'), planted.topic, '', { qos: 1, retain: true });
    });

    it('never delivers a payload larger than the broker accepts', async () => {
      const student = await as('student1');
      const inbox = Inbox.of(student);
      await subscribe(student, [filter('presence', { classId: 'class-0001' })]);
      const huge = Buffer.alloc(MAX_PAYLOAD_BYTES + 4096, 0x20);
      const hugeTopic = topic('presence', { classId: 'class-0001', userId: 's-huge' });
      await publishOutcome(await as('svc-conformance'), hugeTopic, huge);
      const service = await as('svc-conformance');
      const after = presence('class-0001', 's-after', 'student', true);
      await send(service, after);
      await inbox.waitForTopic(after.topic);
      await barrier(student);
      expect(inbox.on(hugeTopic)).toEqual([]);
    });
  });
}

