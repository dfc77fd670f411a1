import { describe, expect, it } from 'vitest';
import { PERSON_ROLES } from '../auth/claims';
import { authorize } from './acl';
import { AUTHORED_KINDS, PERSON_CLEARABLE_KINDS, namedAuthors } from './authorship';
import { decode, encode, type Decoded } from './codec';
import { KINDS } from './kinds';
import { topic, TOPIC_PATTERNS, type TopicKind } from './topics';

const rect = (id: string, by: string) => ({
  id, kind: 'rect' as const, version: 1, nonce: 1, by, z: 'a0', deleted: false,
  props: { x: 0, y: 0, width: 1, height: 1, angle: 0, stroke: '#000000', fill: '', strokeWidth: 1, opacity: 1, points: [], text: '', fontSize: 24, asset: '' },
});

function decoded(kind: TopicKind, name: string, message: unknown): Decoded {
  const out = encode(kind, name, message as never);
  const result = decode(out.topic, out.payload);
  if (!result.ok || result.kind === 'cleared') throw new Error(`not decodable: ${kind}`);
  return result;
}

describe('namedAuthors', () => {
  it('names every distinct author of a board op', () => {
    const ops = decoded('boardOps', topic('boardOps', { classId: 'c', userId: 'a' }), { v: 1, pageId: 'p', seq: 1, records: [rect('1', 'a'), rect('2', 'b'), rect('3', 'a')] });
    expect(namedAuthors(ops)).toEqual(['a', 'b']);
  });

  it('names the author of a room and of a help request, and nobody for a kind without an author field', () => {
    const room = decoded('room', topic('room', { classId: 'c' }), { v: 1, version: 1, drawing: [], chatMutedAll: false, chatMuted: [], stars: {}, removed: [], startedAt: null, countdownEndsAt: null, by: 't', ts: 1 });
    expect(namedAuthors(room)).toEqual(['t']);
    const hand = decoded('hand', topic('hand', { classId: 'c', userId: 's' }), { v: 1, raised: true, at: 1 });
    expect(namedAuthors(hand)).toEqual([]);
  });

  it('lists as authored every kind a person may publish whose payload names a person (by, from, userId)', () => {
    const namesPerson = (shape: Record<string, { def?: { type?: string } }>) =>
      ['by', 'userId'].some((field) => field in shape) || shape.from?.def?.type === 'object';
    const personMayPublish = (kind: TopicKind) =>
      PERSON_ROLES.some((role) => {
        const claims = { sub: 'u', name: 'U', role, classes: ['c'] };
        const params = { classId: 'c', userId: 'u', fromUserId: 'u', toUserId: 'v', pageId: 'p', requestId: 'r', service: 's', sessionId: 's', pollId: 'p' };
        return authorize(claims, 'publish', topic(kind, params as never)).allowed;
      });
    const authored = (Object.keys(TOPIC_PATTERNS) as TopicKind[]).filter((kind) => {
      const shape = (KINDS[kind].schema as unknown as { shape?: Record<string, { def?: { type?: string } }> }).shape ?? {};
      const records = (shape.records as unknown as { element?: { shape?: Record<string, unknown> } } | undefined)?.element?.shape ?? {};
      return personMayPublish(kind) && (namesPerson(shape) || 'by' in records);
    });
    expect([...AUTHORED_KINDS].sort()).toEqual(authored.sort());
  });

  it('lets people clear only retained kinds about themselves', () => {
    for (const kind of PERSON_CLEARABLE_KINDS) {
      expect(KINDS[kind].retain).toBe(true);
      expect(TOPIC_PATTERNS[kind]).toContain('{userId}');
    }
  });
});
