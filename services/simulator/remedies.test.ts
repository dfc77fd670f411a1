import { describe, expect, it } from 'vitest';
import type { FaultRecord } from './faults';
import { tuning } from './options';
import { Prng } from './prng';
import { complete, effectOf, respond } from './remedies';

const now = 1_000_000;
const remedies = tuning().remedies;
const certain = { ...remedies, refuseShare: 0, silentShare: 0 };

function fault(patch: Partial<FaultRecord> = {}): FaultRecord {
  return {
    id: 'f-1', classId: 'class-0003', userId: 's-0003-1', tag: 'stream.cant-hear', fixable: true, resists: 0, silent: 0,
    origin: 'injected', injectedAt: 0, fixedAt: null, fixedBy: null, help: [], ...patch,
  };
}

describe('a simulated client answering a command', () => {
  it('acknowledges within the ack delay and completes a remedy 1-8 s later', () => {
    const prng = new Prng(1);
    for (let i = 0; i < 200; i++) {
      const response = respond('switch-line', true, fault(), now, certain, prng);
      expect(response.answer).toBe('ok');
      expect(response.ackAt - now).toBeGreaterThanOrEqual(100);
      expect(response.ackAt - now).toBeLessThanOrEqual(600);
      expect(response.completesAt! - response.ackAt).toBeGreaterThanOrEqual(1_000);
      expect(response.completesAt! - response.ackAt).toBeLessThanOrEqual(8_000);
    }
  });

  it('never answers while offline', () => {
    expect(respond('switch-line', false, fault(), now, certain, new Prng(1))).toMatchObject({ answer: 'none', completesAt: null });
  });

  it('stays silent for as many commands as the fault says, then answers', () => {
    const silent = fault({ silent: 2 });
    const prng = new Prng(2);
    expect(respond('switch-line', true, silent, now, certain, prng).answer).toBe('none');
    expect(respond('switch-line', true, silent, now, certain, prng).answer).toBe('none');
    expect(respond('switch-line', true, silent, now, certain, prng).answer).toBe('ok');
  });

  it('refuses and ignores about the configured shares', () => {
    const prng = new Prng(3);
    const answers = Array.from({ length: 4_000 }, () => respond('restart-media', true, null, now, { ...remedies, refuseShare: 0.1, silentShare: 0.05 }, prng).answer);
    const share = (answer: string) => answers.filter((a) => a === answer).length / answers.length;
    expect(share('refused')).toBeGreaterThan(0.08);
    expect(share('refused')).toBeLessThan(0.12);
    expect(share('none')).toBeGreaterThan(0.035);
    expect(share('none')).toBeLessThan(0.065);
    expect(respond('restart-media', true, null, now, { ...remedies, refuseShare: 1, silentShare: 0 }, prng)).toMatchObject({ answer: 'refused', completesAt: null });
  });
});

describe('a remedy carried out', () => {
  it('fixes a fixable fault when it is the playbook for its tag', () => {
    expect(complete('switch-line', fault())).toBe('fixed');
    expect(complete('reload-courseware', fault({ tag: 'course.load-failed' }))).toBe('fixed');
  });

  it('does nothing when it is the wrong remedy, the fault is unfixable, or there is no fault', () => {
    expect(complete('restart-media', fault())).toBe('wrong-remedy');
    expect(complete('switch-line', fault({ fixable: false }))).toBe('unfixable');
    expect(complete('switch-line', null)).toBe('no-fault');
    expect(complete('mute', fault())).toBe('not-a-remedy');
  });

  it('is resisted as many times as the fault says, then fixes it', () => {
    const stubborn = fault({ resists: 1 });
    expect(complete('switch-line', stubborn)).toBe('resisted');
    expect(stubborn.resists).toBe(0);
    expect(effectOf('switch-line', stubborn)).toBe('fixed');
  });
});
