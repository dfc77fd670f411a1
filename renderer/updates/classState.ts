import type { ClassStateReport } from '../../shared/ipc/contract';
import type { ClassSummary } from '../../shared/protocol';
import type { SessionUser } from '../session/ports';
import { onSessionChange } from '../session/signIn';
import { useClasses } from '../state/classes';
import { useRoute, type Route } from '../state/route';

/**
 * What the console tells main about classes, so the desktop app never installs an update or asks to restart during
 * one: a class screen is open (teaching, taking part or observing), or a class of this person is live; and the
 * earliest start of their scheduled classes. Pure, so the rule is tested on its own (classState.test.ts).
 */
export function classStateOf(route: Route, user: SessionUser | null, classes: ReadonlyMap<string, ClassSummary>): ClassStateReport {
  if (user === null) return { live: false, startsAt: null, signedIn: false };
  let live = route.screen === 'class';
  let startsAt: number | null = null;
  // A supervisor watches everyone's classes; none of them is theirs to teach or attend.
  if (user.role !== 'supervisor') {
    const listed = Array.isArray(user.classes) ? new Set(user.classes) : null;
    for (const summary of classes.values()) {
      if (summary.teacher.id !== user.id && !listed?.has(summary.id)) continue;
      if (summary.state === 'live') live = true;
      else if (summary.state === 'scheduled' && (startsAt === null || summary.startsAt < startsAt)) startsAt = summary.startsAt;
    }
  }
  return { live, startsAt, signedIn: true };
}

/** The class list changes many times a second; its share of the report is sent at most this often. */
const LIST_SETTLE_MS = 1_000;

/**
 * Sends the class state to main whenever it changes: at once when a class screen opens or closes or the person
 * signs in or out, within a second when the class list says a class of theirs went live, ended or was scheduled.
 * Returns the function that stops it.
 */
export function reportClassState(send: (report: ClassStateReport) => Promise<unknown>): () => void {
  let user: SessionUser | null = null;
  let last = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const report = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const next = classStateOf(useRoute.getState().route, user, useClasses.getState().byId);
    const text = JSON.stringify(next);
    if (text === last) return;
    last = text;
    // main may be busy quitting; a lost report is replaced by the next one.
    void send(next).catch(() => (last = ''));
  };
  const soon = () => {
    timer ??= setTimeout(report, LIST_SETTLE_MS);
  };
  const stops = [
    onSessionChange((session) => {
      user = session?.user ?? null;
      report();
    }),
    useRoute.subscribe(report),
    useClasses.subscribe(soon),
  ];
  report();
  return () => {
    if (timer !== null) clearTimeout(timer);
    for (const stop of stops) stop();
  };
}
