// Media traffic through the link: class configuration, media state and peer-to-peer signalling, against the real
// embedded backend.
import { launchBackend, type RunningBackend } from '../../../services/backend';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RtcSignal } from '../../../shared/protocol';
import { LinkHarness, configFor, until } from './link-harness';

let backend: RunningBackend;
const harnesses: LinkHarness[] = [];

beforeAll(async () => {
  ({ backend } = await launchBackend({ classes: 2, simulate: false }));
});
afterAll(async () => {
  await backend?.close();
});
afterEach(() => {
  for (const harness of harnesses.splice(0)) harness.send({ type: 'disconnect' });
});

async function inClass(username: string, observer = false): Promise<LinkHarness> {
  const harness = new LinkHarness();
  harnesses.push(harness);
  harness.send({ type: 'connect', config: await configFor(backend, username) });
  await until(`${username} connected`, () => harness.connected);
  harness.send({ type: 'join', classId: 'class-0001', options: { observer } });
  await until(`${username} has the class configuration`, () => harness.received('classConfig').length > 0);
  return harness;
}

const hello = (session: string, seq: number): RtcSignal => ({ v: 1, session, seq, kind: 'hello', ts: Date.now() });

describe('media through the link', () => {
  it('hands the class configuration to everyone who opens the class, observers included', async () => {
    const student = await inClass('student1');
    const supervisor = await inClass('supervisor1', true);
    for (const harness of [student, supervisor]) {
      expect(harness.received('classConfig')[0]!.message.media.lines.map((l) => l.id)).toEqual(['line-a', 'line-b']);
    }
  });

  it('delivers signalling only to the participant it is addressed to, signed by the sender', async () => {
    const teacher = await inClass('teacher1');
    const student = await inClass('student1');
    const supervisor = await inClass('supervisor1', true);
    teacher.send({ type: 'fire', classId: 'class-0001', publication: { kind: 'rtc', to: 'student1', message: hello('t-session', 1) } });
    supervisor.send({ type: 'fire', classId: 'class-0001', publication: { kind: 'rtc', to: 'teacher1', message: hello('o-session', 1) } });

    const atStudent = await until('the teacher’s hello at the student', () => student.received('rtc')[0]);
    expect(atStudent.params).toEqual({ classId: 'class-0001', toUserId: 'student1', fromUserId: 'teacher1' });
    const atTeacher = await until('the supervisor’s hello at the teacher', () => teacher.received('rtc')[0]);
    expect(atTeacher.params.fromUserId).toBe('supervisor1');
    // Nobody sees signalling addressed to someone else.
    expect(supervisor.received('rtc')).toEqual([]);
    expect(student.received('rtc').map((m) => m.params.fromUserId)).toEqual(['teacher1']);
  });

  it('carries each participant’s retained media state to everyone in the class', async () => {
    const teacher = await inClass('teacher1');
    teacher.send({
      type: 'act',
      id: 'media-1',
      action: { kind: 'publish', classId: 'class-0001', publication: { kind: 'mediaState', message: { v: 1, mic: false, camera: true, screen: false, link: 'connected', ts: Date.now() } } },
    });
    await until('the state acknowledged', () => teacher.batches.some((b) => b.acknowledged?.includes('media-1')));
    const late = await inClass('supervisor1', true);
    const state = await until('the teacher’s media state at a late observer', () => late.received('mediaState').find((m) => m.params.userId === 'teacher1'));
    expect(state.message).toMatchObject({ mic: false, camera: true, link: 'connected' });
  });
});
