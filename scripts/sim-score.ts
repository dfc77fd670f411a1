/**
 * sim:score — how well the tagger and the help dispatcher handle the simulator's faults, against its ground truth.
 *
 * Starts the embedded backend (broker, directory, tagger, dispatcher, simulator) with random faults injected early in
 * the run into a share of the live classes, lets simulated participants press help, answer remedies and recover (or
 * not) the way real clients do, watches the published class tags and help states for the whole run, then scores them.
 * Progress goes to stderr as it runs; the summary and, as the last line, one JSON object go to stdout:
 *   helpRequests         help requests sent by simulated participants (first presses, repeats, redeliveries, healthy
 *                        and invalid ones)
 *   autoResolvedRate     of the first help requests about fixable faults, the share the dispatcher auto-resolved
 *   medianAutoResolveS   median seconds from sending such a request to its auto-resolution
 *   falseResolutions     requests marked resolved while their fault was still present per ground truth
 *   tagPrecision         published problem-tag episodes (distinct class, user, tag, since) that match an injected fault
 *                        with the same class, user and tag whose life [start − 30 s, end] holds the episode's `since`
 *   tagRecall            detectable faults (spanning a whole 30 s window closed before the run ended) matched by at
 *                        least one episode
 *   medianFixToResolveS  median seconds from a client's actual recovery to its request's auto-resolution
 * Then the noisy scenario (services/testing/field-pipeline.ts: about 100 live classes for six minutes with the field
 * model's noise, half of them with one fault each in the field's shapes; simulated clock, same seed), scored against
 * its ground truth (services/simulator/noisy-score.ts):
 *   noisyPrecision, noisyRecall, detectP95S, clearP95S, falseTagMinPerClassHour (and detectMedianS, clearMedianS,
 *   noisyFaultEpisodes, appearedAfterEnd, tagFlaps, noisySetAsideLate, noisySetAsideFuture)
 *   …and the counts behind them (services/simulator/score.ts), the run's settings and the simulator's traffic.
 *
 * Timing: faults start 5–30 s into the run and their participant presses help 10–60 s later (seeded), as people do,
 * often before the tagger can have seen the problem (a problem "for the whole window" needs up to two 30 s windows
 * plus 10 s lateness). The dispatcher holds a request no tag covers yet for its 60 s coverage grace, and the time it
 * waits counts in `medianAutoResolveS`; the remedy, its acknowledgement and the 45 s pending window fit in a 180 s run.
 *
 * Usage: npm run sim:score -- [--duration 180] [--classes 400] [--seed 1] [--fault-share 0.15] [--unfixable 0.2]
 *        [--inject-until 30] [--help-delay 10-60]
 */
import { parseArgs } from 'node:util';
import { decode } from '../shared/protocol/codec';
import type { HelpState } from '../shared/protocol/supervision';
import { filter } from '../shared/protocol/topics';
import { launchBackend } from '../services/backend';
import { ServiceConnection } from '../services/mqtt/service-connection';
import { falselyResolved, score, type ObservedTag } from '../services/simulator/score';
import { noisyScenario } from '../services/testing/field-pipeline';

const USAGE = `Usage: npm run sim:score -- [options]

  --duration S        length of the run in seconds (default 180)
  --classes N         simulated classes, about 80% of them live (default 400)
  --seed N            simulator seed (default 1)
  --fault-share X     share of the live classes that get a fault (default 0.15)
  --unfixable X       share of faults no remedy fixes (default 0.2)
  --inject-until S    faults start between 5 s and this many seconds into the run (default 30)
  --help-delay A-B    a participant presses help A to B seconds after their fault starts (default 10-60)
  --help              this text`;

function number(name: string, value: string | undefined, fallback: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || parsed > max) throw new Error(`--${name} needs a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return parsed;
}

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' }, classes: { type: 'string' }, seed: { type: 'string' }, 'fault-share': { type: 'string' },
      unfixable: { type: 'string' }, 'inject-until': { type: 'string' }, 'help-delay': { type: 'string' }, help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const durationS = number('duration', values.duration, 180, { min: 30, max: 3_600 });
  const injectUntilS = number('inject-until', values['inject-until'], 30, { min: 6, max: durationS });
  const delay = (values['help-delay'] ?? '10-60').split('-').map(Number);
  if (delay.length !== 2 || !delay.every((d) => Number.isFinite(d) && d >= 0) || delay[0]! > delay[1]!) {
    throw new Error(`--help-delay needs two seconds like 10-60, got ${JSON.stringify(values['help-delay'])}`);
  }
  return {
    durationS,
    classes: Math.round(number('classes', values.classes, 400, { min: 3, max: 20_000 })),
    seed: Math.round(number('seed', values.seed, 1)),
    faultShare: number('fault-share', values['fault-share'], 0.15, { max: 0.99 }),
    unfixableShare: number('unfixable', values.unfixable, 0.2, { max: 1 }),
    injectUntilS,
    helpDelayS: [delay[0]!, delay[1]!] as [number, number],
  };
}

let settings: ReturnType<typeof options>;
try {
  settings = options();
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

const INJECT_FROM_MS = 5_000;
const injectWindowMs = settings.injectUntilS * 1000 - INJECT_FROM_MS;
// A class without a fault starts one with a constant chance per second, so this rate gives the wanted share of the
// live classes a fault within the injection window: 1 - e^(-rate · window) = share.
const perClassHour = (-Math.log(1 - settings.faultShare) * 3_600_000) / injectWindowMs;

const { backend, internals } = await launchBackend({
  classes: settings.classes,
  seed: settings.seed,
  simulation: {
    faults: { perClassHour, unfixableShare: settings.unfixableShare, startAfterMs: INJECT_FROM_MS, stopAfterMs: settings.injectUntilS * 1000 },
    help: {
      faultShare: 1, delayMs: [settings.helpDelayS[0] * 1000, settings.helpDelayS[1] * 1000],
      repeatShare: 0.05, redeliverShare: 0.03, healthyPerClassHour: 0.5, invalidPerClassHour: 0.3,
    },
  },
  onError: (error) => console.error('[backend]', error),
});
const simulator = internals.simulator!;

const tags: ObservedTag[] = [];
const helpStates = new Map<string, HelpState>();
let dropped = 0;
const observer = await ServiceConnection.open({
  url: backend.mqttUrl,
  service: 'score',
  token: (name) => backend.serviceToken(name),
  refreshEveryMs: 60_000,
  subscriptions: [filter('classTags'), filter('helpState')],
  onMessage: (topicName, payload, retained) => {
    const decoded = decode(topicName, payload, undefined, retained);
    if (!decoded.ok) return void dropped++;
    if (decoded.kind === 'classTags') {
      for (const entry of decoded.message.tags) tags.push({ classId: decoded.message.classId, userId: entry.userId ?? null, tag: entry.tag, since: entry.since });
    } else if (decoded.kind === 'helpState') {
      helpStates.set(decoded.message.id, decoded.message);
    }
  },
  onConnect: () => {},
});

const startedAt = Date.now();
const endsAt = startedAt + settings.durationS * 1000;
const counts = (items: Iterable<{ status: string }>) => {
  const byStatus: Record<string, number> = {};
  for (const { status } of items) byStatus[status] = (byStatus[status] ?? 0) + 1;
  return Object.entries(byStatus).map(([status, n]) => `${status} ${n}`).join(', ') || 'none';
};
const progress = setInterval(() => {
  const truth = simulator.truth.snapshot();
  console.error(
    `[${Math.round((Date.now() - startedAt) / 1000)} s] telemetry ${simulator.live.counts.telemetry}, faults ${truth.faults.length}` +
      ` (fixed ${truth.faults.filter((f) => f.fixedAt !== null).length}), help ${truth.help.length}, help states: ${counts(helpStates.values())}`,
  );
}, 15_000);
await new Promise((resolve) => setTimeout(resolve, endsAt - Date.now()));
clearInterval(progress);

const until = Date.now();
const truth = simulator.truth.snapshot();
const result = score({ truth, tags, helpStates: [...helpStates.values()], until });
await observer.close();
await backend.close();

const live = simulator.live;
const byTag = new Map<string, { injected: number; fixed: number }>();
for (const fault of truth.faults) {
  const row = byTag.get(fault.tag) ?? { injected: 0, fixed: 0 };
  row.injected++;
  if (fault.fixedAt !== null) row.fixed++;
  byTag.set(fault.tag, row);
}
const lines = [
  `sim:score: ${settings.classes} classes for ${settings.durationS} s, seed ${settings.seed}`,
  `  faults ${result.faults} (${truth.faults.filter((f) => !f.fixable).length} unfixable), by tag: ${[...byTag].map(([tag, r]) => `${tag} ${r.injected}/${r.fixed} fixed`).join(', ')}`,
  `  help requests ${result.helpRequests}: ${counts(truth.help.map((h) => ({ status: h.kind })))}`,
  `  help states: ${counts(helpStates.values())}`,
  `  auto-resolved ${result.autoResolved} of ${result.fixableHelpRequests} fixable (${result.autoResolvedRate}), median ${result.medianAutoResolveS} s, false resolutions ${result.falseResolutions}`,
  `  tags: ${result.tagEpisodes} problem episodes, ${result.matchedEpisodes} matched (precision ${result.tagPrecision}); ${result.detectedFaults} of ${result.detectableFaults} detectable faults detected (recall ${result.tagRecall})`,
  `  telemetry ${live.counts.telemetry} messages (${Math.round(live.counts.telemetry / settings.durationS)}/s), commands ${live.counts.commands}, acks ${live.counts.acks}, observer drops ${dropped}`,
];
// What became of the fixable faults' requests that were not auto-resolved, for whoever tunes the tagger or dispatcher.
const rel = (at: number | null) => (at === null ? '-' : `${Math.round((at - startedAt) / 1000)} s`);
for (const request of truth.help.filter((h) => h.kind === 'fault')) {
  const fault = truth.faults.find((f) => f.id === request.faultId)!;
  const state = helpStates.get(request.id);
  if (!fault.fixable || state?.status === 'auto-resolved') continue;
  const remedies = state?.remedies.map((r) => `${r.action}→${r.to} ${r.outcome}`).join(', ') ?? '';
  lines.push(`  not auto-resolved: ${fault.tag} on ${fault.classId}/${fault.userId}, injected ${rel(fault.injectedAt)}, help ${rel(request.at)},` +
    ` fixed ${rel(fault.fixedAt)}; ${state ? `${state.status} (${state.reason}) ${remedies}` : 'no help state'}`);
}
// Requests marked resolved while their fault was still there: what the dispatcher took as proof, for whoever looks.
for (const { state, fault, sentAt } of falselyResolved(truth, [...helpStates.values()])) {
  lines.push(`  falsely resolved: ${fault.tag}${fault.fixable ? '' : ' (unfixable)'} on ${fault.classId}/${fault.userId}, injected ${rel(fault.injectedAt)},` +
    ` help ${rel(sentAt)}, resolved ${rel(state.resolvedAt)} (${state.reason}), fixed ${rel(fault.fixedAt)}`);
}

// The noisy scenario, after the clean one so that neither slows the other.
const noisyStarted = Date.now();
const noisy = noisyScenario({ seed: settings.seed });
const n = noisy.score;
const totals = noisy.pipeline.engine.totals;
const noisyFields = {
  noisyPrecision: n.noisyPrecision, noisyRecall: n.noisyRecall, detectP95S: n.detectP95S, detectMedianS: n.detectMedianS,
  clearP95S: n.clearP95S, clearMedianS: n.clearMedianS, falseTagMinPerClassHour: n.falseTagMinPerClassHour,
  noisyFaultEpisodes: n.faultEpisodes, noisyDetectable: n.detectableEpisodes, noisyDetected: n.detectedEpisodes,
  appearedAfterEnd: n.appearedAfterEnd, tagFlaps: n.tagFlaps, noisySetAsideLate: totals.late, noisySetAsideFuture: totals.future,
};
lines.push(
  `noisy scenario: ${noisy.pipeline.liveClasses()} live classes for 360 s (simulated, ${Math.round((Date.now() - noisyStarted) / 1000)} s to run), ${n.faultEpisodes} fault episodes`,
  `  precision ${n.noisyPrecision}, recall ${n.noisyRecall} (${n.detectedEpisodes} of ${n.detectableEpisodes}), detect p95 ${n.detectP95S} s (median ${n.detectMedianS}),` +
    ` clear p95 ${n.clearP95S} s (median ${n.clearMedianS}), false-tag minutes per class hour ${n.falseTagMinPerClassHour}, appeared after end ${n.appearedAfterEnd}, flaps ${n.tagFlaps}`,
  `  by tag: ${Object.entries(n.byTag).map(([tag, r]) => `${tag} ${r.detected}/${r.episodes} (worst ${r.worstDetectS} s)`).join(', ')}`,
  `  false tags: ${Object.entries(n.falseByTag).map(([tag, count]) => `${tag} ${count}`).join(', ') || 'none'}; set aside: late ${totals.late}, future ${totals.future}, duplicate ${totals.duplicate}`,
);
console.log(lines.join('\n'));
console.log(JSON.stringify({ ...result, classes: settings.classes, durationS: settings.durationS, seed: settings.seed, telemetryMessages: live.counts.telemetry, ...noisyFields }));
process.exit(0);
