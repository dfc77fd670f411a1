import { describe, expect, it } from 'vitest';
import { MAX_RESTARTS, watchdogAction, type LinkCondition } from './watchdog';

const link = (patch: Partial<LinkCondition>): LinkCondition => ({
  state: 'connected',
  stateAgeMs: 0,
  sinceRestartMs: Infinity,
  restarts: 0,
  polite: false,
  negotiated: true,
  ...patch,
});

describe('watchdogAction', () => {
  it('leaves a working connection alone', () => {
    expect(watchdogAction(link({ state: 'connected', stateAgeMs: 60_000 }))).toBe('none');
  });

  it('gives a disconnected connection time to come back before restarting ICE', () => {
    expect(watchdogAction(link({ state: 'disconnected', stateAgeMs: 5_000 }))).toBe('none');
    expect(watchdogAction(link({ state: 'disconnected', stateAgeMs: 8_000 }))).toBe('restart-ice');
    // And not again right after a restart.
    expect(watchdogAction(link({ state: 'disconnected', stateAgeMs: 20_000, sinceRestartMs: 2_000, restarts: 1 }))).toBe('none');
  });

  it('restarts a failed connection at once on the impolite side, and on the polite side if that did not help', () => {
    expect(watchdogAction(link({ state: 'failed', polite: false }))).toBe('restart-ice');
    expect(watchdogAction(link({ state: 'failed', polite: true, stateAgeMs: 1_000 }))).toBe('none');
    expect(watchdogAction(link({ state: 'failed', polite: true, stateAgeMs: 8_000 }))).toBe('restart-ice');
    expect(watchdogAction(link({ state: 'failed', polite: true, restarts: 1, sinceRestartMs: 10_000 }))).toBe('none');
    expect(watchdogAction(link({ state: 'failed', polite: true, restarts: 1, sinceRestartMs: 16_000 }))).toBe('restart-ice');
  });

  it('nudges a connection stuck in new or connecting: ICE restart, or a greeting when nothing was negotiated', () => {
    expect(watchdogAction(link({ state: 'new', stateAgeMs: 9_000 }))).toBe('none');
    expect(watchdogAction(link({ state: 'new', stateAgeMs: 10_000 }))).toBe('restart-ice');
    expect(watchdogAction(link({ state: 'connecting', stateAgeMs: 12_000, polite: true, negotiated: false }))).toBe('greet');
  });

  it('starts over with a new session after too many restarts', () => {
    expect(watchdogAction(link({ state: 'failed', restarts: MAX_RESTARTS, sinceRestartMs: 30_000 }))).toBe('start-over');
    expect(watchdogAction(link({ state: 'connecting', restarts: MAX_RESTARTS, stateAgeMs: 60_000, sinceRestartMs: 60_000 }))).toBe('start-over');
  });
});
