import { describe, expect, it } from 'vitest';
import { DropCounter, decode, encode } from './codec';
import { utf8Encode } from './text';
import { topic } from './topics';

const presenceTopic = topic('presence', { classId: 'class-0001', userId: 'student1' });
const presence = { v: 1 as const, userId: 'student1', name: 'Ann <b>', role: 'student' as const, online: true, ts: 1 };

describe('codec', () => {
  it('round-trips a valid message with its kind\'s QoS and retain flag', () => {
    const out = encode('presence', presenceTopic, presence);
    expect(out).toMatchObject({ qos: 1, retain: true });
    const back = decode(out.topic, out.payload);
    expect(back).toMatchObject({ ok: true, kind: 'presence', message: presence });
  });

  it.each([
    ['garbage', new Uint8Array([0xff, 0xfe, 0x00]), 'not-utf8'],
    ['truncated JSON', utf8Encode('{"v":1,"userId":"stu'), 'not-json'],
    ['a JSON array', utf8Encode('[1,2]'), 'schema'],
    ['wrong types', utf8Encode(JSON.stringify({ ...presence, online: 'yes' })), 'schema'],
    ['an unknown version', utf8Encode(JSON.stringify({ ...presence, v: 2 })), 'unknown-version'],
    ['a huge payload', utf8Encode(JSON.stringify({ ...presence, name: 'x'.repeat(10_000) })), 'oversized'],
  ])('drops %s with a reason instead of throwing', (_label, payload, reason) => {
    const result = decode(presenceTopic, payload);
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('drops a retained message on a kind that is never retained', () => {
    const control = topic('classControl', { classId: 'class-0001', userId: 'teacher1' });
    const out = encode('classControl', control, { v: 1, action: 'start', requestId: 'r1', ts: 1 });
    expect(decode(control, out.payload, undefined, true)).toMatchObject({ ok: false, reason: 'unexpected-retain' });
    expect(decode(control, out.payload, undefined, false)).toMatchObject({ ok: true, kind: 'classControl' });
  });

  it('drops topics outside protocol v1', () => {
    expect(decode('classroom/v1/nope', utf8Encode('{}'))).toMatchObject({ ok: false, reason: 'unknown-topic' });
  });

  it('treats an empty retained payload as a cleared message, not a drop', () => {
    expect(decode(presenceTopic, new Uint8Array())).toMatchObject({ ok: true, kind: 'cleared' });
  });

  it('refuses to send what receivers would drop', () => {
    expect(() => encode('presence', presenceTopic, { ...presence, userId: 'a/b' })).toThrow();
  });

  it('counts drops by reason and keeps a bounded list of recent ones', () => {
    const counter = new DropCounter(3);
    for (let i = 0; i < 5; i++) counter.add({ ok: false, reason: 'not-json', topic: 't', detail: String(i) });
    counter.add({ ok: false, reason: 'schema', topic: 't', detail: 'last' });
    expect(counter.counts['not-json']).toBe(5);
    expect(counter.total).toBe(6);
    expect(counter.recent().map((d) => d.detail)).toEqual(['3', '4', 'last']);
  });
});
