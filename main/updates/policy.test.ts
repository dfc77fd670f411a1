import { afterEach, describe, expect, it } from 'vitest';
import { UpdateStatus } from '../../shared/ipc/contract';
import { AdminPolicy, type PolicyState } from './admin-policy';
import { classHold, inMaintenanceWindow, judgeOffer, planUpdate as planUpdateRaw, retryDelayMs, TUNING, type LocalTime, type UpdateFacts } from './policy';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Tuesday 10 March 2026, 14:00 local, as the caller would pass it. */
const NOW = Date.UTC(2026, 2, 10, 14, 0);
const TUESDAY_14H: LocalTime = { minuteOfDay: 14 * 60, weekday: 2, date: '2026-03-10' };
const at = (hhmm: string, weekday = 2, date = '2026-03-10'): LocalTime => ({
  minuteOfDay: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)),
  weekday,
  date,
});

function policyFile(fields: Record<string, unknown>): PolicyState {
  return { kind: 'file', path: '/etc/classroom-console/policy.json', policy: AdminPolicy.parse(fields) };
}

/** An update to 1.5.0, downloaded and verified, the service's answer fresh, nobody in class, an hour after launch. */
function facts(overrides: Partial<UpdateFacts> = {}): UpdateFacts {
  return {
    now: NOW,
    local: TUESDAY_14H,
    uptimeMs: HOUR,
    currentVersion: '1.4.2',
    updaterUnavailable: null,
    policy: { kind: 'default', looked: ['/etc/classroom-console/policy.json'] },
    classroom: { live: false, startsAt: null, reported: true },
    lastCheck: { agoMs: MIN, consecutiveErrors: 0, error: null },
    checking: false,
    answer: { ageMs: MIN, feed: { action: 'update', version: '1.5.0' } },
    discarded: null,
    download: { phase: 'downloaded', version: '1.5.0', verified: true },
    failures: [],
    deferredOn: null,
    ...overrides,
  };
}

/** Every status a decision carries must pass the IPC contract. */
const planned: ReturnType<typeof planUpdateRaw>[] = [];
function planUpdate(...args: Parameters<typeof planUpdateRaw>) {
  const decision = planUpdateRaw(...args);
  planned.push(decision);
  return decision;
}
afterEach(() => {
  for (const decision of planned.splice(0)) UpdateStatus.parse(decision.status);
});

const downloading = { phase: 'downloading', version: '1.5.0', transferred: 10, total: 100, bytesPerSecond: 5 } as const;

describe('never during class', () => {
  it.each([
    ['a class is live', { live: true, startsAt: null, reported: true }, 'class-live'],
    ['a class starts in 10 min (lead 15)', { live: false, startsAt: NOW + 10 * MIN, reported: true }, 'class-soon'],
    ['a class starts in exactly 15 min', { live: false, startsAt: NOW + 15 * MIN, reported: true }, 'class-soon'],
    ['a scheduled class is 30 min overdue and not live yet', { live: false, startsAt: NOW - 30 * MIN, reported: true }, 'class-soon'],
    ['the console has not reported, an hour after launch', { live: false, startsAt: null, reported: false }, 'class-unknown'],
  ] as const)('%s: nothing installs, no prompt, restart refused', (_case, classroom, hold) => {
    const decision = planUpdate(facts({ classroom }));
    expect(decision).toMatchObject({ hold, installNow: null, canRestartNow: false, prompt: false });
    expect(decision.status).toMatchObject({ state: 'ready', hold, prompt: false, canRestartNow: false });
  });

  it('also not in the maintenance window or at launch', () => {
    const windowed = policyFile({ maintenanceWindow: { start: '13:00', end: '15:00' } });
    const live = { live: true, startsAt: null, reported: true };
    expect(planUpdate(facts({ policy: windowed, classroom: live })).installNow).toBeNull();
    expect(planUpdate(facts({ uptimeMs: 10_000, classroom: live })).installNow).toBeNull();
  });

  it('installs at quit unless a class is live or about to start (the console is closing anyway)', () => {
    expect(planUpdate(facts({ classroom: { live: true, startsAt: null, reported: true } })).installAtQuit).toBe(false);
    expect(planUpdate(facts({ classroom: { live: false, startsAt: NOW + 5 * MIN, reported: true } })).installAtQuit).toBe(false);
    expect(planUpdate(facts({ classroom: { live: false, startsAt: null, reported: false } })).installAtQuit).toBe(true);
  });

  it.each([
    ['a class starts in 20 min (lead 15)', NOW + 20 * MIN, {}],
    ['a class started 2 h ago and never went live', NOW - 2 * HOUR, {}],
    ['a class starts in 5 min with a lead time of 0', NOW + 5 * MIN, { classLeadMinutes: 0 }],
  ] as const)('%s: the person is asked "restart now / at the end of the day"', (_case, startsAt, fields) => {
    const decision = planUpdate(facts({ classroom: { live: false, startsAt, reported: true }, policy: policyFile(fields) }));
    expect(decision).toMatchObject({ hold: null, prompt: true, canRestartNow: true, installAtQuit: true, installNow: null });
  });

  it('a longer lead time from the admin policy holds sooner', () => {
    const classroom = { live: false, startsAt: NOW + 40 * MIN, reported: true };
    expect(planUpdate(facts({ classroom })).hold).toBeNull();
    expect(planUpdate(facts({ classroom, policy: policyFile({ classLeadMinutes: 45 }) })).hold).toBe('class-soon');
  });

  it('classHold reads the class state alone', () => {
    expect(classHold({ live: false, startsAt: NOW + MIN, reported: true }, NOW, 0)).toBeNull();
    expect(classHold({ live: false, startsAt: NOW, reported: true }, NOW, 0)).toBe('class-soon');
    expect(classHold({ live: false, startsAt: NOW - TUNING.overdueGraceMs - 1, reported: true }, NOW, 15 * MIN)).toBeNull();
  });
});

describe('downloads during class', () => {
  const live = { live: true, startsAt: null, reported: true };
  it.each([
    ['no policy: paused', {}, 'paused'],
    ['downloadDuringClass pause', { downloadDuringClass: 'pause' }, 'paused'],
    ['downloadDuringClass throttle at 64 KB/s', { downloadDuringClass: 'throttle', throttleKBps: 64 }, 64 * 1024],
  ] as const)('%s', (_case, fields, speed) => {
    const decision = planUpdate(facts({ classroom: live, download: downloading, policy: policyFile(fields) }));
    expect(decision.speed).toBe(speed);
    expect(decision.download).toBe('keep');
  });

  it('full speed outside class', () => {
    expect(planUpdate(facts({ download: downloading })).speed).toBe('full');
    expect(planUpdate(facts({ download: downloading })).status).toMatchObject({ state: 'downloading', version: '1.5.0', progress: { percent: 10 } });
  });

  it('a download does not start in class when it would be paused, and starts when throttled', () => {
    const none = { phase: 'none' } as const;
    expect(planUpdate(facts({ classroom: live, download: none })).download).toBe('none');
    expect(planUpdate(facts({ classroom: live, download: none })).status).toMatchObject({ state: 'paused', version: '1.5.0' });
    expect(planUpdate(facts({ classroom: live, download: none, policy: policyFile({ downloadDuringClass: 'throttle' }) })).download).toBe('start');
    expect(planUpdate(facts({ download: none })).download).toBe('start');
  });

  it('a paused download shows its progress and that it waits', () => {
    const paused = { phase: 'paused', version: '1.5.0', transferred: 40, total: 100 } as const;
    expect(planUpdate(facts({ classroom: live, download: paused })).status).toMatchObject({ state: 'paused', progress: { percent: 40, bytesPerSecond: 0 } });
  });
});

describe('install moments', () => {
  it('at launch, before the console has said anything, with no class remembered', () => {
    const launch = facts({ uptimeMs: 30_000, classroom: { live: false, startsAt: null, reported: false } });
    expect(planUpdate(launch).installNow).toBe('launch');
  });

  it('not at launch when the remembered class starts soon', () => {
    const launch = facts({ uptimeMs: 30_000, classroom: { live: false, startsAt: NOW + 5 * MIN, reported: false } });
    expect(planUpdate(launch)).toMatchObject({ installNow: null, hold: 'class-soon' });
  });

  it('in the maintenance window, outside class', () => {
    const policy = policyFile({ maintenanceWindow: { start: '02:00', end: '05:00' } });
    expect(planUpdate(facts({ policy, local: at('03:00') })).installNow).toBe('window');
    expect(planUpdate(facts({ policy, local: at('05:00') })).installNow).toBeNull();
    expect(planUpdate(facts({ policy, local: at('01:59') })).installNow).toBeNull();
  });

  it('only in the window when the policy says so: no prompt, no quit or launch install outside it', () => {
    const policy = policyFile({ maintenanceWindow: { start: '02:00', end: '05:00' }, installOutsideWindow: false });
    expect(planUpdate(facts({ policy }))).toMatchObject({ installNow: null, installAtQuit: false, prompt: false, canRestartNow: false });
    expect(planUpdate(facts({ policy, uptimeMs: 1_000 })).installNow).toBeNull();
    expect(planUpdate(facts({ policy, local: at('02:30') })).installNow).toBe('window');
  });

  it.each([
    ['a window within one day', { start: '02:00', end: '05:00' }, at('04:59'), true],
    ['its end is outside', { start: '02:00', end: '05:00' }, at('05:00'), false],
    ['across midnight, the evening part', { start: '22:00', end: '05:00' }, at('23:30', 1), true],
    ['across midnight, the morning part', { start: '22:00', end: '05:00' }, at('01:00', 2), true],
    ['across midnight, the afternoon', { start: '22:00', end: '05:00' }, at('14:00', 2), false],
    ['on a listed day', { start: '22:00', end: '05:00', days: ['mon'] }, at('23:30', 1), true],
    ['the morning after a listed day', { start: '22:00', end: '05:00', days: ['mon'] }, at('01:00', 2), true],
    ['the morning after an unlisted day', { start: '22:00', end: '05:00', days: ['mon'] }, at('01:00', 1), false],
    ['Saturday night into Sunday, listed as sat', { start: '23:00', end: '01:00', days: ['sat'] }, at('00:30', 0), true],
    ['on an unlisted day', { start: '02:00', end: '05:00', days: ['sat', 'sun'] }, at('03:00', 2), false],
  ] as const)('maintenance window: %s', (_case, window, local, inside) => {
    expect(inMaintenanceWindow({ ...window, days: 'days' in window ? [...window.days] : undefined }, local)).toBe(inside);
  });

  it('"at the end of the day" stops the prompt for the rest of the local day; the update then installs at quit', () => {
    expect(planUpdate(facts({ deferredOn: '2026-03-10' }))).toMatchObject({ prompt: false, canRestartNow: true, installAtQuit: true });
    expect(planUpdate(facts({ deferredOn: '2026-03-09' })).prompt).toBe(true);
  });
});

describe('admin policy', () => {
  it('updates off: no check, no download (a finished one is thrown away), no install', () => {
    const decision = planUpdate(facts({ policy: policyFile({ updates: 'off' }) }));
    expect(decision).toMatchObject({ checkInMs: null, download: 'discard', installNow: null, installAtQuit: false, prompt: false, canRestartNow: false });
    expect(decision.status).toMatchObject({ state: 'disabled', policy: { source: 'file', updates: 'off' } });
  });

  it('an unusable policy file: checks go on, nothing downloads or installs, and the file and problem are shown', () => {
    const invalid: PolicyState = { kind: 'invalid', path: '/etc/classroom-console/policy.json', problem: 'is not valid JSON' };
    const decision = planUpdate(facts({ policy: invalid, uptimeMs: 1_000 }));
    expect(decision).toMatchObject({ download: 'keep', installNow: null, installAtQuit: false, prompt: false, canRestartNow: false });
    expect(decision.checkInMs).not.toBeNull();
    expect(decision.status).toMatchObject({ state: 'held', policy: { source: 'invalid', path: '/etc/classroom-console/policy.json', problem: 'is not valid JSON' } });
    expect(planUpdate(facts({ policy: invalid, download: { phase: 'none' } })).download).toBe('none');
  });

  it.each([
    ['1.4.*', '1.4.3', 'update'],
    ['1.4.*', '1.5.0', 'refused'],
    ['1.4', '1.4.9', 'update'],
    ['1', '2.0.0', 'refused'],
    ['1.x', '1.9.0', 'update'],
  ] as const)('pin %s and an offer of %s: %s', (pin, version, take) => {
    const verdict = judgeOffer({ ageMs: 0, feed: { action: 'update', version } }, '1.4.2', AdminPolicy.parse({ pin }), []);
    expect(verdict.take).toBe(take);
    if (verdict.take === 'refused') expect(verdict).toMatchObject({ reason: 'pinned', detail: expect.stringContaining(pin) });
  });

  it('a download outside the pin is thrown away, and the status says why nothing installs', () => {
    const decision = planUpdate(facts({ policy: policyFile({ pin: '1.4.*' }) }));
    expect(decision).toMatchObject({ download: 'discard', installAtQuit: false, offer: { take: 'refused', reason: 'pinned' } });
    expect(decision.status.refused).toContain('1.4.*');
  });
});

describe('what the release service says', () => {
  it('stay: a download the service no longer offers (halted rollout) is discarded and never installed', () => {
    const decision = planUpdate(facts({ answer: { ageMs: MIN, feed: { action: 'none' } } }));
    expect(decision).toMatchObject({ download: 'discard', installAtQuit: false, installNow: null, prompt: false });
  });

  it('a feed the shared verifier refused (bad signature, downgrade without a revoke mark) is not taken', () => {
    const answer = { ageMs: MIN, feed: { action: 'refuse', version: '1.5.0', reason: 'manifest: the signature does not verify' } } as const;
    const decision = planUpdate(facts({ answer }));
    expect(decision).toMatchObject({ download: 'discard', installAtQuit: false, offer: { take: 'refused', reason: 'unverified' } });
    expect(decision.status.refused).toContain('signature does not verify');
  });

  it('a rollback with a valid revoke mark is taken and shown as one', () => {
    const decision = planUpdate(facts({ answer: { ageMs: MIN, feed: { action: 'rollback', version: '1.4.1' } }, download: { phase: 'downloaded', version: '1.4.1', verified: true } }));
    expect(decision).toMatchObject({ offer: { take: 'rollback', version: '1.4.1' }, prompt: true });
    expect(decision.status).toMatchObject({ state: 'ready', version: '1.4.1', rollback: true });
  });

  it('a version discarded as halted stays refused until a newer answer offers it again (a resumed rollout)', () => {
    const discarded = { version: '1.5.0', reason: 'the rollout of 1.5.0 is halted', ageMs: MIN };
    const none = { phase: 'none' } as const;
    const older = planUpdate(facts({ discarded, download: none, answer: { ageMs: 2 * MIN, feed: { action: 'update', version: '1.5.0' } } }));
    expect(older).toMatchObject({ download: 'none', offer: { take: 'refused', reason: 'halted' } });
    const newer = planUpdate(facts({ discarded, download: none, answer: { ageMs: 10_000, feed: { action: 'update', version: '1.5.0' } } }));
    expect(newer).toMatchObject({ download: 'start', offer: { take: 'update' } });
  });

  it('a downloaded file that failed the signed manifest is discarded', () => {
    expect(planUpdate(facts({ download: { phase: 'downloaded', version: '1.5.0', verified: false } })).download).toBe('discard');
  });

  it('an answer older than two check intervals does not install: the update waits for a fresh one', () => {
    const decision = planUpdate(facts({ answer: { ageMs: 2 * HOUR + 1, feed: { action: 'update', version: '1.5.0' } }, lastCheck: { agoMs: 2 * HOUR + 1, consecutiveErrors: 3, error: 'ECONNREFUSED' } }));
    expect(decision).toMatchObject({ installAtQuit: false, canRestartNow: false, prompt: false });
    expect(decision.status).toMatchObject({ state: 'waiting', checkError: 'ECONNREFUSED' });
  });

  it('an offer of the running version means nothing to do', () => {
    expect(judgeOffer({ ageMs: 0, feed: { action: 'update', version: '1.4.2' } }, '1.4.2', AdminPolicy.parse({}), [])).toEqual({ take: 'none' });
    expect(judgeOffer({ ageMs: 0, feed: { action: 'update', version: 'banana' } }, '1.4.2', AdminPolicy.parse({}), [])).toMatchObject({ reason: 'invalid-version' });
  });
});

describe('failures never loop', () => {
  it.each([
    [1, 10 * MIN, false, 20 * MIN],
    [1, 31 * MIN, true, 0],
    [2, HOUR, false, HOUR],
    [2, 2 * HOUR, true, 0],
  ] as const)('after %i failure(s), %i ms later: ready %s', (attempts, since, ready, retryInMs) => {
    const failures = [{ version: '1.5.0', attempts, lastAt: NOW - since, reason: 'the installer exited with code 2' }];
    const decision = planUpdate(facts({ failures }));
    expect(decision.canRestartNow).toBe(ready);
    expect(decision.installAtQuit).toBe(ready);
    expect(decision.status.failure).toEqual({ reason: 'the installer exited with code 2', attempts, gaveUp: false, retryInMs });
  });

  it('after 3 failures of a version it gives up on that version and says why', () => {
    const failures = [{ version: '1.5.0', attempts: 3, lastAt: NOW - 10 * HOUR, reason: 'the installer ran but the app is still 1.4.2' }];
    const decision = planUpdate(facts({ failures, uptimeMs: 1_000 }));
    expect(decision).toMatchObject({ download: 'discard', installNow: null, installAtQuit: false, prompt: false, offer: { take: 'refused', reason: 'gave-up' } });
    expect(decision.status).toMatchObject({ state: 'failed', version: '1.5.0', failure: { gaveUp: true, attempts: 3, reason: 'the installer ran but the app is still 1.4.2' } });
  });

  it('a newer version is tried even after giving up on an older one', () => {
    const failures = [{ version: '1.5.0', attempts: 3, lastAt: NOW, reason: 'x' }];
    const decision = planUpdate(facts({ failures, answer: { ageMs: MIN, feed: { action: 'update', version: '1.5.1' } }, download: { phase: 'none' } }));
    expect(decision).toMatchObject({ download: 'start', offer: { take: 'update', version: '1.5.1' } });
  });

  it('a failed download or verification waits for the backoff before downloading again', () => {
    const failures = [{ version: '1.5.0', attempts: 1, lastAt: NOW - MIN, reason: 'the downloaded file failed verification' }];
    expect(planUpdate(facts({ failures, download: { phase: 'none' } })).download).toBe('none');
    expect(planUpdate(facts({ failures, download: { phase: 'none' }, now: NOW + 30 * MIN })).download).toBe('start');
  });

  it('retry delays: 30 min, 2 h, then none', () => {
    expect([0, 1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([0, 30 * MIN, 2 * HOUR, null, null]);
  });
});

describe('checks', () => {
  it.each([
    ['never checked', null, false, 0],
    ['checked 10 min ago (interval 60)', { agoMs: 10 * MIN, consecutiveErrors: 0, error: null }, false, 50 * MIN],
    ['one failure 10 s ago', { agoMs: 10_000, consecutiveErrors: 1, error: 'x' }, false, 50_000],
    ['three failures 1 min ago', { agoMs: MIN, consecutiveErrors: 3, error: 'x' }, false, 3 * MIN],
    ['twenty failures: never more than the interval', { agoMs: 0, consecutiveErrors: 20, error: 'x' }, false, HOUR],
    ['a check is running', { agoMs: 0, consecutiveErrors: 0, error: null }, true, HOUR],
  ] as const)('%s', (_case, lastCheck, checking, checkInMs) => {
    expect(planUpdate(facts({ lastCheck, checking })).checkInMs).toBe(checkInMs);
  });

  it('no new download while checks fail', () => {
    expect(planUpdate(facts({ download: { phase: 'none' }, lastCheck: { agoMs: 0, consecutiveErrors: 1, error: 'x' } })).download).toBe('none');
  });

  it('checks continue during class, so a halt or a revoke is heard', () => {
    expect(planUpdate(facts({ classroom: { live: true, startsAt: null, reported: true }, lastCheck: null })).checkInMs).toBe(0);
  });

  it('the interval comes from the admin policy', () => {
    const lastCheck = { agoMs: MIN, consecutiveErrors: 0, error: null };
    expect(planUpdate(facts({ lastCheck, policy: policyFile({ checkIntervalMinutes: 15 }) })).checkInMs).toBe(14 * MIN);
  });
});

describe('a clock hours off', () => {
  it('changes neither check timing nor answer freshness (both are monotonic)', () => {
    const base = planUpdate(facts());
    for (const skew of [-9 * HOUR, 9 * HOUR, 400 * 24 * HOUR]) {
      const skewed = planUpdate(facts({ now: NOW + skew }));
      expect(skewed).toMatchObject({ checkInMs: base.checkInMs, prompt: base.prompt, installAtQuit: base.installAtQuit, download: base.download });
    }
  });

  it('a live class holds whatever the clock says', () => {
    for (const skew of [-9 * HOUR, 9 * HOUR]) {
      expect(planUpdate(facts({ now: NOW + skew, classroom: { live: true, startsAt: NOW, reported: true } }))).toMatchObject({ hold: 'class-live', canRestartNow: false, installAtQuit: false });
    }
  });

  it('a failure dated in the future (the clock went back) waits the full delay, not until the clock catches up', () => {
    const failures = [{ version: '1.5.0', attempts: 1, lastAt: NOW + 5 * HOUR, reason: 'x' }];
    expect(planUpdate(facts({ failures })).status.failure?.retryInMs).toBe(30 * MIN);
  });
});

describe('status', () => {
  it('a copy that cannot update itself says why and never checks', () => {
    const decision = planUpdate(facts({ updaterUnavailable: 'this copy is not an installed app' }));
    expect(decision).toMatchObject({ checkInMs: null, download: 'none', installAtQuit: false });
    expect(decision.status).toMatchObject({ state: 'unavailable', detail: 'this copy is not an installed app', currentVersion: '1.4.2' });
  });

  it('names the policy in force', () => {
    const policy = policyFile({ ring: 'pilot', pin: '1.4.*', maintenanceWindow: { start: '02:00', end: '05:00' } });
    expect(planUpdate(facts({ policy, answer: null, download: { phase: 'none' } })).status).toEqual({
      state: 'idle',
      currentVersion: '1.4.2',
      policy: { source: 'file', path: '/etc/classroom-console/policy.json', updates: 'on', ring: 'pilot', pin: '1.4.*', window: '02:00–05:00' },
      hold: null,
      prompt: false,
      canRestartNow: false,
      installAtQuit: false,
    });
  });
});
