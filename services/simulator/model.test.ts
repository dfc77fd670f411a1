import { describe, expect, it } from 'vitest';
import { buildCatalogue } from './catalogue';
import { SimulationModel } from './model';

const now = Date.UTC(2026, 0, 5, 9, 30);
const MINUTE = 60_000;

function timeline(seed: number, steps: number) {
  const model = new SimulationModel(buildCatalogue({ classes: 100, seed, now }), seed);
  const initial = model.seats().map((s) => s.online);
  const changes = Array.from({ length: steps }, (_, i) => {
    const step = model.step(now + i * 1000, 0.02);
    return { presence: step.presence.map((s) => `${s.participant.id}:${s.online}`), started: step.started };
  });
  return { initial, changes };
}

describe('the simulation timeline', () => {
  it('is the same for the same seed', () => {
    expect(timeline(5, 30)).toEqual(timeline(5, 30));
    expect(timeline(6, 30)).not.toEqual(timeline(5, 30));
  });

  it('has presence coming and going in live classes, and nobody in ended ones', () => {
    const catalogue = buildCatalogue({ classes: 200, seed: 2, now });
    const model = new SimulationModel(catalogue, 2);
    const ended = catalogue.filter((c) => c.state === 'ended').map((c) => c.id);
    let cameOrWent = 0;
    for (let i = 0; i < 20; i++) cameOrWent += model.step(now + i * 1000, 0.01).presence.length;
    expect(cameOrWent).toBeGreaterThan(0);
    for (const id of ended) expect(model.online(id)).toEqual({ teachers: 0, students: 0 });
    const live = catalogue.filter((c) => c.state === 'live').map((c) => model.online(c.id));
    expect(live.filter((o) => o.teachers === 1).length).toBeGreaterThan(live.length / 2);
  });

  it('starts a scheduled class when its time comes, with its teacher present', () => {
    const catalogue = buildCatalogue({ classes: 200, seed: 3, now });
    const scheduled = catalogue.find((c) => c.state === 'scheduled' && c.teacher.simulated)!;
    const model = new SimulationModel(catalogue, 3);
    expect(model.step(scheduled.startsAt - MINUTE, 0).started.map((s) => s.classId)).not.toContain(scheduled.id);
    const step = model.step(scheduled.startsAt, 0);
    expect(step.started).toContainEqual({ classId: scheduled.id, teacherId: scheduled.teacher.id });
    expect(model.online(scheduled.id).teachers).toBe(1);
    expect(model.step(scheduled.startsAt + MINUTE, 0).started.map((s) => s.classId)).not.toContain(scheduled.id);
  });

  it('never starts a class whose teacher is a real person', () => {
    const catalogue = buildCatalogue({ classes: 3, seed: 1, now });
    const model = new SimulationModel(catalogue, 1);
    expect(model.step(now + 24 * 60 * MINUTE, 0).started.map((s) => s.classId)).not.toContain('class-0002');
  });
});
