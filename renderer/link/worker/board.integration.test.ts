// The board traffic a console reads through the link, against the real embedded backend and its board service.
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decode, filter, type BoardSnapshot, type Course } from '../../../shared/protocol';
import type { ElementRecord } from '../../../shared/whiteboard/element';
import { launchBackend, type RunningBackend } from '../../../services/backend';
import { serviceLogin } from '../../../services/testing/clients';
import type { LinkHarness} from './link-harness';
import { signedIn as signedInAs, until } from './link-harness';

const CLASS = 'class-0001';
let backend: RunningBackend;
let service: MqttClient;
const harnesses: LinkHarness[] = [];
/** The retained snapshots the board service published, by page, as a service client sees them. */
const published = new Map<string, BoardSnapshot>();

beforeAll(async () => {
  ({ backend } = await launchBackend({ classes: 4, simulate: false, seed: 3, boardSnapshotIntervalMs: 100 }));
  service = await connectAsync(backend.mqttUrl, { ...(await serviceLogin(backend)), protocolVersion: 4 });
  service.on('message', (name, payload) => {
    const decoded = decode(name, payload, 'classroom', false);
    if (decoded.ok && decoded.kind === 'boardSnapshot') published.set(decoded.message.pageId, decoded.message);
  });
  await service.subscribeAsync(filter('boardSnapshot', { classId: CLASS }), { qos: 1 });
});
afterAll(async () => {
  await service?.endAsync();
  await backend?.close();
});
afterEach(() => {
  for (const harness of harnesses.splice(0)) harness.send({ type: 'disconnect' });
});

const signedIn = (username: string) => signedInAs(backend, username, harnesses);

const rect = (id: string): ElementRecord => ({
  id,
  kind: 'rect',
  version: 1,
  nonce: 1,
  by: 'teacher1',
  z: 'a0',
  deleted: false,
  props: { x: 1, y: 2, width: 3, height: 4, angle: 0, stroke: '#000000', fill: '', strokeWidth: 2, opacity: 1, points: [], text: '', fontSize: 24, asset: '' },
});

const course = (version: number, current: string): Course => ({
  v: 1,
  version,
  pages: [
    { id: 'page-1', kind: 'blank', asset: '', page: 1, title: '' },
    { id: 'page-2', kind: 'blank', asset: '', page: 1, title: '' },
  ],
  current,
  by: 'teacher1',
  ts: Date.now(),
});

describe('board snapshots through the link', () => {
  it("reads the retained snapshot of the page the course shows, and another page's when the course moves to it", async () => {
    const teacher = await signedIn('teacher1');
    teacher.send({ type: 'join', classId: CLASS, options: { observer: false } });
    teacher.send({ type: 'act', id: 'course-1', action: { kind: 'publish', classId: CLASS, publication: { kind: 'course', message: course(1, 'page-1') } } });
    let seq = 0;
    for (const [pageId, id] of [['page-2', 'rect-b'], ['page-1', 'rect-a']] as const) {
      const message = { v: 1 as const, pageId, session: 'tab-1', seq: ++seq, records: [rect(id)] };
      teacher.send({ type: 'act', id: `ops-${seq}`, action: { kind: 'publish', classId: CLASS, publication: { kind: 'boardOps', message } } });
    }
    // Both pages have a retained snapshot at the broker before the student opens the class.
    await until('both pages snapshotted', () => published.get('page-1')?.elements.length && published.get('page-2')?.elements.length);

    const student = await signedIn('student1');
    student.send({ type: 'join', classId: CLASS, options: { observer: false } });
    const shown = await until('the shown page snapshot', () => student.received('boardSnapshot').find((s) => s.message.pageId === 'page-1'));
    expect(shown.message.elements.map((e) => e.id)).toEqual(['rect-a']);
    // The page nobody shows never reached the student, though its snapshot is retained too.
    expect(student.received('boardSnapshot').filter((s) => s.message.pageId === 'page-2')).toEqual([]);

    teacher.send({ type: 'act', id: 'course-2', action: { kind: 'publish', classId: CLASS, publication: { kind: 'course', message: course(2, 'page-2') } } });
    const turned = await until('the next page snapshot', () => student.received('boardSnapshot').find((s) => s.message.pageId === 'page-2'));
    expect(turned.message.elements.map((e) => e.id)).toEqual(['rect-b']);
  });
});

describe("a console's own board ops", () => {
  const ops = (session: string, seq: number, id: string) => ({ v: 1 as const, pageId: 'page-1', session, seq, records: [rect(id)] });
  const publish = (harness: LinkHarness, id: string, message: ReturnType<typeof ops>) =>
    harness.send({ type: 'act', id, action: { kind: 'publish', classId: CLASS, publication: { kind: 'boardOps', message } } });

  it('are not handed back to it by its link, while another window of the same user still receives them', async () => {
    const window1 = await signedIn('teacher1');
    const window2 = await signedIn('teacher1');
    const student = await signedIn('student1');
    for (const harness of [window1, window2, student]) harness.send({ type: 'join', classId: CLASS, options: { observer: false } });
    await until('everyone subscribed', () => [window1, window2, student].every((h) => h.received('presence').some((p) => p.message.userId === 'student1')));

    publish(window1, 'own-1', ops('window-1', 1, 'rect-own'));
    await until('the op at the student', () => student.received('boardOps').some((o) => o.message.session === 'window-1'));
    await until('the op at the other window', () => window2.received('boardOps').some((o) => o.message.session === 'window-1'));
    await until('the op acknowledged', () => window1.batches.some((b) => b.acknowledged?.includes('own-1')));

    publish(window2, 'other-1', ops('window-2', 1, 'rect-other'));
    await until("the other window's op at the first", () => window1.received('boardOps').some((o) => o.message.session === 'window-2'));
    expect(window1.received('boardOps').map((o) => o.message.session)).toEqual(['window-2']);
    expect(window2.received('boardOps').map((o) => o.message.session)).toEqual(['window-1']);
  });
});
