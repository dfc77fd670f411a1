import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../../shared/protocol/codec';
import type { ClassTags } from '../../shared/protocol/supervision';
import { filter, parseTopic, topic } from '../../shared/protocol/topics';
import { launchBackend, type RunningBackend } from '../backend';
import { Clients, Inbox, subscribe, serviceLogin } from '../testing/clients';
import { TaggerService } from './tagger';

const INSTANCES = 3;
const CLASSES = Array.from({ length: 30 }, (_, i) => `class-${String(i + 1).padStart(4, '0')}`);

let backend: RunningBackend;
const taggers: TaggerService[] = [];
const clients = new Clients();

beforeAll(async () => {
  ({ backend } = await launchBackend({ classes: 0, tagger: false }));
  const link = { url: backend.mqttUrl, token: (name: string) => backend.serviceToken(name), refreshEveryMs: 60_000 };
  for (let index = 0; index < INSTANCES; index++) taggers.push(await TaggerService.start({ link, root: 'classroom', shard: { index, count: INSTANCES } }));
});
afterAll(async () => {
  await clients.closeAll();
  for (const tagger of taggers) await tagger.stop();
  await backend.close();
});

describe('tagger shards against one broker', () => {
  it('tags every class by exactly one instance, the one whose share it is', async () => {
    const issued = await backend.issueToken('supervisor1', 'demo');
    if (!issued.ok) throw new Error(issued.message);
    const watcher = await clients.connect(backend.mqttUrl, { username: 'supervisor1', password: issued.token.token });
    await subscribe(watcher, [filter('classTags')]);
    const sender = await clients.connect(backend.mqttUrl, await serviceLogin(backend));

    // Stamped by a true clock: a start-up that failed 15 s ago, past its confirmation time (a later entry step, not
    // the first of a new entry, which would start afresh).
    const failedAt = Date.now() - 15_000;
    for (const classId of CLASSES) {
      const out = encode('telemetry', topic('telemetry', { classId, userId: 'student1' }), {
        v: 1, at: Date.now(), events: [{ type: 'init', at: failedAt, component: 'media', ok: false }, { type: 'entry', at: Date.now(), step: 'broker', ms: 0 }],
      });
      await sender.publishAsync(out.topic, Buffer.from(out.payload), { qos: 0 });
    }

    const inbox = Inbox.of(watcher);
    const tagged = () => new Set(inbox.messages.map((m) => parseTopic(m.topic)?.params).map((p) => (p as { classId?: string } | undefined)?.classId));
    await expect.poll(() => tagged().size, { timeout: 10_000 }).toBe(CLASSES.length);

    for (const classId of CLASSES) {
      const holders = taggers.filter((tagger) => tagger.tags(classId) !== null);
      expect(holders, classId).toHaveLength(1);
      expect(holders[0]!.owns(classId)).toBe(true);
      const published = inbox.messages.filter((m) => m.topic === topic('classTags', { classId })).map((m) => JSON.parse(m.payload.toString()) as ClassTags);
      expect(published, classId).toHaveLength(1);
      expect(published[0]!.tags).toMatchObject([{ tag: 'entry.init-failed.media', userId: 'student1' }]);
      // Corrected by the sender's clock offset, which is this message's delay at most.
      expect(published[0]!.tags[0]!.since - failedAt).toBeGreaterThanOrEqual(0);
      expect(published[0]!.tags[0]!.since - failedAt).toBeLessThan(2_000);
    }
    // Every instance got a share, and skipped the others' traffic before decoding it.
    for (const tagger of taggers) {
      const { messages, otherShards } = tagger.stats();
      expect(messages).toBeGreaterThan(0);
      expect(messages + otherShards).toBe(CLASSES.length);
    }
  });
});
