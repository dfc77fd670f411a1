import type { ClassStateReport, RestartResult, UpdateStatus } from '../../shared/ipc/contract';
import { policyValues, type PolicyState } from './admin-policy';
import {
  localTimeOf, planUpdate, TUNING, type ClassroomFacts, type DiscardFacts, type DownloadFacts, type ReleaseAnswer,
  type Tuning, type UpdateDecision, type UpdateFacts,
} from './policy';
import { clampClock, recordFailure, settlePendingInstall, type InstallOutcome, type UpdateStore } from './update-store';

/**
 * What the controller needs from electron-updater; main/electron/updater.ts fills it, tests fake it. Each call
 * returns at once; what happens next comes back through the controller's `on…` methods.
 */
export interface UpdaterPort {
  /** Fetch the feed with this install's details and judge it with the shared verifier. Rejects on failure. */
  check(request: CheckRequest): Promise<Omit<ReleaseAnswer, 'ageMs'>>;
  /** Download what the last check offered (electron-updater reuses a file it already has). */
  download(): void;
  /** Stop a running download; a later download() starts it again. */
  cancelDownload(): void;
  /** Throttle downloads to this many bytes per second; null: full speed. */
  setSpeed(bytesPerSecond: number | null): void;
  /** Forget the downloaded file so it is never installed. */
  discard(): Promise<void>;
  setInstallAtQuit(on: boolean): void;
  /**
   * Ask the service for the version's signed status with a fresh nonce, and check it (shared decideInstall):
   * install only on `active`. `discard` is true when the service said halted or revoked.
   */
  confirm(version: string): Promise<{ install: true } | { install: false; reason: string; discard: boolean }>;
  /** Run the installer silently; `restart` starts the app again afterwards. Throws when it cannot start. */
  install(restart: boolean): void;
}

/** The port of a copy that cannot update itself (run from source): the policy never asks it for anything. */
export const NO_UPDATER: UpdaterPort = {
  check: () => Promise.reject(new Error('this copy cannot update itself')),
  download: () => {},
  cancelDownload: () => {},
  setSpeed: () => {},
  discard: () => Promise.resolve(),
  setInstallAtQuit: () => {},
  confirm: () => Promise.resolve({ install: false, reason: 'this copy cannot update itself', discard: false }),
  install: () => {
    throw new Error('this copy cannot update itself');
  },
};

/** What each check tells the release service about this install (main/electron/updater.ts sends it as headers). */
export interface CheckRequest {
  installId: string;
  currentVersion: string;
  ring: string | null;
  groups: readonly string[];
  pin: string | null;
  /** on: the policy allows updates; held: the policy file is unusable (the service can count such machines). */
  policy: 'on' | 'held';
}

export interface Clock {
  /** Wall clock, ms since the epoch. */
  now(): number;
  /** Monotonic ms since the app started. */
  uptime(): number;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface UpdateControllerOptions {
  port: UpdaterPort;
  store: UpdateStore;
  readPolicy(): Promise<PolicyState>;
  currentVersion: string;
  installId: string;
  /** null when electron-updater can work here; otherwise why not (the status says it). */
  updaterUnavailable: string | null;
  clock: Clock;
  timers: Timers;
  onStatus(status: UpdateStatus): void;
  report(problem: string): void;
  tuning?: Tuning;
}

/** The controller re-decides at least this often, so a maintenance window or the end of a lead time is noticed. */
export const TICK_MS = 60_000;

/**
 * Runs the update policy: keeps the facts (class state from the console, policy file, download, the service's
 * answer, failures), asks planUpdate what to do whenever one of them changes (and every minute), and carries the
 * decision out through the UpdaterPort. It holds no rule of its own beyond sequencing: confirm with the service
 * before installing, record the install before starting it, never confirm twice in one check interval.
 */
export class UpdateController {
  private policy: PolicyState = { kind: 'default', looked: [] };
  private classroom: ClassroomFacts = { live: false, startsAt: null, reported: false };
  private lastCheck: { at: number; consecutiveErrors: number; error: string | null } | null = null;
  private checking = false;
  private answer: (Omit<ReleaseAnswer, 'ageMs'> & { at: number }) | null = null;
  private discarded: (Omit<DiscardFacts, 'ageMs'> & { at: number }) | null = null;
  private download: DownloadFacts = { phase: 'none' };
  private confirming = false;
  /** After a confirm that did not allow installing, none again until the next check. */
  private confirmBlockedUntilCheck = false;
  private installing = false;
  private timer: unknown = null;
  private lastStatus = '';
  private decision: UpdateDecision | null = null;
  private appliedSpeed: UpdateDecision['speed'] | undefined;
  private appliedAtQuit: boolean | undefined;
  private started = false;
  private stopped = false;
  /** What the launch learnt about the install the previous run started. */
  launchOutcome: InstallOutcome = null;

  constructor(private readonly options: UpdateControllerOptions) {}

  private get tuning(): Tuning {
    return this.options.tuning ?? TUNING;
  }

  /** Settles the previous run's install, reads the policy and makes the first decision (which checks at once). */
  async start(): Promise<void> {
    const { store, clock, currentVersion } = this.options;
    const settled = settlePendingInstall(clampClock(store.get(), clock.now()), currentVersion, clock.now());
    this.launchOutcome = settled.outcome;
    if (settled.outcome && 'failed' in settled.outcome) this.options.report(`update to ${settled.outcome.failed} failed: ${settled.outcome.reason}`);
    if (settled.memory !== store.get()) await store.set(settled.memory);
    // A report that arrived while starting wins over the start time remembered from the last run.
    if (!this.classroom.reported) this.classroom = { live: false, startsAt: store.get().lastStartsAt, reported: false };
    this.policy = await this.options.readPolicy();
    this.started = true;
    this.evaluate();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.options.timers.clear(this.timer);
    this.timer = null;
  }

  status(): UpdateStatus {
    return (this.decision ?? this.evaluate()).status;
  }

  /** The console's report (IPC classroom:setClassState). Signed out, the last known start time still holds. */
  setClassState(report: ClassStateReport): boolean {
    const { store } = this.options;
    const startsAt = report.signedIn ? report.startsAt : store.get().lastStartsAt;
    this.classroom = { live: report.live, startsAt, reported: true };
    if (report.signedIn && store.get().lastStartsAt !== report.startsAt) {
      this.save({ ...store.get(), lastStartsAt: report.startsAt });
    }
    this.evaluate();
    return true;
  }

  /** Every console window closed: no class screen is open any more. */
  consoleClosed(): void {
    this.classroom = { ...this.classroom, live: false, reported: false };
    this.evaluate();
  }

  /** "Restart now": installs if the policy allows it this minute, otherwise says why not. */
  async restartNow(): Promise<RestartResult> {
    const decision = this.evaluate();
    if (!decision.canRestartNow) return { ok: false, reason: whyNot(decision) };
    const done = await this.installNow(true);
    return done === true ? { ok: true } : { ok: false, reason: done };
  }

  /** "At the end of the day": no prompt again today; installs at quit or in the maintenance window. */
  async later(): Promise<UpdateStatus> {
    const { store, clock } = this.options;
    await store.set({ ...store.get(), deferredOn: localTimeOf(clock.now()).date });
    return this.evaluate().status;
  }

  /**
   * The app is quitting (after the console windows closed). Resolves true when the update was handed to the
   * installer; the caller then lets the app exit. The service is asked first, so a halted version is not installed.
   */
  async quitting(): Promise<boolean> {
    if (this.installing) return true;
    this.stop();
    const decision = this.evaluate();
    this.options.port.setInstallAtQuit(false);
    if (!decision.installAtQuit) return false;
    return (await this.installNow(false)) === true;
  }

  // --- events from electron-updater (through main/electron/updater.ts) -----------------------------------------

  onProgress(progress: { transferred: number; total: number; bytesPerSecond: number }): void {
    if (this.download.phase !== 'downloading') return;
    this.download = { ...this.download, ...progress };
    this.evaluate();
  }

  /** The file is on disk; `verified` is the signed manifest's verdict on it (null: it matched). */
  onDownloaded(version: string, problem: string | null): void {
    const { store, clock } = this.options;
    if (problem !== null) {
      this.save(recordFailure(store.get(), version, `the downloaded file failed verification: ${problem}`, clock.now()));
      this.options.report(`discarding the download of ${version}: ${problem}`);
    }
    this.download = { phase: 'downloaded', version, verified: problem === null };
    this.evaluate();
  }

  onDownloadError(message: string): void {
    if (this.download.phase === 'downloading') this.download = { phase: 'none' };
    this.countError(`download failed: ${message}`);
    this.evaluate();
  }

  // --- internals -------------------------------------------------------------------------------------------------

  /** Saves without waiting; the memory in use is already the new one, and a failed write is reported. */
  private save(memory: Parameters<UpdateStore['set']>[0]): void {
    this.options.store.set(memory).catch((error: unknown) => this.options.report(`could not save the update state: ${String(error)}`));
  }

  private countError(error: string): void {
    const { clock } = this.options;
    this.lastCheck = { at: clock.uptime(), consecutiveErrors: (this.lastCheck?.consecutiveErrors ?? 0) + 1, error };
  }

  private facts(): UpdateFacts {
    const { clock, store, currentVersion, updaterUnavailable } = this.options;
    const now = clock.now();
    const up = clock.uptime();
    const memory = store.get();
    return {
      now,
      local: localTimeOf(now),
      uptimeMs: up,
      currentVersion,
      updaterUnavailable,
      policy: this.policy,
      classroom: this.classroom,
      lastCheck: this.lastCheck && { agoMs: up - this.lastCheck.at, consecutiveErrors: this.lastCheck.consecutiveErrors, error: this.lastCheck.error },
      checking: this.checking,
      answer: this.answer && { feed: this.answer.feed, ageMs: up - this.answer.at },
      discarded: this.discarded && { version: this.discarded.version, reason: this.discarded.reason, ageMs: up - this.discarded.at },
      download: this.download,
      failures: memory.failures,
      deferredOn: memory.deferredOn,
    };
  }

  /** Decide and carry the decision out. Synchronous: the slow parts (check, confirm, discard) run on their own. */
  private evaluate(): UpdateDecision {
    let decision = planUpdate(this.facts(), this.tuning);
    this.decision = decision;
    if (!this.started || this.stopped) return decision;
    // A discard can make room for a download, and a start or pause changes the phase: settle in a few steps.
    for (let step = 0; step < 3 && this.applyDownload(decision); step++) decision = planUpdate(this.facts(), this.tuning);

    const { port } = this.options;
    if (decision.installAtQuit !== this.appliedAtQuit) {
      this.appliedAtQuit = decision.installAtQuit;
      port.setInstallAtQuit(decision.installAtQuit);
    }
    this.decision = decision;
    this.publish(decision.status);
    this.schedule(decision);
    if (decision.installNow !== null && !this.confirmBlockedUntilCheck) void this.installNow(true);
    return decision;
  }

  /** Applies the download part of a decision; true when the download's phase changed. */
  private applyDownload(decision: UpdateDecision): boolean {
    const { port } = this.options;
    const before = this.download;
    if (decision.download === 'discard') {
      this.download = { phase: 'none' };
      void port.discard().catch((error: unknown) => this.options.report(`could not discard the download: ${String(error)}`));
    } else if (decision.download === 'start' && decision.offer.take !== 'none' && decision.offer.take !== 'refused') {
      this.download = { phase: 'downloading', version: decision.offer.version, transferred: 0, total: 0, bytesPerSecond: 0 };
      port.download();
    }
    if (decision.speed !== this.appliedSpeed) {
      this.appliedSpeed = decision.speed;
      port.setSpeed(typeof decision.speed === 'number' ? decision.speed : null);
    }
    const d = this.download;
    if (decision.speed === 'paused' && d.phase === 'downloading') {
      port.cancelDownload();
      this.download = { phase: 'paused', version: d.version, transferred: d.transferred, total: d.total };
    } else if (decision.speed !== 'paused' && d.phase === 'paused' && decision.download === 'keep') {
      this.download = { phase: 'downloading', version: d.version, transferred: d.transferred, total: d.total, bytesPerSecond: 0 };
      port.download();
    }
    return this.download !== before;
  }

  private publish(status: UpdateStatus): void {
    const text = JSON.stringify(status);
    if (text === this.lastStatus) return;
    this.lastStatus = text;
    this.options.onStatus(status);
  }

  private schedule(decision: UpdateDecision): void {
    const { timers } = this.options;
    if (this.timer !== null) timers.clear(this.timer);
    const checkIn = decision.checkInMs;
    const dueCheck = checkIn !== null && checkIn <= 0 && !this.checking;
    const wait = checkIn === null ? TICK_MS : Math.max(0, Math.min(TICK_MS, checkIn));
    this.timer = timers.set(() => {
      this.timer = null;
      void this.tick();
    }, dueCheck ? 0 : wait);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    this.policy = await this.options.readPolicy();
    const decision = planUpdate(this.facts(), this.tuning);
    if (decision.checkInMs !== null && decision.checkInMs <= 0 && !this.checking) await this.check();
    else this.evaluate();
  }

  private async check(): Promise<void> {
    const { port, clock, installId, currentVersion } = this.options;
    const values = policyValues(this.policy);
    this.checking = true;
    this.evaluate();
    try {
      const answer = await port.check({
        installId,
        currentVersion,
        ring: values?.ring ?? null,
        groups: values?.groups ?? [],
        pin: values?.pin ?? null,
        policy: values === null ? 'held' : 'on',
      });
      this.answer = { ...answer, at: clock.uptime() };
      this.lastCheck = { at: clock.uptime(), consecutiveErrors: 0, error: null };
      this.confirmBlockedUntilCheck = false;
    } catch (error) {
      this.countError((error as Error).message || String(error));
    } finally {
      this.checking = false;
    }
    this.evaluate();
  }

  /** Confirm with the service, record the attempt, start the installer. Resolves true, or why it did not install. */
  private async installNow(restart: boolean): Promise<true | string> {
    const { port, store, clock, currentVersion } = this.options;
    const d = this.download;
    if (this.installing || this.confirming) return 'an install is already starting';
    if (d.phase !== 'downloaded') return 'no update is ready';
    this.confirming = true;
    let confirmed;
    try {
      confirmed = await port.confirm(d.version);
    } catch (error) {
      confirmed = { install: false as const, reason: `the release service did not answer: ${(error as Error).message}`, discard: false };
    } finally {
      this.confirming = false;
    }
    if (!confirmed.install) {
      this.confirmBlockedUntilCheck = true;
      if (confirmed.discard) {
        this.discarded = { version: d.version, reason: confirmed.reason, at: clock.uptime() };
        this.options.report(`discarding ${d.version}: ${confirmed.reason}`);
      }
      this.evaluate();
      return confirmed.reason;
    }
    // The decision may have changed while the service answered (a class started): decide again.
    const decision = planUpdate(this.facts(), this.tuning);
    if (!(restart ? decision.canRestartNow || decision.installNow !== null : decision.installAtQuit)) return whyNot(decision);

    this.installing = true;
    await store.set({ ...store.get(), pendingInstall: { version: d.version, from: currentVersion, at: clock.now() } });
    try {
      port.install(restart);
      return true;
    } catch (error) {
      const reason = (error as Error).message || String(error);
      this.installing = false;
      await store.set(recordFailure({ ...store.get(), pendingInstall: null }, d.version, `the installer could not start: ${reason}`, clock.now()));
      this.options.report(`update to ${d.version} failed: ${reason}`);
      this.evaluate();
      return reason;
    }
  }
}

/** The reason "restart now" is refused, as the person reads it. */
function whyNot(decision: UpdateDecision): string {
  if (decision.hold === 'class-live') return 'A class is live: the update installs after it.';
  if (decision.hold === 'class-soon') return 'A class starts soon: the update installs after it.';
  if (decision.hold === 'class-unknown') return 'The console has not said whether a class is open yet.';
  if (decision.status.state === 'held') return 'The admin policy file is unusable, so nothing installs.';
  if (decision.status.state === 'disabled') return 'Updates are turned off by the admin policy.';
  if (decision.status.state === 'failed' && decision.status.failure) return `The last install failed: ${decision.status.failure.reason}`;
  return 'No update is ready to install.';
}
