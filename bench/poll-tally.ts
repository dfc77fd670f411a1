/**
 * bench:poll-tally — how long 50 students' answers take to reach the teacher's tally, over the real broker.
 *
 * An embedded backend (broker, poll service) on OS-chosen ports; a teacher's MQTT client subscribed to the class's
 * tallies, as the console's link worker is; 50 students, each its own MQTT connection with a token the backend
 * signed. Each round the teacher launches a poll (not anonymous, so the tally names who is counted) and the 50
 * students answer at once through the poll service's `answer` method. An answer's latency is from the moment its
 * student sent it to the first tally the teacher receives that counts that student. The console adds at most one
 * animation frame (≤ 16 ms) to show it; that is not included.
 *
 * Usage: npm run bench:poll-tally [-- --rounds 10 --students 50]
 * Last line, one JSON object:
 *   students          students answering each round
 *   rounds            polls launched
 *   answers           answers measured (students × rounds)
 *   pollTallyP50Ms    median answer-to-tally latency
 *   pollTallyP95Ms    95th percentile (the issue's `pollTallyP95Ms`; aim ≤ 1,000)
 *   pollTallyMaxMs    the slowest
 *   loadAverage       1-minute load average when it finished
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { PollTally } from '../shared/protocol/polls';
import { filter } from '../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../services/backend';
import { Clients, subscribe } from '../services/testing/clients';
import { TestParticipant } from '../services/testing/test-participant';
import { percentile, round } from './stats';

export interface PollTallyFigures {
  students: number;
  rounds: number;
  answers: number;
  pollTallyP50Ms: number;
  pollTallyP95Ms: number;
  pollTallyMaxMs: number;
  loadAverage: number;
}

const classId = 'class-0001';

/**
 * Measures answer-to-tally latency with `students` simulated students over `rounds` polls. Starts its own backend
 * unless one is given (with its internals, for signing the students' tokens).
 */
export async function measurePollTally(options: { students?: number; rounds?: number; backend?: { backend: RunningBackend; internals: BackendInternals } } = {}): Promise<PollTallyFigures> {
  const studentCount = options.students ?? 50;
  const rounds = options.rounds ?? 10;
  const own = options.backend ? null : await launchBackend({ classes: 0, tagger: false });
  const { backend, internals } = options.backend ?? own!;
  const clients = new Clients();
  try {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    await subscribe(teacher.client, [filter('pollTally', { classId })]);
    const students = await Promise.all(
      Array.from({ length: studentCount }, async (_, i) => {
        const id = `bench-student-${i}`;
        const { token } = await internals.tokens.sign({ sub: id, name: `Student ${i}`, role: 'student', classes: [classId] });
        return TestParticipant.open(clients, backend, id, token);
      }),
    );
    const latencies: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const pollId = `bench-${randomUUID().slice(0, 8)}`;
      const draft = { kind: 'poll', title: `Bench ${round}`, anonymous: false, questions: [{ id: 'q1', type: 'single', prompt: 'Ready?', options: [{ id: 'yes', text: 'Yes' }, { id: 'no', text: 'No' }] }] };
      const launched = await teacher.call('polls', 'launch', { classId, id: pollId, draft });
      if (!launched.ok) throw new Error(`launch refused: ${launched.error.message}`);
      const sentAt = new Map<string, number>();
      const seenAt = new Map<string, number>();
      const done = new Promise<void>((resolve) => {
        const onMessage = (topic: string, payload: Buffer) => {
          if (!topic.endsWith(`/polls/${pollId}/tally`)) return;
          const now = performance.now();
          const tally = JSON.parse(payload.toString()) as PollTally;
          for (const a of tally.answers ?? []) if (!seenAt.has(a.userId)) seenAt.set(a.userId, now);
          if (seenAt.size === studentCount) {
            teacher.client.off('message', onMessage);
            resolve();
          }
        };
        teacher.client.on('message', onMessage);
      });
      await Promise.all(
        students.map(async (s, i) => {
          sentAt.set(s.userId, performance.now());
          const answered = await s.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: [i % 2 ? 'yes' : 'no'] }] }, 30_000);
          if (!answered.ok) throw new Error(`answer refused: ${answered.error.message}`);
        }),
      );
      await done;
      for (const [userId, at] of seenAt) latencies.push(at - sentAt.get(userId)!);
    }
    return {
      students: studentCount,
      rounds,
      answers: latencies.length,
      pollTallyP50Ms: Math.round(percentile(latencies, 50)),
      pollTallyP95Ms: Math.round(percentile(latencies, 95)),
      pollTallyMaxMs: Math.round(Math.max(...latencies)),
      loadAverage: round(loadavg()[0]!, 2),
    };
  } finally {
    await clients.closeAll();
    await own?.backend.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i === -1 ? undefined : Number(process.argv[i + 1]);
  };
  const figures = await measurePollTally({ students: arg('students'), rounds: arg('rounds') });
  console.log(JSON.stringify(figures));
  process.exit(0);
}
