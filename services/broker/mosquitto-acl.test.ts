import { describe, expect, it } from 'vitest';
import { mosquittoAcl, type MosquittoUser } from './mosquitto-acl';

const users: MosquittoUser[] = [
  { username: 'student1', role: 'student', classes: ['class-0001'] },
  { username: 'teacher1', role: 'teacher', classes: ['class-0001', 'class-0003'] },
  { username: 'supervisor1', role: 'supervisor', classes: '*' },
  { username: 'svc-board', role: 'service', classes: '*' },
];

function block(acl: string, username: string): string[] {
  const lines = acl.split('\n');
  const start = lines.indexOf(`user ${username}`);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('user '));
  return lines.slice(start + 1, end === -1 ? undefined : end).filter((line) => line.startsWith('topic '));
}

describe('the Mosquitto ACL file', () => {
  const acl = mosquittoAcl(users);

  it('gives every user their own reply, probe and request topics through %u patterns', () => {
    expect(acl).toContain('pattern read classroom/v1/user/%u/#');
    expect(acl).toContain('pattern write classroom/v1/user/%u/ping/+');
    expect(acl).toContain('pattern write classroom/v1/svc/+/req/%u');
  });

  it('expands a student\'s class scope, and nothing else', () => {
    expect(block(acl, 'student1')).toEqual([
      'topic read classroom/v1/directory/classes/class-0001',
      'topic read classroom/v1/class/class-0001/presence/+',
      'topic read classroom/v1/class/class-0001/board/#',
      'topic read classroom/v1/class/class-0001/course',
      'topic read classroom/v1/class/class-0001/room',
      'topic read classroom/v1/class/class-0001/chat/+',
      'topic read classroom/v1/class/class-0001/hand/+',
      'topic read classroom/v1/class/class-0001/sync/+',
      'topic read classroom/v1/class/class-0001/config',
      'topic read classroom/v1/class/class-0001/media/+',
      'topic read classroom/v1/class/class-0001/recording',
      'topic read classroom/v1/class/class-0001/polls/+',
      'topic read classroom/v1/class/class-0001/breakouts',
      'topic read classroom/v1/class/class-0001/command/student1',
      'topic write classroom/v1/class/class-0001/presence/student1',
      'topic write classroom/v1/class/class-0001/board/ops/student1',
      'topic write classroom/v1/class/class-0001/board/live/student1',
      'topic write classroom/v1/class/class-0001/board/laser/student1',
      'topic write classroom/v1/class/class-0001/hand/student1',
      'topic write classroom/v1/class/class-0001/sync/student1',
      'topic write classroom/v1/class/class-0001/ack/student1',
      'topic write classroom/v1/class/class-0001/telemetry/student1',
      'topic write classroom/v1/class/class-0001/help/student1',
      'topic write classroom/v1/class/class-0001/media/student1',
      'topic read classroom/v1/class/class-0001/whisper/student1',
      'topic read classroom/v1/class/class-0001/polls/+/receipt/student1',
      'topic write classroom/v1/class/class-0001/rtc/+/student1',
      'topic read classroom/v1/class/class-0001/rtc/student1/+',
    ]);
  });

  it('gives a teacher class control in each of their classes, as themselves', () => {
    const lines = block(acl, 'teacher1');
    expect(lines).toContain('topic write classroom/v1/class/class-0001/control/teacher1');
    expect(lines).toContain('topic write classroom/v1/class/class-0003/control/teacher1');
    expect(lines.some((line) => line.includes('class-0002'))).toBe(false);
  });

  it('lets a supervisor read and steer every class but publish no presence', () => {
    const lines = block(acl, 'supervisor1');
    expect(lines).toContain('topic read classroom/v1/directory/classes/+');
    expect(lines).toContain('topic read classroom/v1/class/+/presence/+');
    expect(lines).toContain('topic read classroom/v1/class/+/telemetry/+');
    expect(lines).toContain('topic write classroom/v1/class/+/command/+');
    expect(lines.some((line) => line.startsWith('topic write') && line.includes('/presence/'))).toBe(false);
    expect(lines.some((line) => line.includes('/command/supervisor1') || line.includes('control'))).toBe(false);
  });

  it('gives services the whole tree under the root, which in Mosquitto never includes $SYS', () => {
    expect(block(acl, 'svc-board')).toEqual(['topic read classroom/v1/#', 'topic write classroom/v1/#']);
  });

  it('uses the configured root', () => {
    expect(mosquittoAcl(users.slice(0, 1), 'school')).toContain('topic read school/v1/directory/classes/class-0001');
  });

  it('refuses a username that could smuggle in a wildcard or a new line', () => {
    expect(() => mosquittoAcl([{ username: 'student1/#', role: 'student', classes: [] }])).toThrow(/not a user id/);
    expect(() => mosquittoAcl([{ username: 'x\ntopic readwrite #', role: 'student', classes: [] }])).toThrow(/not a user id/);
    expect(() => mosquittoAcl([{ username: 'student1', role: 'student', classes: ['+'] }])).toThrow(/not a class id/);
  });
});
