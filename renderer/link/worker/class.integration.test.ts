// Joining a class and publishing into it, against the real embedded backend (never a mock broker).
import { launchBackend, type BackendInternals, type RunningBackend } from '../../../services/backend';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '../../../shared/protocol';
import type { LinkConfig } from '../messages';
import type { LinkHarness} from './link-harness';
import { signedIn as signedInAs, until } from './link-harness';

let backend: RunningBackend;
let internals: BackendInternals;
const harnesses: LinkHarness[] = [];

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 4, simulate: false, seed: 3 }));
});
afterAll(async () => {
  await backend?.close();
});
afterEach(() => {
  for (const harness of harnesses.splice(0)) harness.send({ type: 'disconnect' });
});

const signedIn = (username: string, patch: Partial<LinkConfig> = {}) => signedInAs(backend, username, harnesses, patch);

/** Sends every 200 ms until `probe` gives a value: live traffic that may be missed until a subscription is in place. */
function sendUntil<T>(what: string, send: () => void, probe: () => T | undefined): Promise<T> {
  let polls = 0;
  return until(what, () => {
    if (polls++ % 10 === 0) send();
    return probe();
  });
}

const room = (version: number, drawing: string[]): Room => ({
  v: 1,
  version,
  drawing,
  chatMutedAll: false,
  chatMuted: [],
  stars: {},
  removed: [],
  startedAt: null,
  countdownEndsAt: null,
  by: 'teacher1',
  ts: Date.now(),
});

describe('a class opened through the link', () => {
  it('carries presence with device, retained room state, hands and live traffic between teacher and student', async () => {
    const teacher = await signedIn('teacher1');
    const student = await signedIn('student1');
    teacher.send({ type: 'join', classId: 'class-0001', options: { observer: false, device: 'Linux x86_64', appVersion: '0.1.0' } });
    // The teacher's own presence coming back means its class subscriptions are in place.
    await until('the teacher in the class', () => teacher.received('presence').find((p) => p.message.device === 'Linux x86_64'));
    student.send({ type: 'join', classId: 'class-0001', options: { observer: false, device: 'Pad', appVersion: '0.1.0' } });

    const presence = await until('the student online with their device', () =>
      teacher.received('presence').find((p) => p.message.userId === 'student1' && p.message.online && p.message.device === 'Pad'),
    );
    expect(presence.message.role).toBe('student');

    teacher.send({ type: 'act', id: 'room-1', action: { kind: 'publish', classId: 'class-0001', publication: { kind: 'room', message: room(1, ['student1']) } } });
    const granted = await until('the room at the student', () => student.received('room').find((r) => r.message.version === 1));
    expect(granted.message.drawing).toEqual(['student1']);
    await until('the room acknowledged', () => teacher.unsent === 0);

    student.send({ type: 'act', id: 'hand-1', action: { kind: 'publish', classId: 'class-0001', publication: { kind: 'hand', message: { v: 1, raised: true, at: 5 } } } });
    const hand = await until('the raised hand at the teacher', () => teacher.received('hand').find((h) => h.message.raised));
    expect(hand.params.userId).toBe('student1');

    // Laser positions arrive in the order they were sent, none coalesced away.
    for (let x = 1; x <= 20; x++) {
      teacher.send({ type: 'fire', classId: 'class-0001', publication: { kind: 'laser', message: { v: 1, pageId: 'p1', x, y: 1, on: true } } });
    }
    const xs = await until('twenty laser positions', () => {
      const seen = student.received('laser').map((l) => l.message.x);
      return seen.length === 20 ? seen : undefined;
    });
    expect(xs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('refuses an invalid publication before it is queued, and tells the UI', async () => {
    const teacher = await signedIn('teacher1');
    teacher.send({ type: 'join', classId: 'class-0001', options: { observer: false } });
    const bad = { ...room(2, []), version: -1 };
    teacher.send({ type: 'act', id: 'bad-room', action: { kind: 'publish', classId: 'class-0001', publication: { kind: 'room', message: bad } } });
    await until('the rejection', () => teacher.events.find((e) => e.type === 'actionRejected' && e.id === 'bad-room'));
    expect(teacher.unsent ?? 0).toBe(0);
  });

  it('lets a supervisor observe without appearing in the class, and announces a student who vanishes', async () => {
    const teacher = await signedIn('teacher1');
    teacher.send({ type: 'join', classId: 'class-0001', options: { observer: false } });
    const supervisor = await signedIn('supervisor1');
    supervisor.send({ type: 'join', classId: 'class-0001', options: { observer: true } });
    const student = await signedIn('student1');
    student.send({ type: 'join', classId: 'class-0001', options: { observer: false } });
    await until('the supervisor sees the student arrive', () =>
      supervisor.received('presence').find((p) => p.message.userId === 'student1' && p.message.online),
    );

    // The network goes away without a goodbye: the broker publishes the student's last will.
    student.send({ type: 'online', online: false });
    await until('the student offline at the teacher', () =>
      teacher.received('presence').filter((p) => p.message.userId === 'student1').at(-1)?.message.online === false,
    );
    expect(teacher.received('presence').some((p) => p.message.userId === 'supervisor1')).toBe(false);
  });

  it('moves presence and the last will to the class opened, away from the first class in scope', async () => {
    const supervisor = await signedIn('supervisor1');
    supervisor.send({ type: 'join', classId: 'class-0001', options: { observer: true } });
    const classes = ['class-0002', 'class-0001'];
    const issued = await internals.tokens.sign({ sub: 'teacher1', name: 'Teacher One', role: 'teacher', classes }, 600);
    const teacher = await signedIn('teacher1', { classes, token: issued.token, tokenExpiresAt: Date.now() + 600_000 });
    teacher.send({ type: 'join', classId: 'class-0001', options: { observer: false, device: 'Desk' } });
    await until('the teacher present in class-0001', () =>
      supervisor.received('presence').find((p) => p.params.classId === 'class-0001' && p.message.userId === 'teacher1' && p.message.device === 'Desk'),
    );
    await until('the teacher connected again', () => teacher.connected);

    // An abrupt loss now announces the teacher offline in class-0001, the class the will names.
    teacher.send({ type: 'online', online: false });
    await until('the will in class-0001', () =>
      supervisor.received('presence').filter((p) => p.message.userId === 'teacher1').at(-1)?.message.online === false,
    );
  });
  it('keeps receiving a class that was left and opened again at once, as observer and as teacher', async () => {
    const teacher = await signedIn('teacher1');
    teacher.send({ type: 'join', classId: 'class-0001', options: { observer: false, device: 'Desk' } });
    const supervisor = await signedIn('supervisor1');
    supervisor.send({ type: 'join', classId: 'class-0001', options: { observer: true } });
    await until('the supervisor sees the teacher', () => supervisor.received('presence').find((p) => p.message.userId === 'teacher1' && p.message.online));

    /** Fires laser positions from `from` until `to` receives one with this x: live traffic flows again. */
    const flows = (from: LinkHarness, to: LinkHarness, x: number) =>
      sendUntil(
        `laser ${x} arrives`,
        () => from.send({ type: 'fire', classId: 'class-0001', publication: { kind: 'laser', message: { v: 1, pageId: 'p1', x, y: 1, on: true } } }),
        () => to.received('laser').find((l) => l.message.x === x),
      );

    await flows(teacher, supervisor, 100);

    // The observer leaves and opens the class again in the same moment (a supervisor going back to the class).
    const presenceBefore = supervisor.received('presence').length;
    supervisor.send({ type: 'leave', classId: 'class-0001' });
    supervisor.send({ type: 'join', classId: 'class-0001', options: { observer: true } });
    await until('the retained presence again', () => supervisor.received('presence').length > presenceBefore);
    await flows(teacher, supervisor, 101);
    // Still subscribed a while later: the unsubscribe did not remove the new subscription after the fact.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await flows(teacher, supervisor, 102);

    // The teacher does the same (their presence and last will move, so the link reconnects in between); a student's
    // raised hands still reach them afterwards.
    const student = await signedIn('student1');
    student.send({ type: 'join', classId: 'class-0001', options: { observer: false } });
    teacher.send({ type: 'leave', classId: 'class-0001' });
    teacher.send({ type: 'join', classId: 'class-0001', options: { observer: false, device: 'Desk' } });
    await until('the teacher connected again', () => teacher.connected);
    for (const at of [201, 202]) {
      await sendUntil(
        `hand ${at} reaches the teacher`,
        () => student.send({ type: 'act', id: `hand-${at}-${Date.now()}`, action: { kind: 'publish', classId: 'class-0001', publication: { kind: 'hand', message: { v: 1, raised: true, at } } } }),
        () => teacher.received('hand').find((h) => h.message.at === at),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
});
