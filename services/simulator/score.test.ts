import { describe, expect, it } from 'vitest';
import type { HelpState } from '../../shared/protocol/supervision';
import type { FaultRecord, HelpRecord } from './faults';
import { detectable, score, type ObservedTag } from './score';

const T = 1_800_000_000_000; // a multiple of 30 s
const S = 1_000;

function fault(id: string, patch: Partial<FaultRecord> = {}): FaultRecord {
  return {
    id, classId: 'class-0003', userId: 's-0003-1', tag: 'stream.cant-hear', fixable: true, resists: 0, silent: 0,
    origin: 'random', injectedAt: T + 5 * S, fixedAt: null, fixedBy: null, help: [], ...patch,
  };
}

function help(id: string, faultId: string | null, at: number, kind: HelpRecord['kind'] = 'fault'): HelpRecord {
  return { id, classId: 'class-0003', userId: 's-0003-1', at, kind, faultId };
}

function state(id: string, status: HelpState['status'], resolvedAt: number | null = null): HelpState {
  return {
    v: 1, id, classId: 'class-0003', from: { id: 's-0003-1', name: 'Ada A.', role: 'student' }, topic: 'audio', text: '',
    status, reason: '', tags: [], remedies: [], claimedBy: null, note: '', diagnostics: null, createdAt: T, updatedAt: T, resolvedAt,
  };
}

function tag(patch: Partial<ObservedTag> = {}): ObservedTag {
  return { classId: 'class-0003', userId: 's-0003-1', tag: 'stream.cant-hear', since: T + 30 * S, ...patch };
}

describe('the auto-handling score', () => {
  it('rates automatic resolution over first requests about fixable faults, with the median time from sending', () => {
    const faults = [fault('f1', { fixedAt: T + 100 * S }), fault('f2', { classId: 'class-0004', fixedAt: T + 120 * S }), fault('f3', { classId: 'class-0005' }), fault('f4', { classId: 'class-0006', fixable: false })];
    const requests = [help('h1', 'f1', T + 80 * S), help('h2', 'f2', T + 80 * S), help('h3', 'f3', T + 80 * S), help('h4', 'f4', T + 80 * S), help('h1b', 'f1', T + 95 * S, 'repeat'), help('h5', null, T, 'healthy')];
    const result = score({
      truth: { faults, commands: [], help: requests },
      tags: [],
      helpStates: [state('h1', 'auto-resolved', T + 102 * S), state('h2', 'auto-resolved', T + 124 * S), state('h3', 'escalated'), state('h4', 'escalated'), state('h1b', 'manual'), state('h5', 'manual')],
      until: T + 200 * S,
    });
    expect(result).toMatchObject({ helpRequests: 6, fixableHelpRequests: 3, autoResolved: 2, autoResolvedRate: 0.667, medianAutoResolveS: 33, falseResolutions: 0 });
    // Resolved 2 s and 4 s after the clients recovered.
    expect(result.medianFixToResolveS).toBe(3);
    expect(result.statuses).toEqual({ 'auto-resolved': 2, escalated: 2, manual: 2 });
  });

  it('counts a request resolved before its fault ended, or whose fault never ended, as a false resolution', () => {
    const faults = [fault('f1', { fixedAt: T + 100 * S }), fault('f2', { classId: 'class-0004', fixable: false }), fault('f3', { classId: 'class-0005', fixedAt: T + 90 * S })];
    const result = score({
      truth: { faults, commands: [], help: [help('h1', 'f1', T + 60 * S), help('h2', 'f2', T + 60 * S), help('h3', 'f3', T + 60 * S)] },
      tags: [],
      helpStates: [state('h1', 'auto-resolved', T + 99 * S), state('h2', 'resolved', T + 150 * S), state('h3', 'auto-resolved', T + 95 * S)],
      until: T + 200 * S,
    });
    expect(result.falseResolutions).toBe(2);
  });

  it('matches tag episodes to faults by class, user, tag and time, counting each episode once', () => {
    const faults = [fault('f1', { fixedAt: T + 100 * S }), fault('f2', { classId: 'class-0004', tag: 'course.load-failed' })];
    const result = score({
      truth: { faults, commands: [], help: [] },
      tags: [
        tag(), tag(), // the same episode published twice
        tag({ since: T + 130 * S }), // began after f1 ended: a false alarm
        tag({ userId: 's-0003-2' }), // someone else
        tag({ classId: 'class-0004', tag: 'course.load-failed', since: T - 20 * S }), // the window before it started
        tag({ tag: 'stream.normal' }), // not a problem tag: ignored
      ],
      helpStates: [],
      until: T + 200 * S,
    });
    expect(result).toMatchObject({ tagEpisodes: 4, matchedEpisodes: 2, tagPrecision: 0.5, detectableFaults: 2, detectedFaults: 2, tagRecall: 1 });
  });

  it('holds only faults that spanned a whole closed window as detectable', () => {
    expect(detectable(fault('f', { injectedAt: T + 5 * S, fixedAt: T + 60 * S }), T + 200 * S)).toBe(true);
    expect(detectable(fault('f', { injectedAt: T + 5 * S, fixedAt: T + 59 * S }), T + 200 * S)).toBe(false);
    expect(detectable(fault('f', { injectedAt: T + 5 * S }), T + 69 * S)).toBe(false);
    expect(detectable(fault('f', { injectedAt: T + 5 * S }), T + 70 * S)).toBe(true);
  });

  it('leaves rates empty when there is nothing to rate', () => {
    expect(score({ truth: { faults: [], commands: [], help: [] }, tags: [], helpStates: [], until: T })).toMatchObject({
      helpRequests: 0, autoResolvedRate: null, medianAutoResolveS: null, falseResolutions: 0, tagPrecision: null, tagRecall: null,
    });
  });
});
