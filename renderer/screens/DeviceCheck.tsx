import { useCallback, useEffect, useRef, useState } from 'react';
import { rememberChoice, rememberedChoice } from '../media/devicePrefs';
import type { MediaCall } from '../media/MediaCall';
import { loopbackCheck, type LoopbackResult } from '../media/networkCheck';
import { DEFAULT_CHOICE, useMedia } from '../media/store';
import { useMediaTranslation } from '../media/strings';
import { playTestSound } from '../media/testSound';
import { DeviceSelect } from '../media/ui/DeviceSelect';
import { LevelMeter } from '../media/ui/LevelMeter';
import { MediaGuidance } from '../media/ui/MediaGuidance';
import { useConnection } from '../state/connection';

/**
 * The device check before class: camera preview and choice, microphone level, a speaker test sound, and the network
 * (round trip to the classroom server, and a loopback connection over each network line). It runs while the class
 * is already open behind it, takes well under a minute, and a check that ends with working devices is remembered,
 * so the next class starts without it.
 */
export function DeviceCheck({ media, onDone }: { media: MediaCall; onDone: () => void }) {
  const { t } = useMediaTranslation();
  const devices = useMedia((s) => s.devices);
  const choice = useMedia((s) => s.choice);
  const problem = useMedia((s) => s.problem);
  const phase = useMedia((s) => s.phase);
  const hasCamera = useMedia((s) => s.hasCamera);
  const lines = useMedia((s) => s.lines);
  const rttMs = useConnection((s) => s.status.rttMs);
  const preview = useRef<HTMLVideoElement>(null);
  const [playing, setPlaying] = useState(false);
  const [network, setNetwork] = useState<Record<string, LoopbackResult | 'running'>>({});
  const readLevel = useCallback(() => media.localLevel(), [media]);

  // Open the devices at once: the last good choice, or the defaults.
  useEffect(() => {
    if (useMedia.getState().phase === 'idle') void media.previewDevices(rememberedChoice() ?? DEFAULT_CHOICE);
  }, [media]);

  useEffect(() => {
    const element = preview.current;
    if (element) element.srcObject = media.streamOf(media.userId);
  }, [media, hasCamera]);

  const lineKey = lines.map((l) => l.id).join(',');
  useEffect(() => {
    let cancelled = false;
    const configured = media.lineConfigs();
    if (configured.length === 0) return;
    void (async () => {
      for (const line of configured) {
        if (cancelled) return;
        setNetwork((current) => ({ ...current, [line.id]: 'running' }));
        const result = await loopbackCheck(line);
        if (!cancelled) setNetwork((current) => ({ ...current, [line.id]: result }));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [media, lineKey]);

  const change = (kind: 'audioInput' | 'videoInput', deviceId: string | null) => void media.previewDevices({ ...choice, [kind]: deviceId });
  const join = (withDevices: boolean) => {
    media.local.resumeMeter();
    if (withDevices && !problem) rememberChoice(useMedia.getState().choice);
    if (!withDevices) {
      media.setMic(false);
      void media.setCamera(false);
    }
    media.join();
    onDone();
  };
  const testSound = async () => {
    setPlaying(true);
    try {
      await playTestSound(choice.audioOutput);
    } finally {
      setPlaying(false);
    }
  };

  return (
    <section className="device-check" data-testid="device-check" aria-label={t('check.title')}>
      <header>
        <h3>{t('check.title')}</h3>
        <p className="hint">{t('check.intro')}</p>
      </header>
      <div className="device-check-grid">
        <div className="device-check-camera">
          <video ref={preview} className={hasCamera ? 'check-preview' : 'check-preview hidden'} autoPlay playsInline muted data-testid="check-preview" />
          {!hasCamera && <div className="check-preview-empty">{t('check.noCamera')}</div>}
          <DeviceSelect label={t('check.camera')} testId="check-videoInput" options={devices.videoInput} value={choice.videoInput} onChange={(id) => change('videoInput', id)} />
        </div>
        <div className="device-check-audio">
          <DeviceSelect label={t('check.microphone')} testId="check-audioInput" options={devices.audioInput} value={choice.audioInput} onChange={(id) => change('audioInput', id)} />
          <p className="hint">{t('check.level')}</p>
          <LevelMeter read={readLevel} label={t('check.microphone')} />
          <DeviceSelect label={t('check.speaker')} testId="check-audioOutput" options={devices.audioOutput} value={choice.audioOutput} onChange={(id) => media.setSpeaker(id)} />
          <button type="button" className="small" data-testid="check-play-sound" disabled={playing} onClick={() => void testSound()}>
            {playing ? t('check.playing') : t('check.playTest')}
          </button>
        </div>
        <div className="device-check-network" data-testid="check-network">
          <h4>{t('check.network')}</h4>
          <p data-testid="check-broker-rtt">{rttMs === null ? t('check.brokerUnknown') : t('check.brokerRtt', { ms: rttMs })}</p>
          <ul>
            {lines.map((line) => {
              const result = network[line.id];
              return (
                <li key={line.id} data-testid="check-line" data-line-id={line.id} data-ok={typeof result === 'object' ? result.ok : undefined}>
                  {result === undefined || result === 'running'
                    ? t('check.loopbackRunning', { line: line.label })
                    : result.ok
                      ? t('check.loopbackOk', { line: line.label, ms: result.ms, path: result.path ?? '?' })
                      : t('check.loopbackFailed', { line: line.label, reason: result.reason })}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
      {problem && <MediaGuidance problem={problem} onRetry={() => void media.previewDevices(choice)} />}
      <footer className="device-check-actions">
        <button type="button" className="primary" data-testid="device-check-join" disabled={phase === 'idle'} onClick={() => join(true)}>
          {t('check.join')}
        </button>
        {problem && (
          <button type="button" data-testid="device-check-join-without" onClick={() => join(false)}>
            {t('check.joinWithout')}
          </button>
        )}
      </footer>
    </section>
  );
}
