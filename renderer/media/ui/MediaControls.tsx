import { useCallback } from 'react';
import type { MediaCall } from '../MediaCall';
import { useMedia } from '../store';
import { useMediaTranslation } from '../strings';
import { DeviceSelect } from './DeviceSelect';
import { LevelMeter } from './LevelMeter';

/** Mic, camera and screen-share toggles, device and speaker choice mid-class, and the network line in use. */
export function MediaControls({ media, onCheck, onShare }: { media: MediaCall; onCheck: () => void; onShare: () => void }) {
  const { t } = useMediaTranslation();
  const observer = useMedia((s) => s.observer);
  const mic = useMedia((s) => s.mic);
  const camera = useMedia((s) => s.camera);
  const screen = useMedia((s) => s.screen);
  const hasMic = useMedia((s) => s.hasMic);
  const devices = useMedia((s) => s.devices);
  const choice = useMedia((s) => s.choice);
  const canChooseSpeaker = useMedia((s) => s.canChooseSpeaker);
  const lineId = useMedia((s) => s.lineId);
  const lines = useMedia((s) => s.lines);
  const line = lines.find((l) => l.id === lineId);
  const readLevel = useCallback(() => media.localLevel(), [media]);

  return (
    <div className="media-controls" data-testid="media-controls">
      {observer ? (
        <span className="muted">{t('controls.observing')}</span>
      ) : (
        <>
          <button type="button" data-testid="mic-toggle" aria-pressed={!mic} disabled={!hasMic} onClick={() => media.setMic(!mic)}>
            {mic ? t('controls.mute') : t('controls.unmute')}
          </button>
          {mic && <LevelMeter read={readLevel} label={t('controls.microphone')} />}
          <button type="button" data-testid="camera-toggle" aria-pressed={!camera} onClick={() => void media.setCamera(!camera)}>
            {camera ? t('controls.cameraOff') : t('controls.cameraOn')}
          </button>
          <button type="button" data-testid="share-toggle" aria-pressed={screen} onClick={() => (screen ? media.stopSharing() : onShare())}>
            {screen ? t('controls.stopShare') : t('controls.share')}
          </button>
        </>
      )}
      <details className="media-devices">
        <summary data-testid="devices-toggle">{t('controls.devices')}</summary>
        <div className="media-devices-body">
          {!observer && (
            <>
              <DeviceSelect label={t('controls.microphone')} testId="device-audioInput" options={devices.audioInput} value={choice.audioInput} onChange={(id) => void media.useDevice('audioInput', id)} />
              <DeviceSelect label={t('controls.camera')} testId="device-videoInput" options={devices.videoInput} value={choice.videoInput} onChange={(id) => void media.useDevice('videoInput', id)} />
            </>
          )}
          {canChooseSpeaker ? (
            <DeviceSelect label={t('controls.speaker')} testId="device-audioOutput" options={devices.audioOutput} value={choice.audioOutput} onChange={(id) => media.setSpeaker(id)} />
          ) : (
            <p className="muted">{t('controls.speakerFixed')}</p>
          )}
          {!observer && (
            <button type="button" className="small" data-testid="device-check-open" onClick={onCheck}>
              {t('check.again')}
            </button>
          )}
        </div>
      </details>
      {line && (
        <span className="muted media-line" data-testid="media-line" data-line-id={line.id}>
          {t('controls.line', { line: line.label })}
        </span>
      )}
    </div>
  );
}
