import { beforeEach, describe, expect, it } from 'vitest';
import type { Claims } from '../../shared/auth/claims';
import type { Command, Notice } from '../../shared/protocol/messages';
import type { ClassTags, HelpState, SupervisorMetrics, TagEntry } from '../../shared/protocol/supervision';
import { helpRequest } from '../testing/help-clients';
import type { NewAuditEntry } from './audit-log';
import { HelpDesk } from './help-desk';
import type { HelpDeskEffects } from './help-records';
import { MemoryHelpStore } from './help-store';
import { timingsOf } from './timings';

const CLASS = 'class-1';
const STUDENT = { id: 'student-a', name: 'Student A', role: 'student' as const };
const CLAIMS: Record<string, Claims> = {
  [STUDENT.id]: { sub: STUDENT.id, name: STUDENT.name, role: 'student', classes: [CLASS] } as Claims,
};

/** The other side of the desk's port: what it would have published and audited, in order. */
class RecordedEffects implements HelpDeskEffects {
  connected = true;
  readonly commands: { classId: string; userId: string; command: Command }[] = [];
  readonly states: HelpState[] = [];
  readonly cleared: string[] = [];
  readonly notices: Notice[] = [];
  readonly metricsSent: SupervisorMetrics[] = [];
  readonly audited: NewAuditEntry[] = [];

  command(classId: string, userId: string, command: Command): boolean {
    if (this.connected) this.commands.push({ classId, userId, command });
    return this.connected;
  }
  helpState(state: HelpState): void {
    this.states.push(state);
  }
  clearHelpState(requestId: string): void {
    this.cleared.push(requestId);
  }
  notice(_userId: string, notice: Notice): void {
    this.notices.push(notice);
  }
  metrics(metrics: SupervisorMetrics): boolean {
    this.metricsSent.push(metrics);
    return this.connected;
  }
  audit(entry: NewAuditEntry): void {
    this.audited.push(entry);
  }

  actionsOf(requestId: string): string[] {
    return this.audited.filter((e) => e.requestId === requestId).map((e) => e.action);
  }
}

let clock: { now: number };
let effects: RecordedEffects;
let desk: HelpDesk;

beforeEach(async () => {
  clock = { now: Date.UTC(2026, 5, 1, 10) };
  effects = new RecordedEffects();
  desk = new HelpDesk({ store: new MemoryHelpStore(), effects, timings: timingsOf({}), claimsOf: (id) => CLAIMS[id], clock: () => clock.now });
  await desk.load();
});

function tags(entries: Omit<TagEntry, 'evidence' | 'since'>[], ts = clock.now): ClassTags {
  return { v: 1, classId: CLASS, windowEnd: ts - (ts % 30_000), tags: entries.map((t) => ({ since: ts - 20_000, evidence: '', ...t })), setAside: { late: 0, future: 0, duplicate: 0 }, heard: [{ userId: STUDENT.id, at: ts }], ts };
}

function press(): string {
  const request = helpRequest(STUDENT, { ts: clock.now });
  desk.help(CLASS, STUDENT.id, request);
  return request.id;
}

const status = (id: string) => desk.records.request(id)?.status;

describe('the help desk, on its own clock and with its effects recorded', () => {
  it('remedies a tagged problem and resolves the request once tags after the acknowledgement clear', () => {
    desk.tags(tags([{ tag: 'stream.cant-hear', userId: STUDENT.id }]));
    const id = press();
    expect(status(id)).toBe('remedy-pending');
    const [sent] = effects.commands;
    expect(sent).toMatchObject({ classId: CLASS, userId: STUDENT.id, command: { action: 'switch-line', by: 'dispatcher', params: { help: id } } });

    clock.now += 1_000;
    desk.ack(CLASS, STUDENT.id, { v: 1, commandId: sent!.command.id, ok: true, detail: '', ts: clock.now });
    clock.now += 5_000;
    desk.tags(tags([]));
    expect(status(id)).toBe('auto-resolved');
    expect(effects.notices.map((n) => n.progress)).toEqual(['fixing', 'resolved']);
    expect(effects.states.at(-1)).toMatchObject({ id, status: 'auto-resolved', resolvedAt: clock.now });
    expect(effects.actionsOf(id)).toEqual(['received', 'remedy-sent', 'remedy-acked', 'tags-cleared', 'auto-resolved']);
  });

  it('escalates a remedy nobody acknowledges once its clock runs past the acknowledgement window', () => {
    desk.tags(tags([{ tag: 'stream.cant-hear', userId: STUDENT.id }]));
    const id = press();
    clock.now += desk.timings.ackTimeoutMs - 1;
    desk.sweep();
    expect(status(id)).toBe('remedy-pending');
    clock.now += 1;
    desk.sweep();
    expect(status(id)).toBe('escalated');
    expect(desk.records.request(id)?.remedies[0]).toMatchObject({ outcome: 'no-ack' });
    expect(effects.actionsOf(id)).toEqual(['received', 'remedy-sent', 'remedy-no-ack', 'escalated']);
  });

  it('escalates at once a remedy it could not send', () => {
    desk.tags(tags([{ tag: 'stream.cant-hear', userId: STUDENT.id }]));
    effects.connected = false;
    const id = press();
    expect(status(id)).toBe('escalated');
    expect(desk.records.request(id)?.reason).toContain('not connected');
  });

  it('lets a request no tag covers wait for one, and sends it to a person when the grace runs out', () => {
    const id = press();
    expect(status(id)).toBe('received');
    clock.now += desk.timings.coverageGraceMs;
    desk.sweep();
    expect(status(id)).toBe('manual');
    expect(desk.records.request(id)?.reason).toContain(`no tag covered it within ${desk.timings.coverageGraceMs / 1000} s`);
  });

  it('clears an ended request\'s retained state after the retention, and publishes changed metrics at most every interval', () => {
    desk.tags(tags([{ tag: 'stream.cant-hear', userId: STUDENT.id }]));
    const id = press();
    desk.ack(CLASS, STUDENT.id, { v: 1, commandId: effects.commands[0]!.command.id, ok: true, detail: '', ts: clock.now });
    clock.now += 1_000;
    desk.tags(tags([]));
    desk.sweep();
    const published = effects.metricsSent.length;
    desk.sweep();
    expect(effects.metricsSent).toHaveLength(published);

    clock.now += desk.timings.clearEndedAfterMs;
    desk.sweep();
    expect(effects.cleared).toEqual([id]);
  });
});
