/**
 * The recorder service as a process of its own, for bench/replay.ts: the real RecorderService on the bench's broker,
 * so the CPU it uses (process.cpuUsage of this process) is the recorder's alone: receiving and decoding the class's
 * messages, framing and writing them, its flush timer, and its MQTT client. Not part of the product.
 *
 * Started with fork() and the environment below; says `{ type: 'ready' }`, then takes `{ type: 'clock', epoch }` (the
 * wall-clock ms when the class starts: from then its clock runs `REPLAY_SPEED` times faster than the wall clock, so
 * the times it writes are those of the class the bench plays at that speed), answers `{ type: 'cpu' }` with its CPU
 * use so far and stops on `{ type: 'stop' }`.
 *
 *   REPLAY_MQTT_URL, REPLAY_ROOT, REPLAY_DIR      the broker, topic root and recordings folder
 *   REPLAY_TOKEN                                 a service token for `svc-recorder`
 *   REPLAY_CLAIMS                                JSON: userId → claims of the people who may start and stop it
 *   REPLAY_SPEED                                 the speed the class is played at
 */
import type { Claims } from '../shared/auth/claims';
import { RecorderService } from '../services/recorder/recorder';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

/** Until the bench says when the class starts, the clock is the wall clock. */
let epoch = Number.POSITIVE_INFINITY;
const speed = Number(env('REPLAY_SPEED'));
const claims = JSON.parse(env('REPLAY_CLAIMS')) as Record<string, Claims>;
const token = env('REPLAY_TOKEN');
let errors = 0;

const recorder = await RecorderService.start({
  link: { url: env('REPLAY_MQTT_URL'), token: () => Promise.resolve(token), refreshEveryMs: 10 * 60_000, onError: () => void errors++ },
  root: env('REPLAY_ROOT'),
  dir: env('REPLAY_DIR'),
  claimsOf: (userId) => claims[userId],
  now: () => {
    const wall = Date.now();
    return wall < epoch ? wall : Math.round(epoch + (wall - epoch) * speed);
  },
  onError: () => void errors++,
});

process.on('message', (message: { type: string; epoch?: number }) => {
  if (message.type === 'clock') {
    epoch = message.epoch ?? Date.now();
    process.send?.({ type: 'clock' });
  } else if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ type: 'cpu', userMs: user / 1000, systemMs: system / 1000, errors, drops: recorder.drops.total });
  } else if (message.type === 'stop') {
    void recorder.stop().then(() => process.exit(0));
  }
});
process.send?.({ type: 'ready' });
