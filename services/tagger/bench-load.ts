import { connect } from 'mqtt';
import { topic } from '../../shared/protocol/topics';
import { launchBackend } from '../backend';
import { serviceClientId, serviceUserId } from '../../shared/auth/client-id';

/**
 * The tagger bench's other process: the embedded broker, and a publisher offering telemetry at a fixed rate, so the
 * tagger under test has a core of its own. Talks to the bench over IPC: `ready` → `{go}` → `done`.
 */
interface Go {
  classes: number;
  rate: number;
  seconds: number;
  /** Share of classes whose student hears nothing from a speaking teacher. */
  faulty: number;
}

const send = (message: unknown) => process.send?.(message);

async function main(): Promise<void> {
  const { backend } = await launchBackend({ classes: 0, tagger: false });
  const client = connect(backend.mqttUrl, {
    username: serviceUserId('bench'),
    password: await backend.serviceToken('bench'),
    clientId: serviceClientId('bench', 'publisher'),
    protocolVersion: 4,
  });
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  send({ type: 'ready', url: backend.mqttUrl, token: await backend.serviceToken('tagger') });
  process.on('message', (go: Go) => {
    const topics = Array.from({ length: go.classes }, (_, i) => {
      const classId = `class-${i}`;
      return [topic('telemetry', { classId, userId: `teacher-${i}` }), topic('telemetry', { classId, userId: `student-${i}` })] as const;
    });
    const started = Date.now();
    let sent = 0;
    const total = go.rate * go.seconds;
    const timer = setInterval(() => {
      const now = Date.now();
      const due = Math.min(total, Math.floor(((now - started) / 1000) * go.rate));
      for (; sent < due; sent++) {
        const c = sent % go.classes;
        // Each class sends one message a second, its teacher and its student taking turns (2 s batches each).
        const teacherTurn = Math.floor(sent / go.classes) % 2 === 0;
        const faulty = c < go.classes * go.faulty;
        const events = teacherTurn
          ? [
              { type: 'media', at: now - 1_000, direction: 'send', kind: 'audio', enabled: true, link: 'connected', bitrateKbps: 32, lossPct: 0, jitterMs: 4, audioLevel: 0.3 },
              { type: 'media', at: now - 1_000, direction: 'send', kind: 'video', enabled: true, link: 'connected', bitrateKbps: 600, lossPct: 0, jitterMs: 4, frames: 30 },
            ]
          : [
              { type: 'media', at: now - 1_000, direction: 'receive', kind: 'audio', peer: `teacher-${c}`, enabled: true, link: 'connected', bitrateKbps: faulty ? 0 : 32, lossPct: 0, jitterMs: 4, audioLevel: faulty ? 0 : 0.3 },
              { type: 'media', at: now - 1_000, direction: 'receive', kind: 'video', peer: `teacher-${c}`, enabled: true, link: 'connected', bitrateKbps: 600, lossPct: 0, jitterMs: 4, frames: 30 },
              { type: 'media', at: now - 1_000, direction: 'send', kind: 'audio', enabled: true, link: 'connected', bitrateKbps: 32, lossPct: 0, jitterMs: 4, audioLevel: 0.1 },
            ];
        const payload = JSON.stringify({ v: 1, id: `m${sent}`, at: now, events });
        client.publish(topics[c]![teacherTurn ? 0 : 1], payload, { qos: 0 });
      }
      if (sent >= total) {
        clearInterval(timer);
        send({ type: 'done', sent, ms: Date.now() - started });
      }
    }, 10);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
