import semver from 'semver';
import type { UpdateStatus } from '../../shared/ipc/contract';
import { policyValues, WEEKDAYS, type AdminPolicy, type MaintenanceWindow, type PolicyState } from './admin-policy';

/**
 * The update policy: one pure function from what main knows (the class state the console reported, the admin
 * policy, the maintenance window, the download, the release service's last answer, past failures) to what the
 * updater does now. No Electron, no clock, no I/O: the caller passes the time in, so every rule is tested in Node
 * (policy.test.ts) and main/electron/updater.ts only carries the answer out.
 *
 * The rules, in order of precedence:
 * 1. Updates off by policy: no check, no download (a started one is discarded), no install.
 * 2. A policy file that is present but unusable: checks go on (so the service still sees the install), nothing
 *    downloads or installs, and the status names the file and the problem.
 * 3. Class time (a class is live, or one starts within the lead time, or started less than the overdue grace ago
 *    and is not live yet): nothing installs, no prompt, "restart now" is refused, and the download pauses or is
 *    throttled. Class time ends when the console says so, never by a timer.
 * 4. An offer is taken only if the release service offers it now and the shared verifier accepted it (a signed
 *    manifest listing the feed's files; to go back to an older version, also a signed revoke mark of the running
 *    version), it fits the pin, it was not discarded as halted or revoked since, and it is not a version we gave up on.
 * 5. A downloaded update is installed only if it is still what the service offers (an answer no older than two
 *    check intervals), its file matched the signed manifest, and the failure backoff has passed. The moments:
 *    at launch, in the maintenance window, when the person presses "restart now", or at quit. Just before it, the
 *    controller asks the service for the version's signed status (controller.ts); only "active" installs.
 * 6. Outside class, with an update ready, the person sees "restart now / at the end of the day" until they choose
 *    "at the end of the day", which holds for the rest of their local day; the update then installs at quit.
 * 7. A failed install (or a download whose file fails the signed manifest) is recorded; the next try waits 30 min,
 *    then 2 h; after 3 failures of one version the app stops trying that version and says why.
 */

export interface Tuning {
  /** The first this-long after start counts as "at launch": a ready update installs before the person is busy. */
  launchWindowMs: number;
  /** A scheduled class whose start time passed this long ago, and that is not live, no longer holds updates. */
  overdueGraceMs: number;
  /** Attempts per version (installs and verified downloads) before giving up on it. */
  maxAttempts: number;
  /** Wait after the first failure; each further failure waits four times as long. */
  retryBaseMs: number;
  /** First retry after a failed check; doubles per failure, up to the check interval. */
  checkRetryBaseMs: number;
}

export const TUNING: Tuning = {
  launchWindowMs: 2 * 60_000,
  overdueGraceMs: 60 * 60_000,
  maxAttempts: 3,
  retryBaseMs: 30 * 60_000,
  checkRetryBaseMs: 60_000,
};

/** The same instant as `now`, on this machine's local clock (the maintenance window and "end of the day" use it). */
export interface LocalTime {
  /** 0 to 1439. */
  minuteOfDay: number;
  /** 0 = Sunday. */
  weekday: number;
  /** YYYY-MM-DD. */
  date: string;
}

export function localTimeOf(epochMs: number): LocalTime {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    minuteOfDay: d.getHours() * 60 + d.getMinutes(),
    weekday: d.getDay(),
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
  };
}

/** What the console last said about classes (IPC classroom:setClassState), as main keeps it. */
export interface ClassroomFacts {
  /** A class screen is open, or a class this person takes part in is live. */
  live: boolean;
  /** The earliest start (ms since the epoch) of a scheduled class this person takes part in; null: none. */
  startsAt: number | null;
  /** false until the console has reported since launch; then the start time is the one remembered from before. */
  reported: boolean;
}

/** What the updater holds for this app. */
export type DownloadFacts =
  | { phase: 'none' }
  | { phase: 'downloading'; version: string; transferred: number; total: number; bytesPerSecond: number }
  /** Stopped for class time; it starts again (electron-updater resumes from its cache where it can). */
  | { phase: 'paused'; version: string; transferred: number; total: number }
  /** On disk; `verified` says whether the file's sha512 matched the release service's signed manifest. */
  | { phase: 'downloaded'; version: string; verified: boolean };

/**
 * The release service's last answer for this install: the feed electron-updater fetched, as the shared verifier
 * (shared/releases/update-decision.ts) judged it. `update` and `rollback` passed the signature checks (a signed
 * manifest listing the feed's files; for a rollback also a signed revoke mark of the running version naming this
 * one); `refuse` did not; `none` means "stay".
 */
export interface ReleaseAnswer {
  /** Monotonic age of the answer. */
  ageMs: number;
  feed: { action: 'none' } | { action: 'update' | 'rollback'; version: string } | { action: 'refuse'; version: string; reason: string };
}

/**
 * A download thrown away because the service's signed status said, just before installing, that its version is
 * halted or revoked. The version is refused until an answer newer than the discard offers it again (a resumed rollout).
 */
export interface DiscardFacts {
  version: string;
  reason: string;
  ageMs: number;
}

/** One failed attempt to take a version: an install that did not happen, or a file that failed the signed manifest. */
export interface FailureRecord {
  version: string;
  attempts: number;
  /** Wall-clock time of the last failure (ms since the epoch); a clock that moved back is handled by the store. */
  lastAt: number;
  reason: string;
}

export interface UpdateFacts {
  /** Wall clock, ms since the epoch, and the same instant in local time. */
  now: number;
  local: LocalTime;
  /** Monotonic time since the app started. */
  uptimeMs: number;
  currentVersion: string;
  /** null: electron-updater is present and usable; otherwise why the app cannot update itself (not packaged, …). */
  updaterUnavailable: string | null;
  policy: PolicyState;
  classroom: ClassroomFacts;
  /** The last check: how long ago (monotonic), and how many checks in a row have failed. null: none yet. */
  lastCheck: null | { agoMs: number; consecutiveErrors: number; error: string | null };
  checking: boolean;
  answer: ReleaseAnswer | null;
  discarded: DiscardFacts | null;
  download: DownloadFacts;
  failures: readonly FailureRecord[];
  /** The local date on which the person chose "at the end of the day". */
  deferredOn: string | null;
}

export type OfferVerdict =
  | { take: 'none' }
  | { take: 'update' | 'rollback'; version: string }
  | { take: 'refused'; version: string; reason: RefusalReason; detail: string };

export type RefusalReason = 'invalid-version' | 'pinned' | 'unverified' | 'halted' | 'gave-up';

export type ClassHold = null | 'class-live' | 'class-soon' | 'class-unknown';

export type InstallMoment = 'launch' | 'window';

export interface UpdateDecision {
  /** Check the release service in this many ms (0: now); null: never (updates are off). */
  checkInMs: number | null;
  offer: OfferVerdict;
  /** Start downloading the accepted offer, keep what is there, or throw the download away. */
  download: 'start' | 'keep' | 'discard' | 'none';
  /** How fast a download may run now: full speed, paused, or throttled to this many bytes per second. */
  speed: 'full' | 'paused' | number;
  /** Install the ready update now, silently, and start the app again. */
  installNow: InstallMoment | null;
  /** electron-updater's autoInstallOnAppQuit, and main's own install in its quit sequence. */
  installAtQuit: boolean;
  /** "Restart now" would be honoured now. */
  canRestartNow: boolean;
  /** Show "restart now / at the end of the day". */
  prompt: boolean;
  hold: ClassHold;
  status: UpdateStatus;
}

// ---------------------------------------------------------------------------------------------------------------

/** Why updates must wait for the class: a live class, or one about to start, or (before any report) one remembered. */
export function classHold(classroom: ClassroomFacts, now: number, leadMs: number, tuning: Tuning = TUNING): ClassHold {
  if (classroom.live) return 'class-live';
  if (classroom.startsAt !== null) {
    const until = classroom.startsAt - now;
    if (until <= leadMs && until >= -tuning.overdueGraceMs) return 'class-soon';
  }
  return null;
}

/** Whether the local time lies inside the maintenance window (a window may cross midnight; days name its start). */
export function inMaintenanceWindow(window: MaintenanceWindow | undefined, local: LocalTime): boolean {
  if (!window) return false;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const start = minutes(window.start);
  const end = minutes(window.end);
  const opensOn = (weekday: number) => !window.days || window.days.includes(WEEKDAYS[((weekday % 7) + 7) % 7]!);
  if (start < end) return local.minuteOfDay >= start && local.minuteOfDay < end && opensOn(local.weekday);
  // Crosses midnight: the evening part belongs to today's window, the morning part to yesterday's.
  if (local.minuteOfDay >= start) return opensOn(local.weekday);
  if (local.minuteOfDay < end) return opensOn(local.weekday - 1);
  return false;
}

/** How long after its last failure a version may be tried again; null once it has failed too often. */
export function retryDelayMs(attempts: number, tuning: Tuning = TUNING): number | null {
  if (attempts <= 0) return 0;
  if (attempts >= tuning.maxAttempts) return null;
  return tuning.retryBaseMs * 4 ** (attempts - 1);
}

/** Whether the release service's offer is one this install may take. */
export function judgeOffer(
  answer: ReleaseAnswer | null,
  currentVersion: string,
  policy: AdminPolicy,
  failures: readonly FailureRecord[],
  discarded: DiscardFacts | null = null,
  tuning: Tuning = TUNING,
): OfferVerdict {
  if (answer === null || answer.feed.action === 'none') return { take: 'none' };
  const feed = answer.feed;
  const { version } = feed;
  const refuse = (reason: RefusalReason, detail: string): OfferVerdict => ({ take: 'refused', version, reason, detail });

  if (semver.valid(version) === null || semver.valid(currentVersion) === null) return refuse('invalid-version', `"${version}" is not a version`);
  if (semver.eq(version, currentVersion)) return { take: 'none' };
  if (feed.action === 'refuse') return refuse('unverified', `${version} is not installed: ${feed.reason}`);
  // The service applies the pin too; checking it here keeps a misconfigured or older service from moving the machine.
  if (policy.pin !== undefined && !semver.satisfies(version, policy.pin, { includePrerelease: true })) {
    return refuse('pinned', `${version} is outside the version pinned by the admin policy (${policy.pin})`);
  }
  if (discarded && discarded.version === version && answer.ageMs >= discarded.ageMs) return refuse('halted', discarded.reason);
  const failed = failures.find((record) => record.version === version);
  if (failed && retryDelayMs(failed.attempts, tuning) === null) {
    return refuse('gave-up', `${version} failed ${failed.attempts} times (last: ${failed.reason}); it will not be tried again`);
  }
  return { take: feed.action, version };
}

/** The next check: at the interval, sooner after a failure (1 min, doubling), and now if none happened yet. */
function checkDelay(facts: UpdateFacts, intervalMs: number, tuning: Tuning): number {
  const last = facts.lastCheck;
  if (facts.checking) return intervalMs;
  if (last === null) return 0;
  const wait = last.consecutiveErrors > 0 ? Math.min(intervalMs, tuning.checkRetryBaseMs * 2 ** (last.consecutiveErrors - 1)) : intervalMs;
  return Math.max(0, wait - last.agoMs);
}

/** The whole decision. Pure: the same facts always give the same decision. */
export function planUpdate(facts: UpdateFacts, tuning: Tuning = TUNING): UpdateDecision {
  const policy = policyValues(facts.policy);
  const base = statusBase(facts);

  const nothing = (status: UpdateStatus, checkInMs: number | null, download: UpdateDecision['download']): UpdateDecision => ({
    checkInMs,
    offer: { take: 'none' },
    download,
    speed: 'paused',
    installNow: null,
    installAtQuit: false,
    canRestartNow: false,
    prompt: false,
    hold: null,
    status,
  });
  const dropDownload = facts.download.phase === 'none' ? 'none' : 'discard';

  if (facts.updaterUnavailable !== null) return nothing({ ...base, state: 'unavailable', detail: facts.updaterUnavailable }, null, 'none');
  if (policy?.updates === 'off') return nothing({ ...base, state: 'disabled' }, null, dropDownload);
  if (policy === null) {
    // The safe side: keep asking (so the service sees this install and its broken policy), take nothing.
    return nothing({ ...base, state: 'held' }, checkDelay(facts, 60 * 60_000, tuning), facts.download.phase === 'none' ? 'none' : 'keep');
  }

  const intervalMs = policy.checkIntervalMinutes * 60_000;
  const checkInMs = checkDelay(facts, intervalMs, tuning);
  const hold = classHold(facts.classroom, facts.now, policy.classLeadMinutes * 60_000, tuning);
  const offer = judgeOffer(facts.answer, facts.currentVersion, policy, facts.failures, facts.discarded, tuning);
  const target = offer.take === 'update' || offer.take === 'rollback' ? offer.version : null;
  const speed: UpdateDecision['speed'] = hold === null ? 'full' : policy.downloadDuringClass === 'pause' ? 'paused' : policy.throttleKBps * 1024;

  const d = facts.download;
  const failure = target === null ? undefined : facts.failures.find((record) => record.version === target);
  const retryIn = failure ? Math.max(0, (retryDelayMs(failure.attempts, tuning) ?? Infinity) - Math.max(0, facts.now - failure.lastAt)) : 0;

  // A download of anything but the accepted offer goes (halted, revoked, replaced, no longer offered), and so does a
  // file that failed the signed manifest. A new download waits for the retry backoff and for class time to end.
  const download: UpdateDecision['download'] =
    d.phase !== 'none' && (d.version !== target || (d.phase === 'downloaded' && !d.verified))
      ? 'discard'
      : d.phase !== 'none'
        ? 'keep'
        : target !== null && retryIn === 0 && speed !== 'paused' && (facts.lastCheck?.consecutiveErrors ?? 0) === 0
          ? 'start'
          : 'none';
  const fresh = facts.answer !== null && facts.answer.ageMs <= 2 * intervalMs;
  const ready = target !== null && d.phase === 'downloaded' && d.version === target && d.verified && fresh && retryIn === 0;

  // The running console has not said anything yet: no in-app restart (at launch, the remembered start time holds).
  const atLaunch = facts.uptimeMs <= tuning.launchWindowMs;
  const effectiveHold: ClassHold = hold ?? (!facts.classroom.reported && !atLaunch ? 'class-unknown' : null);
  const inWindow = inMaintenanceWindow(policy.maintenanceWindow, facts.local);
  const outside = policy.installOutsideWindow;

  const installNow: InstallMoment | null = !ready || effectiveHold !== null ? null : inWindow ? 'window' : atLaunch && outside ? 'launch' : null;
  // At quit the console is closing anyway; only a class that is live or about to start keeps the update for later.
  const installAtQuit = ready && hold === null && (outside || inWindow);
  const canRestartNow = ready && effectiveHold === null && (outside || inWindow);
  const prompt = canRestartNow && installNow === null && facts.deferredOn !== facts.local.date;

  const status = describe(facts, base, { offer, target, ready, hold: effectiveHold, prompt, canRestartNow, installAtQuit, retryIn, failure, inWindow, policy });
  return { checkInMs, offer, download, speed, installNow, installAtQuit, canRestartNow, prompt, hold: effectiveHold, status };
}

// ---------------------------------------------------------------------------------------------------------------
// The status the console shows (IPC updates:status).

function statusBase(facts: UpdateFacts): UpdateStatus {
  const policy = facts.policy;
  return {
    state: 'idle',
    currentVersion: facts.currentVersion,
    policy:
      policy.kind === 'file'
        ? {
            source: 'file',
            path: policy.path,
            updates: policy.policy.updates,
            ...(policy.policy.ring !== undefined && { ring: policy.policy.ring }),
            ...(policy.policy.pin !== undefined && { pin: policy.policy.pin }),
            ...(policy.policy.maintenanceWindow !== undefined && { window: `${policy.policy.maintenanceWindow.start}–${policy.policy.maintenanceWindow.end}` }),
          }
        : policy.kind === 'invalid'
          ? { source: 'invalid', path: policy.path, problem: policy.problem.slice(0, 500) }
          : { source: 'default', updates: 'on' },
    hold: null,
    prompt: false,
    canRestartNow: false,
    ...(facts.lastCheck?.error && { checkError: facts.lastCheck.error.slice(0, 300) }),
  };
}

interface Described {
  offer: OfferVerdict;
  target: string | null;
  ready: boolean;
  hold: ClassHold;
  prompt: boolean;
  canRestartNow: boolean;
  installAtQuit: boolean;
  retryIn: number;
  failure: FailureRecord | undefined;
  inWindow: boolean;
  policy: AdminPolicy;
}

function describe(facts: UpdateFacts, base: UpdateStatus, x: Described): UpdateStatus {
  const d = facts.download;
  const status: UpdateStatus = { ...base, hold: x.hold, prompt: x.prompt, canRestartNow: x.canRestartNow, installAtQuit: x.installAtQuit };
  if (x.target !== null) status.version = x.target;
  if (x.offer.take === 'rollback') status.rollback = true;

  const gaveUp = facts.failures.find((record) => x.offer.take === 'refused' && x.offer.reason === 'gave-up' && record.version === x.offer.version);
  if (gaveUp) {
    return { ...status, state: 'failed', version: gaveUp.version, failure: { reason: gaveUp.reason.slice(0, 300), attempts: gaveUp.attempts, gaveUp: true } };
  }
  if (x.offer.take === 'refused') status.refused = x.offer.detail.slice(0, 300);
  if (x.failure && x.target !== null) {
    status.failure = { reason: x.failure.reason.slice(0, 300), attempts: x.failure.attempts, gaveUp: false, retryInMs: x.retryIn };
  }

  if (x.target !== null && d.phase !== 'none' && d.version === x.target) {
    if (d.phase === 'downloading' || d.phase === 'paused') {
      status.state = d.phase === 'paused' ? 'paused' : 'downloading';
      status.progress = {
        transferred: d.transferred,
        total: d.total,
        percent: d.total > 0 ? Math.min(100, Math.floor((d.transferred / d.total) * 100)) : 0,
        bytesPerSecond: d.phase === 'downloading' ? d.bytesPerSecond : 0,
      };
      return status;
    }
    if (x.ready) return { ...status, state: 'ready' };
    if (!d.verified) return { ...status, state: 'failed' };
    return { ...status, state: x.failure ? 'failed' : 'waiting' };
  }
  if (x.target !== null) return { ...status, state: x.hold !== null && x.policy.downloadDuringClass === 'pause' ? 'paused' : 'available' };
  if (facts.checking) return { ...status, state: 'checking' };
  return status;
}
