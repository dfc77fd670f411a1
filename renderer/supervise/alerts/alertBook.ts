import type { ClassHealth, HelpState, HelpStatus } from '../../../shared/protocol';
import { TAGS, type TagId } from '../../../shared/tags/catalogue';

/** Something a supervisor should look at: a problem tag on a class, or a help request waiting for a person. */
export interface Alert {
  id: string;
  kind: 'tag' | 'help';
  severity: 'warning' | 'critical';
  classId: string;
  /** The class's title, as known when the alert was raised or last updated. */
  title: string;
  tag?: TagId;
  /** The participant the tag is about, or who asked for help. */
  userId?: string;
  requestId?: string;
  helpStatus?: HelpStatus;
  /** When the problem or the request started: what the SLA timer counts from. */
  since: number;
  raisedAt: number;
  acknowledgedAt: number | null;
  /** When the problem went away or the request was taken; cleared alerts leave the feed after a while. */
  clearedAt: number | null;
}

/** Help requests in these states wait for a person. */
const WAITING: ReadonlySet<HelpStatus> = new Set(['manual', 'escalated']);
/** Alerts kept at most; beyond it the oldest cleared, then the oldest acknowledged, then the oldest go. */
export const MAX_ALERTS = 500;
/** A cleared alert stays visible this long, so the supervisor sees it went away. */
export const CLEARED_VISIBLE_MS = 60_000;

const tagAlertId = (classId: string, tag: string, userId: string | undefined) => `tag:${classId}:${tag}:${userId ?? ''}`;

/**
 * The alerts of one console, derived from class health and help states as they change. Acknowledging is this
 * supervisor's own bookkeeping: it dims an alert, it does not change the class.
 */
export class AlertBook {
  private readonly alerts = new Map<string, Alert>();
  /** Alerts let go because the book was full. */
  dropped = 0;

  /** Raises an alert per new warning or critical problem and clears those gone; returns the alerts raised. */
  noteHealth(before: ClassHealth | undefined, after: ClassHealth | undefined, now: number): Alert[] {
    const raised: Alert[] = [];
    const current = new Set<string>();
    for (const problem of after?.problems ?? []) {
      const severity = TAGS[problem.tag].severity;
      if (severity !== 'warning' && severity !== 'critical') continue;
      const id = tagAlertId(after!.classId, problem.tag, problem.userId);
      current.add(id);
      const existing = this.alerts.get(id);
      if (existing && existing.clearedAt === null) continue;
      const alert: Alert = {
        id,
        kind: 'tag',
        severity,
        classId: after!.classId,
        title: after!.title || after!.classId,
        tag: problem.tag,
        userId: problem.userId,
        since: problem.since,
        raisedAt: now,
        acknowledgedAt: null,
        clearedAt: null,
      };
      this.alerts.set(id, alert);
      raised.push(alert);
    }
    for (const problem of before?.problems ?? []) {
      const id = tagAlertId(before!.classId, problem.tag, problem.userId);
      if (current.has(id)) continue;
      this.clear(id, now);
    }
    return raised;
  }

  /** A request waiting for a person raises an alert (critical once escalated); taken or ended, it clears. */
  noteHelp(after: HelpState | undefined, requestId: string, now: number, title: string): Alert[] {
    const id = `help:${requestId}`;
    const existing = this.alerts.get(id);
    if (!after || !WAITING.has(after.status)) {
      this.clear(id, now);
      return [];
    }
    const severity = after.status === 'escalated' ? 'critical' : 'warning';
    if (existing && existing.clearedAt === null && existing.helpStatus === after.status) return [];
    const alert: Alert = {
      id,
      kind: 'help',
      severity,
      classId: after.classId,
      title,
      userId: after.from.id,
      requestId,
      helpStatus: after.status,
      since: after.createdAt,
      raisedAt: now,
      // Escalation is news even if the manual alert before it was seen.
      acknowledgedAt: existing && existing.clearedAt === null && severity !== 'critical' ? existing.acknowledgedAt : null,
      clearedAt: null,
    };
    this.alerts.set(id, alert);
    return [alert];
  }

  acknowledge(id: string, now: number): boolean {
    const alert = this.alerts.get(id);
    if (!alert || alert.acknowledgedAt !== null) return false;
    this.alerts.set(id, { ...alert, acknowledgedAt: now });
    return true;
  }

  acknowledgeAll(now: number): boolean {
    let changed = false;
    for (const [id, alert] of this.alerts) {
      if (alert.acknowledgedAt === null && alert.clearedAt === null) {
        this.alerts.set(id, { ...alert, acknowledgedAt: now });
        changed = true;
      }
    }
    return changed;
  }

  /** Lets go of alerts cleared long enough ago, and of the least useful ones beyond the cap. */
  sweep(now: number): boolean {
    let changed = false;
    for (const [id, alert] of this.alerts) {
      if (alert.clearedAt !== null && now - alert.clearedAt >= CLEARED_VISIBLE_MS) {
        this.alerts.delete(id);
        changed = true;
      }
    }
    if (this.alerts.size > MAX_ALERTS) {
      const victims = [...this.alerts.values()].sort((a, b) => evictionRank(a) - evictionRank(b) || a.raisedAt - b.raisedAt);
      for (const alert of victims.slice(0, this.alerts.size - MAX_ALERTS)) {
        this.alerts.delete(alert.id);
        this.dropped++;
      }
      changed = true;
    }
    return changed;
  }

  /** Open unacknowledged alerts first (critical, then the longest waiting), then acknowledged, then cleared. */
  list(): Alert[] {
    return [...this.alerts.values()].sort(
      (a, b) => stateRank(a) - stateRank(b) || severityOrder(b) - severityOrder(a) || a.since - b.since || (a.id < b.id ? -1 : 1),
    );
  }

  private clear(id: string, now: number): void {
    const alert = this.alerts.get(id);
    if (alert && alert.clearedAt === null) this.alerts.set(id, { ...alert, clearedAt: now });
  }
}

function stateRank(alert: Alert): number {
  if (alert.clearedAt !== null) return 2;
  return alert.acknowledgedAt !== null ? 1 : 0;
}

function evictionRank(alert: Alert): number {
  return -stateRank(alert);
}

function severityOrder(alert: Alert): number {
  return alert.severity === 'critical' ? 1 : 0;
}
