import { encode, type Outbound } from '../../shared/protocol/codec';
import { KINDS } from '../../shared/protocol/kinds';
import type { Command, Presence, Telemetry, TelemetryEvent } from '../../shared/protocol/messages';
import type { HelpRequest } from '../../shared/protocol/supervision';
import { topic } from '../../shared/protocol/topics';
import { utf8Encode } from '../../shared/protocol/text';
import { Agenda } from './agenda';
import type { ClassDefinition } from './catalogue';
import { carriedBy, FAULT_TAGS, HELP_OF, isFaultTag, SHAPES_OF, type CommandRecord, type FaultRecord, type FaultSpec, type FaultTag, type HelpKind } from './faults';
import { duplicates, episodesOf, FieldMember, lifetimeOf, planFault, type ActiveFault, type Delivery, type FaultPlan } from './field';
import { GroundTruth } from './ground-truth';
import { HEALTHY_QUESTIONS, helpRequest, type HelpContext } from './help';
import { SimulationModel, type Seat } from './model';
import { weightsOf, type SimulationTuning } from './options';
import { Prng } from './prng';
import { complete, respond } from './remedies';
import { LiveClass, type Member } from './roster';
import { boardEvents, coursewareEvent, entryEvents, fixedEvents, initEvent, mediaEvents, onsetEvents, remedyEvents } from './signatures';

export interface LiveSimulationOptions {
  catalogue: readonly ClassDefinition[];
  root: string;
  seed: number;
  /** Presence comes and goes and scheduled classes start; false keeps the presence the simulation starts with. */
  simulate: boolean;
  /** Share of the active seats that change each second. */
  churn: number;
  tuning: SimulationTuning;
  startedAt: number;
}

type Due =
  | { type: 'ack'; liveClass: LiveClass; member: Member; commandId: string; ok: boolean; detail: string }
  | { type: 'complete'; liveClass: LiveClass; member: Member; record: CommandRecord }
  | { type: 'help'; fault: FaultRecord; repeat: boolean };

const STEP_MS = 1_000;
const MAX_EVENTS = 50;
const HOUR_MS = 3_600_000;
const REPEAT_AFTER_MS: [number, number] = [15_000, 25_000];
const EXPIRED_BY_MS = 20 * 60_000;
const VALIDATE_EVERY = 100;
/**
 * Nobody leaves a class for this long after its fault ended: whoever was helped carries on with the lesson, and the
 * class keeps reporting while the tags catch up.
 */
const SETTLE_MS = 2 * 60_000;

/**
 * The simulated classes as they live: presence, telemetry like the console's, faults and how clients answer
 * remedies, and help requests, all as messages to publish. No I/O and no clock of its own: the caller passes the
 * time to `advance` (which one ticker calls a few times a second), hands it the commands addressed to simulated
 * participants, and publishes what comes back. Ground truth about every fault, command and help request is kept
 * in `truth`.
 */
export class LiveSimulation {
  readonly model: SimulationModel;
  readonly truth = new GroundTruth();
  readonly counts = { telemetry: 0, acks: 0, help: 0, commands: 0, commandsIgnored: 0 };
  private readonly prng: Prng;
  private readonly classes: LiveClass[];
  private readonly byId = new Map<string, LiveClass>();
  private readonly agenda = new Agenda<Due>();
  private readonly active = new Set<FaultRecord>();
  private readonly reportEveryMs: number;
  private readonly nonce: string;
  private lastStepAt: number;
  private serial = 0;
  private readonly tagCredit = new Map<FaultTag, number>();
  /** Noisy scenario: each fault's plan, and telemetry on its way to the broker. */
  private readonly noisy: boolean;
  private readonly plans = new Map<string, FaultPlan>();
  private readonly deliveries = new Agenda<{ member: Member; message: Telemetry }>();
  private readonly noisePrng: Prng;

  constructor(private readonly options: LiveSimulationOptions) {
    this.model = new SimulationModel(options.catalogue, options.seed);
    this.prng = new Prng(options.seed ^ 0x11fe);
    this.reportEveryMs = 1_000 / options.tuning.telemetry.perClassPerSecond;
    this.nonce = options.startedAt.toString(36).slice(-6);
    this.lastStepAt = options.startedAt;
    this.classes = options.catalogue.map(
      (definition, index) => new LiveClass(definition, this.model.seatsOf(definition.id), index, options, this.reportEveryMs, this.prng),
    );
    this.noisy = options.tuning.noise.enabled;
    this.noisePrng = new Prng(options.seed ^ 0x0f1e1d);
    for (const liveClass of this.classes) {
      this.byId.set(liveClass.id, liveClass);
      if (this.noisy) {
        liveClass.members.forEach((member, index) => {
          member.field = new FieldMember(member.userId, member.role, (options.seed * 7_919 + liveClass.definition.id.length * 104_729 + hash(member.userId) + index) >>> 0, options.startedAt, options.tuning.noise);
        });
      }
      for (const member of liveClass.online()) this.entered(liveClass, member, options.startedAt);
    }
  }

  /** The presence of every simulated seat, for the first connection and every reconnection. */
  presence(now: number): Outbound[] {
    return this.classes.flatMap((c) => c.members.map((m) => this.presenceOf(m, c.id, now)));
  }

  online(classId: string): { teachers: number; students: number } {
    return this.model.online(classId);
  }

  /** Everything due by `now`: presence changes, class starts, telemetry reports, acknowledgements, help requests. */
  advance(now: number): Outbound[] {
    const out: Outbound[] = [];
    if (now - this.lastStepAt >= STEP_MS) {
      this.step(now, now - this.lastStepAt, out);
      this.lastStepAt = now;
    }
    for (const due of this.agenda.due(now)) this.carryOut(due, now, out);
    if (this.options.tuning.telemetry.enabled) {
      if (this.noisy) this.fieldReports(now, out);
      else for (const liveClass of this.classes) if (liveClass.nextReportAt <= now) this.report(liveClass, now, out);
    }
    return out;
  }

  /** A command addressed to a participant; ignored unless that participant is simulated here. */
  command(classId: string, userId: string, command: Command, now: number): void {
    const liveClass = this.byId.get(classId);
    const member = liveClass?.member(userId);
    if (!liveClass || !member) {
      this.counts.commandsIgnored++;
      return;
    }
    this.counts.commands++;
    if (member.answered.has(command.id)) {
      // A redelivered command: a client answers it again the same way, and does not carry it out twice.
      const answer = member.answered.get(command.id);
      if (answer) this.agenda.add(now, { type: 'ack', liveClass, member, commandId: command.id, ...answer });
      return;
    }
    const fault = member.faultRecord;
    const response = respond(command.action, member.online, fault, now, this.options.tuning.remedies, this.prng);
    const record: CommandRecord = {
      commandId: command.id, classId, userId, action: command.action, by: command.by, at: now,
      answer: response.answer, effect: null, faultId: fault?.id ?? null,
    };
    this.truth.addCommand(record);
    member.remember(command.id, response.answer === 'none' ? null : { ok: response.answer === 'ok', detail: response.detail });
    if (response.answer !== 'none') {
      this.agenda.add(response.ackAt, { type: 'ack', liveClass, member, commandId: command.id, ok: response.answer === 'ok', detail: response.detail });
    }
    if (response.completesAt !== null) this.agenda.add(response.completesAt, { type: 'complete', liveClass, member, record });
  }

  /** Starts a fault on one simulated participant now. Throws, changing nothing, when it cannot be carried there. */
  inject(spec: FaultSpec, now: number): FaultRecord {
    const liveClass = this.byId.get(spec.classId);
    if (!liveClass) throw new Error(`${spec.classId} is not a simulated class`);
    const member = liveClass.member(spec.userId);
    if (!member) throw new Error(`${spec.userId} is not a simulated participant of ${spec.classId}`);
    if (!isFaultTag(spec.tag)) throw new Error(`${String(spec.tag)} is not a problem tag`);
    if (!member.online) throw new Error(`${spec.userId} is offline`);
    if (liveClass.fault) throw new Error(`${spec.classId} already has a fault (${liveClass.fault.tag} on ${liveClass.fault.userId})`);
    if (!this.carries(spec.tag, member)) throw new Error(`${spec.tag} is injected into students only`);
    if (spec.shape && (!this.noisy || !SHAPES_OF[spec.tag].includes(spec.shape))) throw new Error(`${spec.tag} does not take the shape ${spec.shape} here`);
    if (spec.tag === 'stream.cant-hear' || spec.tag === 'stream.cant-see') {
      if (!liveClass.teacher()?.online) throw new Error(`${spec.tag} needs the class's simulated teacher online`);
    }
    return this.start(liveClass, member, spec, 'injected', now);
  }

  /** Each simulated participant's desk: the app version it runs and whether its person is in a live class now. */
  desks(): { classId: string; userId: string; appVersion: string; inClass: boolean }[] {
    return this.classes.flatMap((c) => {
      const live = this.model.stateOf(c.id) === 'live';
      return c.members.map((m) => ({ classId: c.id, userId: m.userId, appVersion: m.appVersion, inClass: live && m.online }));
    });
  }

  /** A participant's desk installed `version`: their presence says so from now on (installs.ts). */
  runVersion(classId: string, userId: string, version: string, now: number): Outbound | null {
    const liveClass = this.byId.get(classId);
    const member = liveClass?.member(userId);
    if (!liveClass || !member || member.appVersion === version) return null;
    member.appVersion = version;
    return this.presenceOf(member, classId, now);
  }

  /** Ends a fault by itself, as if the participant left and came back healthy. */
  heal(faultId: string, now: number): void {
    const fault = this.truth.fault(faultId);
    if (fault && fault.fixedAt === null) this.end(fault, now, 'lifetime');
  }

  private start(liveClass: LiveClass, member: Member, spec: FaultSpec, origin: FaultRecord['origin'], now: number): FaultRecord {
    const fault: FaultRecord = {
      id: `f-${this.nonce}-${++this.serial}`, classId: liveClass.id, userId: member.userId, tag: spec.tag,
      fixable: spec.fixable ?? true, resists: spec.resists ?? 0, silent: spec.silent ?? 0, origin,
      injectedAt: now, fixedAt: null, fixedBy: null, help: [],
    };
    let plan: FaultPlan | null = null;
    if (this.noisy) {
      const noise = this.options.tuning.noise;
      plan = planFault(spec.tag, spec.shape ?? 'sudden', now, spec.lifetimeMs ?? lifetimeOf(noise, this.noisePrng), this.noisePrng);
      this.plans.set(fault.id, plan);
      fault.shape = plan.shape;
      fault.episodes = [];
    }
    this.truth.addFault(fault);
    this.active.add(fault);
    liveClass.fault = fault;
    liveClass.releaseAt = null;
    member.setFault(fault);
    member.restate(now, this.prng);
    this.model.hold(liveClass.id, true);
    if (plan) member.queue(this.fieldOnset(liveClass, member, fault.tag, plan, now));
    else member.queue(onsetEvents(member, now, liveClass.asset, liveClass.page, this.prng));
    const help = this.options.tuning.help;
    if (spec.help) this.agenda.add(now + spec.help.delayMs, { type: 'help', fault, repeat: false });
    else if (spec.help === undefined && this.prng.chance(help.faultShare)) {
      this.agenda.add(now + this.prng.int(help.delayMs[0], help.delayMs[1]), { type: 'help', fault, repeat: false });
    }
    return fault;
  }

  private end(fault: FaultRecord, now: number, by: FaultRecord['fixedBy']): void {
    fault.fixedAt = now;
    fault.fixedBy = by;
    this.active.delete(fault);
    const liveClass = this.byId.get(fault.classId)!;
    liveClass.fault = null;
    liveClass.releaseAt = now + SETTLE_MS;
    const member = liveClass.member(fault.userId);
    member?.setFault(null);
    member?.restate(now, this.prng);
    const plan = this.plans.get(fault.id);
    if (plan) {
      fault.episodes = episodesOf(fault.tag, plan, now, now);
      this.plans.delete(fault.id);
      if (member?.online) member.queue(this.fieldRecovery(liveClass, member, fault.tag, now));
    }
  }

  private step(now: number, elapsedMs: number, out: Outbound[]): void {
    if (this.options.simulate) {
      const step = this.model.step(now, this.options.churn * (elapsedMs / STEP_MS));
      for (const seat of step.presence) this.seatChanged(seat, now, out);
      for (const { classId, teacherId } of step.started) {
        const control = topic('classControl', { classId, userId: teacherId }, this.options.root);
        out.push(encode('classControl', control, { v: 1, action: 'start', requestId: `sim-${now}`, ts: now }));
      }
    }
    const { faults } = this.options.tuning;
    for (const fault of this.active) {
      const plan = this.plans.get(fault.id);
      if (plan ? now >= plan.endsAt : now - fault.injectedAt >= faults.lifetimeMs) this.end(fault, now, 'lifetime');
      else if (plan) fault.episodes = episodesOf(fault.tag, plan, now, null);
    }
    const sinceStart = now - this.options.startedAt;
    const injecting = faults.perClassHour > 0 && sinceStart >= faults.startAfterMs && (faults.stopAfterMs === undefined || sinceStart <= faults.stopAfterMs);
    const faultChance = (faults.perClassHour * elapsedMs) / HOUR_MS;
    const healthyChance = (this.options.tuning.help.healthyPerClassHour * elapsedMs) / HOUR_MS;
    const invalidChance = (this.options.tuning.help.invalidPerClassHour * elapsedMs) / HOUR_MS;
    for (const liveClass of this.classes) {
      if (liveClass.releaseAt !== null && liveClass.releaseAt <= now) {
        liveClass.releaseAt = null;
        this.model.hold(liveClass.id, false);
      }
      if (this.model.stateOf(liveClass.id) !== 'live') continue;
      if (now >= liveClass.nextPageAt) this.turnPage(liveClass, now);
      if (!liveClass.everyoneSimulated) continue;
      if (injecting && !liveClass.fault && this.prng.chance(faultChance)) this.randomFault(liveClass, now);
      if (healthyChance > 0 && !liveClass.fault && this.prng.chance(healthyChance)) this.healthyHelp(liveClass, now, out);
      if (invalidChance > 0 && this.prng.chance(invalidChance)) this.invalidHelp(liveClass, now, out);
    }
  }

  private seatChanged(seat: Seat, now: number, out: Outbound[]): void {
    const liveClass = this.byId.get(seat.classId);
    const member = liveClass?.member(seat.participant.id);
    if (!liveClass || !member) return;
    out.push(this.presenceOf(member, liveClass.id, now));
    member.queued = [];
    member.lastReportAt = null;
    if (seat.online) this.entered(liveClass, member, now);
  }

  /** A participant opens the class: entry steps and start-up results (in the field, a start-up retried now and then). */
  private entered(liveClass: LiveClass, member: Member, now: number): void {
    const events = entryEvents(member, now, liveClass.asset, liveClass.page, this.prng);
    if (!member.field) return member.queue(events);
    member.field.joined(now);
    const prng = this.noisePrng;
    if (prng.chance(0.02)) {
      // A component that fails to start and comes up on the console's own retry a second or two later.
      const component = prng.pick(['media', 'messaging', 'courseware'] as const);
      const failed = events.findIndex((e) => e.type === 'init' && e.component === component);
      const at = events[failed]?.at ?? now;
      if (failed >= 0 && member.fault !== `entry.init-failed.${component}`) {
        events[failed] = { type: 'init', at, component, ok: false, error: 'start-up timed out' };
        events.push({ type: 'init', at: at + prng.int(1_000, 3_000), component, ok: true });
      }
    }
    member.queue(this.transientLoads(events));
  }

  /** In the field a courseware load now and then fails and loads on the automatic retry 2–5 s later. */
  private transientLoads(events: TelemetryEvent[]): TelemetryEvent[] {
    const out: TelemetryEvent[] = [];
    for (const event of events) {
      if (event.type === 'courseware' && event.ok && this.noisePrng.chance(0.03)) {
        const at = event.at ?? 0;
        out.push({ ...event, ok: false, error: 'network error while loading' });
        out.push({ ...event, at: at + this.noisePrng.int(2_000, 5_000) });
      } else {
        out.push(event);
      }
    }
    return out;
  }

  private turnPage(liveClass: LiveClass, now: number): void {
    liveClass.page = (liveClass.page % 20) + 1;
    liveClass.nextPageAt = now + this.prng.int(60_000, 180_000);
    for (const member of liveClass.online()) {
      const load = coursewareEvent(member, now, liveClass.asset, liveClass.page, this.prng);
      if (load) member.queue(member.field ? this.transientLoads([load]) : [load]);
      member.field?.pageTurned(now);
    }
  }

  private randomFault(liveClass: LiveClass, now: number): void {
    const online = liveClass.online();
    const teacher = online.find((m) => m.role === 'teacher');
    const students = online.filter((m) => m.role === 'student');
    if (!teacher || students.length === 0) return;
    const tag = this.nextTag();
    if (!tag) return;
    const member = this.noisy && this.teacherMayCarry(tag) && this.noisePrng.chance(0.3) ? teacher : carriedBy(tag) === 'student' ? this.prng.pick(students) : this.prng.pick(online);
    const fixable = !this.prng.chance(this.options.tuning.faults.unfixableShare);
    const shape = this.noisy ? this.noisePrng.pick(SHAPES_OF[tag]) : undefined;
    this.start(liveClass, member, { classId: liveClass.id, userId: member.userId, tag, fixable, shape }, 'random', now);
  }

  /**
   * In the field model a teacher's own microphone or camera fails too (the join must then not blame the students);
   * the clean model keeps every stream fault on a student, so that each shows as exactly its own tag.
   */
  private teacherMayCarry(tag: FaultTag): boolean {
    return tag === 'stream.audio-stuck' || tag === 'stream.video-stuck';
  }

  private carries(tag: FaultTag, member: Member): boolean {
    return carriedBy(tag) === 'anyone' || member.role === 'student' || (this.noisy && this.teacherMayCarry(tag));
  }

  /** What the participant reports when a fault starts, in the field model. */
  private fieldOnset(liveClass: LiveClass, member: Member, tag: FaultTag, plan: FaultPlan, now: number): TelemetryEvent[] {
    switch (tag) {
      case 'entry.slow':
        // A re-entry that takes until the plan's ready.
        return entryEvents(member, now, liveClass.asset, liveClass.page, this.prng, plan.readyAt - now);
      case 'course.load-failed': {
        // The load fails, and so do the console's two retries, 5 s apart.
        const loads: TelemetryEvent[] = [];
        for (const after of [0, 5_000, 10_000]) {
          const load = coursewareEvent(member, now + after, liveClass.asset, liveClass.page, this.prng);
          if (load) loads.push(load);
        }
        return loads;
      }
      default:
        return onsetEvents(member, now, liveClass.asset, liveClass.page, this.prng);
    }
  }

  /** What the participant reports when a fault ends by itself, in the field model. */
  private fieldRecovery(liveClass: LiveClass, member: Member, tag: FaultTag, now: number): TelemetryEvent[] {
    switch (tag) {
      case 'entry.init-failed.media':
        return [initEvent(member, 'media', now)];
      case 'entry.init-failed.messaging':
        return [initEvent(member, 'messaging', now)];
      case 'entry.init-failed.courseware': {
        const load = coursewareEvent(member, now, liveClass.asset, liveClass.page, this.prng);
        return [initEvent(member, 'courseware', now), ...(load ? [load] : [])];
      }
      case 'entry.slow':
        // The participant rejoins, quickly this time.
        return entryEvents(member, now, liveClass.asset, liveClass.page, this.prng);
      case 'course.load-failed': {
        const load = coursewareEvent(member, now, liveClass.asset, liveClass.page, this.prng);
        return load ? [load] : [];
      }
      default:
        return [];
    }
  }

  /** The field model's telemetry: every online participant's console on its own schedule, delivered as the network does. */
  private fieldReports(now: number, out: Outbound[]): void {
    for (const liveClass of this.classes) {
      if (this.model.stateOf(liveClass.id) !== 'live') continue;
      const online = liveClass.online();
      if (online.length === 0) continue;
      const teacher = online.find((m) => m.role === 'teacher') ?? null;
      const fault = liveClass.fault;
      const plan = fault ? this.plans.get(fault.id) : undefined;
      const active: ActiveFault | null = fault && plan ? { record: fault, plan } : null;
      for (const member of online) {
        const field = member.field!;
        const peers = member.role === 'teacher' ? online.filter((m) => m.role === 'student') : teacher ? [teacher] : [];
        const sent: Delivery[] = [];
        field.advance(now, { peers: peers.map((p) => p.field!), fault: active }, member.takeQueued(now, Number.POSITIVE_INFINITY), sent);
        for (const delivery of sent) {
          for (const copy of [delivery, ...duplicates(delivery, this.options.tuning.noise, this.noisePrng)]) {
            this.deliveries.add(copy.deliverAt, { member, message: copy.message });
          }
        }
        if (now % 60_000 < 250) field.forget(now);
      }
    }
    for (const { member, message } of this.deliveries.due(now)) {
      out.push(this.telemetry(member, message));
      this.counts.telemetry++;
    }
  }

  /**
   * The next random fault's tag, by smooth weighted round robin: every tag comes up in proportion to its weight even
   * in a short run with few faults, in an order that starts at a random phase.
   */
  private nextTag(): FaultTag | null {
    const weights = weightsOf(this.options.tuning);
    const total = FAULT_TAGS.reduce((sum, tag) => sum + weights[tag], 0);
    if (total <= 0) return null;
    if (this.tagCredit.size === 0) for (const tag of FAULT_TAGS) this.tagCredit.set(tag, this.prng.next() * weights[tag]);
    let best: FaultTag | null = null;
    for (const tag of FAULT_TAGS) {
      const credit = this.tagCredit.get(tag)! + weights[tag];
      this.tagCredit.set(tag, credit);
      if (weights[tag] > 0 && (best === null || credit > this.tagCredit.get(best)!)) best = tag;
    }
    this.tagCredit.set(best!, this.tagCredit.get(best!)! - total);
    return best;
  }

  private report(liveClass: LiveClass, now: number, out: Outbound[]): void {
    // A simulator that fell behind reports once and moves on, rather than catching up in a burst.
    liveClass.nextReportAt = Math.max(liveClass.nextReportAt + this.reportEveryMs, now);
    const online = liveClass.online();
    if (online.length === 0) return;
    const member = online[liveClass.turn++ % online.length]!;
    const interval = member.lastReportAt === null ? this.reportEveryMs * online.length : now - member.lastReportAt;
    member.lastReportAt = now;
    const stats = [...mediaEvents(member, online, now, interval, this.prng), ...boardEvents(member, now, this.prng)];
    const events = [...member.takeQueued(now, MAX_EVENTS - stats.length), ...stats];
    if (events.length === 0) return;
    const id = `${this.nonce}-${member.userId}-${(++member.reports).toString(36)}`;
    out.push(this.telemetry(member, { v: 1, id, at: now, events }));
    this.counts.telemetry++;
  }

  /**
   * Telemetry is most of what the simulator sends (10,000 classes make 10,000 messages a second), so only every
   * `VALIDATE_EVERY`th message goes through the schema; the events are built by typed code, and a shape bug still
   * fails loudly within a second.
   */
  private telemetry(member: Member, message: Telemetry): Outbound {
    if (this.counts.telemetry % VALIDATE_EVERY === 0) return encode('telemetry', member.telemetryTopic, message);
    return { topic: member.telemetryTopic, payload: utf8Encode(JSON.stringify(message)), qos: KINDS.telemetry.qos, retain: false };
  }

  private carryOut(due: Due, now: number, out: Outbound[]): void {
    switch (due.type) {
      case 'ack': {
        const ackTopic = topic('commandAck', { classId: due.liveClass.id, userId: due.member.userId }, this.options.root);
        out.push(encode('commandAck', ackTopic, { v: 1, commandId: due.commandId, ok: due.ok, detail: due.detail, ts: now }));
        this.counts.acks++;
        return;
      }
      case 'complete':
        return this.completed(due.liveClass, due.member, due.record, now);
      case 'help':
        return this.faultHelp(due.fault, due.repeat, now, out);
    }
  }

  private completed(liveClass: LiveClass, member: Member, record: CommandRecord, now: number): void {
    const fault = member.faultRecord;
    record.effect = complete(record.action, fault);
    if (record.effect === 'fixed' && fault) this.end(fault, now, { commandId: record.commandId, action: record.action, by: record.by });
    if (member.online) member.queue(remedyEvents(member, record.action, now, liveClass.asset, liveClass.page, this.prng));
    if (member.online && record.effect === 'fixed' && fault) member.queue(fixedEvents(fault.tag, now));
  }

  private faultHelp(fault: FaultRecord, repeat: boolean, now: number, out: Outbound[]): void {
    const liveClass = this.byId.get(fault.classId)!;
    const member = liveClass.member(fault.userId)!;
    if (fault.fixedAt !== null || !member.online) return;
    const { text, topic: helpTopic } = HELP_OF[fault.tag];
    const request = helpRequest(this.helpId(), this.helpContext(liveClass, member), helpTopic, repeat ? `Still: ${text}` : text, now, this.prng);
    this.sendHelp(now, liveClass.id, member.userId, request, repeat ? 'repeat' : 'fault', fault.id, out);
    const help = this.options.tuning.help;
    if (this.prng.chance(help.redeliverShare)) this.sendHelp(now, liveClass.id, member.userId, request, 'redelivery', fault.id, out);
    if (!repeat && this.prng.chance(help.repeatShare)) {
      this.agenda.add(now + this.prng.int(REPEAT_AFTER_MS[0], REPEAT_AFTER_MS[1]), { type: 'help', fault, repeat: true });
    }
  }

  private healthyHelp(liveClass: LiveClass, now: number, out: Outbound[]): void {
    const online = liveClass.online();
    if (online.length === 0) return;
    const member = this.prng.pick(online);
    const question = this.prng.pick(HEALTHY_QUESTIONS);
    const request = helpRequest(this.helpId(), this.helpContext(liveClass, member), question.topic, question.text, now, this.prng);
    this.sendHelp(now, liveClass.id, member.userId, request, 'healthy', null, out);
  }

  /** Requests a dispatcher must not act on: a sender other than the topic's, an old one, a stranger's, a broken one. */
  private invalidHelp(liveClass: LiveClass, now: number, out: Outbound[]): void {
    const online = liveClass.online();
    if (online.length === 0) return;
    const member = this.prng.pick(online);
    const kind = this.prng.pick(['impersonated', 'expired', 'wrong-class', 'malformed'] as const);
    const request = helpRequest(this.helpId(), this.helpContext(liveClass, member), 'other', 'Help!', now, this.prng);
    if (kind === 'impersonated') {
      const other = liveClass.members.find((m) => m.userId !== member.userId);
      if (!other) return;
      request.from = { id: other.userId, name: other.participant.name, role: other.role };
    } else if (kind === 'expired') {
      request.ts = now - EXPIRED_BY_MS;
    } else if (kind === 'wrong-class') {
      const stranger = this.classes.find((c) => c !== liveClass && c.members.length > 0)?.members[0];
      if (!stranger) return;
      return this.sendHelp(now, liveClass.id, stranger.userId, { ...request, from: { id: stranger.userId, name: stranger.participant.name, role: stranger.role } }, kind, null, out);
    } else {
      const helpTopic = topic('help', { classId: liveClass.id, userId: member.userId }, this.options.root);
      const broken = JSON.stringify({ v: 1, id: request.id, from: request.from, topic: 'everything', diagnostics: 'none', ts: now });
      out.push({ topic: helpTopic, payload: utf8Encode(broken), qos: 1, retain: false });
      this.truth.addHelp({ id: request.id, classId: liveClass.id, userId: member.userId, at: now, kind, faultId: null });
      this.counts.help++;
      return;
    }
    this.sendHelp(now, liveClass.id, member.userId, request, kind, null, out);
  }

  private sendHelp(now: number, classId: string, userId: string, request: HelpRequest, kind: HelpKind, faultId: string | null, out: Outbound[]): void {
    out.push(encode('help', topic('help', { classId, userId }, this.options.root), request));
    this.truth.addHelp({ id: request.id, classId, userId, at: now, kind, faultId });
    this.counts.help++;
  }

  private helpId(): string {
    return `h-${this.nonce}-${++this.serial}`;
  }

  private helpContext(liveClass: LiveClass, member: Member): HelpContext {
    return {
      member, name: member.participant.name, peers: liveClass.online(), appVersion: member.appVersion, device: member.device,
      asset: liveClass.asset, page: liveClass.page, faultSince: member.faultRecord?.injectedAt ?? null,
    };
  }

  private presenceOf(member: Member, classId: string, now: number): Outbound {
    const { participant } = member;
    const message: Presence = {
      v: 1, userId: participant.id, name: participant.name, role: participant.role, online: member.online,
      device: member.device, appVersion: member.appVersion, ts: now,
    };
    return encode('presence', topic('presence', { classId, userId: participant.id }, this.options.root), message);
  }
}

/** A stable number from a user id, to seed each participant's field model. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
