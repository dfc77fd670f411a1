import { useState } from 'react';
import { MAX_GROUP_MINUTES, MAX_GROUPS, type BreakoutMode } from '../../../shared/protocol';
import { useClassroom } from '../store';
import type { BreakoutDesk } from './breakoutDesk';
import { useBreakoutsTranslation } from './strings';

const MODES: BreakoutMode[] = ['random', 'manual', 'choose', 'last'];

function useStudentsInClass(): { id: string; name: string }[] {
  const roster = useClassroom((s) => s.roster);
  return [...roster.values()].filter((p) => p.role === 'student' && p.online).map((p) => ({ id: p.userId, name: p.name }));
}

/** The teacher's form for a new round: how many groups, for how long, and how they are formed. */
export function BreakoutSetup({ desk, hasLast }: { desk: BreakoutDesk; hasLast: boolean }) {
  const { t } = useBreakoutsTranslation();
  const students = useStudentsInClass();
  const [groups, setGroups] = useState(2);
  const [minutes, setMinutes] = useState(10);
  const [mode, setMode] = useState<BreakoutMode>('random');
  const [placed, setPlaced] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const placeOf = (id: string, index: number) => Math.min(placed[id] ?? index % groups, groups - 1);

  const start = async () => {
    setBusy(true);
    const assignment = Array.from({ length: groups }, (_, g) => students.filter((s, i) => placeOf(s.id, i) === g).map((s) => s.id));
    await desk.start({
      mode, groups, minutes,
      ...(mode === 'random' && { students: students.map((s) => s.id) }),
      ...(mode === 'manual' && { assignment }),
    });
    setBusy(false);
  };

  return (
    <form
      className="breakout-setup"
      data-testid="breakout-setup"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <div className="breakout-setup-row">
        <label>
          {t('setup.groups')}
          <input type="number" min={1} max={MAX_GROUPS} value={groups} data-testid="breakout-groups" disabled={mode === 'last'}
            onChange={(e) => setGroups(Math.max(1, Math.min(MAX_GROUPS, Number(e.target.value) || 1)))} />
        </label>
        <label>
          {t('setup.minutes')}
          <input type="number" min={1} max={MAX_GROUP_MINUTES} value={minutes} data-testid="breakout-minutes"
            onChange={(e) => setMinutes(Math.max(1, Math.min(MAX_GROUP_MINUTES, Number(e.target.value) || 1)))} />
        </label>
      </div>
      <fieldset className="breakout-modes">
        <legend>{t('setup.mode')}</legend>
        {MODES.map((m) => (
          <label key={m}>
            <input type="radio" name="breakout-mode" value={m} checked={mode === m} disabled={m === 'last' && !hasLast}
              data-testid={`breakout-mode-${m}`} onChange={() => setMode(m)} />
            {t(`setup.modes.${m}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'manual' && (
        <ul className="breakout-assign" data-testid="breakout-assign">
          {students.length === 0 && <li>{t('setup.nobody')}</li>}
          {students.map((s, i) => (
            <li key={s.id}>
              <span>{s.name}</span>
              <select aria-label={t('setup.groupOf', { name: s.name })} value={placeOf(s.id, i)} data-testid={`breakout-assign-${s.id}`}
                onChange={(e) => setPlaced((p) => ({ ...p, [s.id]: Number(e.target.value) }))}>
                {Array.from({ length: groups }, (_, g) => (
                  <option key={g} value={g}>
                    {t('group', { n: g + 1 })}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
      {mode === 'random' && students.length === 0 && <p className="muted">{t('setup.nobody')}</p>}
      <button type="submit" className="primary" disabled={busy} data-testid="breakout-start">
        {t('setup.start')}
      </button>
    </form>
  );
}
