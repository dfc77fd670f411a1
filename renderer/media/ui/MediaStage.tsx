import { useEffect, useState } from 'react';
import type { OpenClass } from '../../class/OpenClass';
import { useClassroom } from '../../class/store';
import type { PersonRole } from '../../link/messages';
import { DeviceCheck } from '../../screens/DeviceCheck';
import { rememberedChoice } from '../devicePrefs';
import type { MediaCall } from '../MediaCall';
import { useMedia } from '../store';
import { useMediaTranslation } from '../strings';
import { useMediaCall } from '../useMediaCall';
import { MediaControls } from './MediaControls';
import { MediaGuidance } from './MediaGuidance';
import { ScreenPicker } from './ScreenPicker';
import { VideoTile } from './VideoTile';
import '../media.css';

interface MediaStageProps {
  openClass: OpenClass;
  userId: string;
  name: string;
  role: PersonRole;
  observer: boolean;
}

/**
 * The class's audio and video: the device check before joining (unless a good check is remembered), a tile per
 * person this console exchanges media with, the controls, and guidance when devices are missing or blocked.
 */
export function MediaStage({ openClass, userId, name, role, observer }: MediaStageProps) {
  const { t } = useMediaTranslation();
  const media = useMediaCall(openClass, userId, role, observer);
  const [checking, setChecking] = useState(() => !observer && rememberedChoice() === null);
  const [picking, setPicking] = useState(false);
  const phase = useMedia((s) => s.phase);
  const mode = useMedia((s) => s.mode);
  const problem = useMedia((s) => s.problem);
  const remedy = useMedia((s) => s.remedy);
  const roster = useClassroom((s) => s.roster);

  // A remembered good check: straight into the call with those devices.
  useEffect(() => {
    if (observer || checking || useMedia.getState().phase !== 'idle') return;
    const remembered = rememberedChoice();
    if (remembered) void media.start(remembered);
  }, [media, observer, checking]);

  const others = [...roster.values()]
    .filter((person) => person.online && person.userId !== userId && (person.role === 'teacher' || person.role === 'student'))
    .filter((person) => observer || mode === 'sfu' || (role === 'teacher' ? person.role === 'student' : person.role === 'teacher'))
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'teacher' ? -1 : 1));

  return (
    <section className="media-stage" data-testid="media-stage" data-phase={phase} data-mode={mode ?? ''} aria-label={t('stage')}>
      {checking && <DeviceCheck media={media} onDone={() => setChecking(false)} />}
      {phase === 'elsewhere' && (
        <div className="banner media-elsewhere" role="status" data-testid="media-elsewhere">
          <p>{t('elsewhere.text')}</p>
          <button type="button" data-testid="media-take-back" onClick={() => void media.takeBack()}>
            {t('elsewhere.takeBack')}
          </button>
        </div>
      )}
      {!checking && problem && <MediaGuidance problem={problem} onRetry={() => void media.previewDevices(useMedia.getState().choice)} />}
      <div className="media-tiles">
        {!observer && <VideoTile media={media} userId={userId} name={name} self />}
        {others.map((person) => (
          <VideoTile key={person.userId} media={media} userId={person.userId} name={person.name} self={false} />
        ))}
      </div>
      {phase !== 'elsewhere' && <MediaControls media={media} onCheck={() => setChecking(true)} onShare={() => share(media, setPicking)} />}
      {picking && window.desktop && (
        <ScreenPicker
          desktop={window.desktop}
          onChosen={() => {
            setPicking(false);
            void media.shareScreen();
          }}
          onCancel={() => setPicking(false)}
        />
      )}
      {remedy && (
        <p className={`media-remedy${remedy.ok === false ? ' failed' : ''}`} role="status" data-testid="media-remedy" data-ok={remedy.ok === null ? 'pending' : String(remedy.ok)}>
          {remedy.ok === null
            ? t('remedy.running', { action: t(`remedy.action.${remedy.action === 'switch-line' ? 'switch-line' : 'restart-media'}`) })
            : remedy.ok
              ? t('remedy.ok', { detail: remedy.detail })
              : t('remedy.failed', { detail: remedy.detail })}
        </p>
      )}
    </section>
  );
}

/** In the desktop app the console's own picker comes first (Electron has none); a browser shows its own. */
function share(media: MediaCall, setPicking: (open: boolean) => void): void {
  if (window.desktop?.screen) setPicking(true);
  else void media.shareScreen();
}
