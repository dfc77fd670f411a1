import { describe, expect, it } from 'vitest';
import type { Course, CoursePage, TelemetryEvent } from '../../shared/protocol';
import { EntryTelemetry } from './telemetryEntry';

const pdfPage = (id: string, page: number): CoursePage => ({ id, kind: 'pdf', asset: 'a-lesson', page, title: '' });
const blankPage = (id: string): CoursePage => ({ id, kind: 'blank', asset: '', page: 1, title: '' });
const courseOf = (pages: CoursePage[], current: string): Course => ({ v: 1, version: 1, pages, current, by: 'teacher1', ts: 1 });

/** An entry measured against a clock the test moves: the time each step is reached is what the events must carry. */
function entering(course: Course | null = null) {
  const events: TelemetryEvent[] = [];
  const state = { now: 1_000, course };
  const entry = new EntryTelemetry((event) => events.push(event), () => state.course, () => state.now);
  const steps = () => events.flatMap((e) => (e.type === 'entry' ? [[e.step, e.ms] as const] : []));
  const inits = () => events.flatMap((e) => (e.type === 'init' ? [e] : []));
  return { entry, events, state, steps, inits };
}

describe('classroom entry telemetry', () => {
  it('times each step from the moment the class was opened, and is ready once the entry page has rendered', () => {
    const { entry, state, steps, inits } = entering();
    entry.tokenHeld();
    state.now = 1_120;
    state.course = courseOf([pdfPage('p1', 1), pdfPage('p2', 2)], 'p1');
    entry.classReached(true);
    state.now = 1_300;
    entry.snapshotLoaded();
    expect(steps().map(([step]) => step)).toEqual(['token', 'broker', 'snapshot']);

    // A neighbouring page finishing first is not the entry page.
    state.now = 1_500;
    entry.coursewareSettled({ type: 'courseware', asset: 'a-lesson', page: 2, ok: true, ms: 400 });
    expect(steps().map(([step]) => step)).not.toContain('ready');

    state.now = 1_750;
    entry.coursewareSettled({ type: 'courseware', asset: 'a-lesson', page: 1, ok: true, ms: 600 });
    expect(steps()).toEqual([
      ['token', 0],
      ['broker', 120],
      ['snapshot', 300],
      ['courseware', 750],
      ['ready', 750],
    ]);
    expect(inits()).toEqual([
      { type: 'init', component: 'messaging', ok: true },
      { type: 'init', component: 'courseware', ok: true },
    ]);
  });

  it('reports a courseware page that failed to load as a failed initialisation, and still completes entry', () => {
    const { entry, state, steps, inits } = entering(courseOf([pdfPage('p1', 1)], 'p1'));
    entry.classReached(true);
    entry.snapshotLoaded();
    state.now = 1_900;
    entry.coursewareSettled({ type: 'courseware', asset: 'a-lesson', page: 1, ok: false, ms: 900, error: 'Invalid PDF structure.' });
    expect(inits()).toContainEqual({ type: 'init', component: 'courseware', ok: false, error: 'Invalid PDF structure.' });
    expect(steps().at(-1)).toEqual(['ready', 900]);
  });

  it('needs no courseware on a blank page, and neither snapshot nor courseware in a class without a course', () => {
    const blank = entering(courseOf([blankPage('b1')], 'b1'));
    blank.entry.classReached(true);
    expect(blank.steps().map(([step]) => step)).not.toContain('ready');
    blank.entry.snapshotLoaded();
    expect(blank.steps().map(([step]) => step)).toEqual(['token', 'broker', 'snapshot', 'ready']);

    const empty = entering(null);
    empty.state.now = 1_040;
    // Retained state may still be on its way until the participant's own presence comes back.
    empty.entry.classReached(false);
    expect(empty.steps().map(([step]) => step)).toEqual(['token', 'broker']);
    empty.state.now = 1_060;
    empty.entry.classReached(true);
    expect(empty.steps()).toEqual([
      ['token', 40],
      ['broker', 40],
      ['ready', 60],
    ]);
  });

  it('reports a failed connection while entering, then messaging coming up, and nothing twice', () => {
    const { entry, state, events, inits } = entering(null);
    entry.tokenHeld();
    entry.messagingFailed('unreachable');
    entry.messagingFailed('unreachable');
    state.now = 4_000;
    entry.classReached(true);
    entry.classReached(true);
    entry.snapshotLoaded();
    expect(inits()).toEqual([
      { type: 'init', component: 'messaging', ok: false, error: 'unreachable' },
      { type: 'init', component: 'messaging', ok: true },
    ]);
    expect(events.filter((e) => e.type === 'entry').map((e) => e.type === 'entry' && e.step)).toEqual(['token', 'broker', 'ready']);
  });

  it('ends with ready: a course arriving later adds no entry steps', () => {
    const { entry, state, steps } = entering(null);
    entry.classReached(true);
    state.course = courseOf([pdfPage('p1', 1)], 'p1');
    entry.courseChanged();
    entry.snapshotLoaded();
    entry.coursewareSettled({ type: 'courseware', asset: 'a-lesson', page: 1, ok: true, ms: 10 });
    expect(steps().map(([step]) => step)).toEqual(['token', 'broker', 'ready']);
  });
});
