import { describe, expect, it } from 'vitest';
import { DEMO_FAULTS_ENV, DEMO_SIMULATION, demoFaultsWanted, localModeSimulation } from './demo-faults';
import { tuning } from './options';

describe('local mode demo faults', () => {
  it('are on when the environment says nothing', () => {
    expect(demoFaultsWanted({})).toBe(true);
    expect(localModeSimulation({})).toBe(DEMO_SIMULATION);
  });

  it.each(['off', 'OFF', '0', 'false', 'no', ' off '])('are off with %j', (value) => {
    expect(demoFaultsWanted({ [DEMO_FAULTS_ENV]: value })).toBe(false);
    expect(localModeSimulation({ [DEMO_FAULTS_ENV]: value })).toBeUndefined();
  });

  it.each(['on', '1', 'yes', ''])('stay on with %j', (value) => {
    expect(demoFaultsWanted({ [DEMO_FAULTS_ENV]: value })).toBe(true);
  });

  it('are a valid simulation that injects faults, some of them beyond any remedy, and presses help', () => {
    const settings = tuning(DEMO_SIMULATION);
    expect(settings.faults.perClassHour).toBeGreaterThan(0);
    expect(settings.faults.unfixableShare).toBeGreaterThan(0);
    expect(settings.help.faultShare).toBeGreaterThan(0);
  });
});
