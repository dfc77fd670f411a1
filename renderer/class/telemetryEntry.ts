import type { Course, TelemetryEvent } from '../../shared/protocol';

export type EntryStep = Extract<TelemetryEvent, { type: 'entry' }>['step'];
type CoursewareEvent = Extract<TelemetryEvent, { type: 'courseware' }>;

/**
 * Classroom entry, as telemetry: each step's time since the class was opened, and whether messaging, courseware
 * and the board came up. Steps:
 * - token: a credential the broker can check is held (a signed-in session has one at once);
 * - broker: the class's traffic arrives, so its subscriptions are live;
 * - snapshot: the board holds the board service's state of a page;
 * - courseware: the page shown on entry has finished loading its courseware, whether or not it rendered (the
 *   courseware init event says which); skipped when that page is blank;
 * - ready: everything entry needs has happened. A class without a course needs no snapshot or courseware: once the
 *   participant's own presence comes back (the class's retained state arrived before it), it is ready.
 * Every event is reported once; after ready, entry is over.
 */
export class EntryTelemetry {
  private readonly started: number;
  private readonly steps = new Map<EntryStep, number>();
  private retainedDelivered = false;
  private coursewareReported = false;
  private messagingReported: boolean | null = null;

  constructor(
    private readonly report: (event: TelemetryEvent) => void,
    private readonly course: () => Course | null,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  get finished(): boolean {
    return this.steps.has('ready');
  }

  /** The milliseconds since opening at which `step` was reached, if it was. */
  at(step: EntryStep): number | undefined {
    return this.steps.get(step);
  }

  tokenHeld(): void {
    this.reach('token');
  }

  /** Class traffic arrived. `ownPresence`: it included this participant's own presence, published after subscribing. */
  classReached(ownPresence: boolean): void {
    // The broker took the connection, so it took the credential, whatever it was.
    this.reach('token');
    this.reach('broker');
    this.messaging(true);
    if (ownPresence) this.retainedDelivered = true;
    this.check();
  }

  /** The connection failed while entering (refused, unreachable, closed). */
  messagingFailed(reason: string): void {
    if (this.steps.has('broker')) return;
    this.messaging(false, reason);
  }

  snapshotLoaded(): void {
    if (!this.steps.has('broker')) return;
    this.reach('snapshot');
    this.check();
  }

  /**
   * A courseware load the board reported. Only the shown page counts (neighbours load alongside it): the first one
   * is the courseware component's initialisation result, and on entry it ends the courseware step.
   */
  coursewareSettled(event: CoursewareEvent): void {
    const page = this.currentPage();
    if (!page || page.asset !== event.asset || page.page !== (event.page ?? 1)) return;
    if (!this.coursewareReported) {
      this.coursewareReported = true;
      this.report({ type: 'init', component: 'courseware', ok: event.ok, ...(event.error ? { error: event.error } : {}) });
    }
    this.reach('courseware');
    this.check();
  }

  /** The course changed: a blank current page may have made entry complete. */
  courseChanged(): void {
    this.check();
  }

  private currentPage() {
    const course = this.course();
    return course?.pages.find((page) => page.id === course.current) ?? null;
  }

  private check(): void {
    if (this.finished || !this.steps.has('broker')) return;
    const course = this.course();
    if (!course) {
      if (this.retainedDelivered) this.reach('ready');
      return;
    }
    if (!this.steps.has('snapshot')) return;
    const page = this.currentPage();
    if (page && page.kind !== 'blank' && page.asset && !this.steps.has('courseware')) return;
    this.reach('ready');
  }

  private messaging(ok: boolean, error?: string): void {
    if (this.messagingReported === ok || this.finished) return;
    this.messagingReported = ok;
    this.report({ type: 'init', component: 'messaging', ok, ...(error ? { error: error.slice(0, 300) } : {}) });
  }

  private reach(step: EntryStep): void {
    if (this.steps.has(step) || this.finished) return;
    const ms = Math.max(0, Math.round(this.now() - this.started));
    this.steps.set(step, ms);
    this.report({ type: 'entry', step, ms });
  }
}
