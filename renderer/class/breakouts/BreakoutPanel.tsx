import { useState } from 'react';
import type { BreakoutState } from '../../../shared/protocol';
import type { ClassChannel } from '../../link/channel';
import { useClassroom } from '../store';
import type { BreakoutDesk } from './breakoutDesk';
import { useBreakouts, visit } from './breakoutStore';
import { BreakoutSetup } from './BreakoutSetup';
import { timeLeft, useNow } from './Countdown';
import { breakoutErrorText } from './errorText';
import { GroupThumbnail } from './GroupThumbnail';
import { useBreakoutsTranslation } from './strings';

/** Moves the running round's end: the teacher's controls, in the panel and in a group's bar. */
export function TimerButtons({ desk }: { desk: BreakoutDesk }) {
  const { t } = useBreakoutsTranslation();
  return (
    <span className="breakout-timer-buttons">
      <button type="button" className="ghost small" data-testid="breakout-less" onClick={() => void desk.timer(-60)}>
        {t('timer.less')}
      </button>
      <button type="button" className="ghost small" data-testid="breakout-more" onClick={() => void desk.timer(60)}>
        {t('timer.more')}
      </button>
      <button type="button" className="ghost small" data-testid="breakout-much-more" onClick={() => void desk.timer(300)}>
        {t('timer.muchMore')}
      </button>
    </span>
  );
}

export function RoundHeading({ round }: { round: BreakoutState }) {
  const { t } = useBreakoutsTranslation();
  const now = useNow();
  return (
    <strong data-testid="breakout-round" data-state={round.state} data-ends-at={round.endsAt}>
      {round.state === 'running' ? t('running', { round: round.round, left: timeLeft(round.endsAt, now) }) : t('ended', { round: round.round })}
    </strong>
  );
}

function Broadcast({ desk }: { desk: BreakoutDesk }) {
  const { t } = useBreakoutsTranslation();
  const [text, setText] = useState('');
  return (
    <form
      className="breakout-broadcast"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        void desk.broadcast(text.trim()).then((done) => done && setText(''));
      }}
    >
      <input aria-label={t('broadcast.label')} placeholder={t('broadcast.placeholder')} value={text} maxLength={300}
        data-testid="breakout-broadcast-text" onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="small" data-testid="breakout-broadcast-send">
        {t('broadcast.send')}
      </button>
    </form>
  );
}

/**
 * The class's breakout groups for its teacher (who runs them) and an observing supervisor (who looks and visits):
 * a new round's form, the running round's timer, broadcast and bring-back, and every group's board at a glance.
 */
export function BreakoutPanel({ desk, channel, steer }: { desk: BreakoutDesk; channel: ClassChannel; steer: boolean }) {
  const { t } = useBreakoutsTranslation();
  const round = useBreakouts((s) => s.round);
  const error = useBreakouts((s) => s.error);
  const running = round?.state === 'running';
  const roster = useClassroom((s) => s.roster);
  const placed = new Set(round?.groups.flatMap((g) => g.members.map((m) => m.id)) ?? []);
  const unplaced = running && round.mode === 'choose' ? [...roster.values()].filter((p) => p.role === 'student' && p.online && !placed.has(p.userId)).length : 0;
  return (
    <div className="breakout-panel-body">
      {error && (
        <p className="banner error" role="alert" data-testid="breakout-error">
          {breakoutErrorText(t, error)}
        </p>
      )}
      {steer && !running && <BreakoutSetup desk={desk} hasLast={round !== null} />}
      {round && (
        <section className="breakout-round" data-testid="breakout-round-section">
          <header className="breakout-round-head">
            <RoundHeading round={round} />
            {steer && running && <TimerButtons desk={desk} />}
          </header>
          {unplaced > 0 && (
            <p className="muted" data-testid="breakout-unplaced">
              {t('unplacedCount', { count: unplaced })}
            </p>
          )}
          {steer && running && <Broadcast desk={desk} />}
          {round.broadcast && running && (
            <p className="breakout-broadcast-last" data-testid="breakout-broadcast-last">
              {t('from')} {round.broadcast.text}
            </p>
          )}
          <ul className="breakout-groups" data-testid="breakout-groups-list">
            {round.groups.map((g) => (
              <li key={g.key} className="breakout-group" data-testid="breakout-group" data-group={g.key}>
                <div className="breakout-group-head">
                  <strong>{g.name}</strong>
                  <span className="muted">{t('members', { count: g.members.length })}</span>
                </div>
                <GroupThumbnail channel={channel} classId={g.classId} name={g.name} />
                <p className="breakout-members">{g.members.map((m) => m.name).join(', ')}</p>
                <button type="button" className="small" data-testid="breakout-visit" onClick={() => visit(g.classId)}>
                  {running ? t('visit') : t('view')}
                </button>
              </li>
            ))}
          </ul>
          {steer && running && (
            <button type="button" className="danger" data-testid="breakout-end" onClick={() => void desk.end()}>
              {t('bringBack')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
