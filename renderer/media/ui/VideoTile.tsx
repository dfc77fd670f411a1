import { useCallback, useEffect, useRef, useState } from 'react';
import { tileLink } from '../linkState';
import type { MediaCall } from '../MediaCall';
import { useMedia } from '../store';
import { useMediaTranslation } from '../strings';
import { LevelMeter } from './LevelMeter';
import { QualityBadge, QualityDetails } from './QualityBadge';

interface VideoTileProps {
  media: MediaCall;
  userId: string;
  name: string;
  /** This console's own tile: its preview, never played back, mirrored like a mirror. */
  self: boolean;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/**
 * One person's video with their state: speaking, microphone and camera off, screen sharing, the connection and its
 * quality. The tracks come from the MediaCall by ref; the store only says what to show.
 */
export function VideoTile({ media, userId, name, self }: VideoTileProps) {
  const { t } = useMediaTranslation();
  const peer = useMedia((s) => s.peers[userId]);
  const remote = useMedia((s) => s.remote[userId]);
  const speaking = useMedia((s) => s.speaker === userId);
  const ownMic = useMedia((s) => s.mic);
  const ownCamera = useMedia((s) => s.camera);
  const ownScreen = useMedia((s) => s.screen);
  const lineId = useMedia((s) => s.lineId);
  const video = useRef<HTMLVideoElement>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const [details, setDetails] = useState(false);

  const mic = self ? ownMic : (remote?.mic ?? false);
  // Someone who never started media has no state to show but that.
  const known = self || remote !== undefined;
  const screen = self ? ownScreen : (remote?.screen ?? false);
  const showsVideo = self ? ownCamera || ownScreen : Boolean(peer?.hasVideo) && (remote ? remote.camera || remote.screen : true);
  const link = self ? 'connected' : tileLink(peer?.engaged ? { state: peer.state, wasConnected: peer.wasConnected } : undefined, remote);
  // A new connection to this person brings a new stream; the state change that comes with it re-renders the tile.
  const stream = media.streamOf(userId);

  useEffect(() => {
    const element = video.current;
    if (element && element.srcObject !== stream) element.srcObject = stream;
  }, [stream, showsVideo]);

  useEffect(() => {
    const element = audio.current;
    if (self || !element || !stream) return;
    return media.attachAudio(userId, element);
  }, [media, userId, self, stream]);

  const readLevel = useCallback(() => media.localLevel(), [media]);

  return (
    <figure
      className={`video-tile${speaking ? ' speaking' : ''}${self ? ' self' : ''}`}
      data-testid="video-tile"
      data-user-id={userId}
      data-self={self}
      data-link={link}
      data-mic={mic ? 'on' : 'off'}
      data-camera={showsVideo ? 'on' : 'off'}
      data-screen={screen}
      data-speaking={speaking}
    >
      <video ref={video} className={showsVideo ? 'tile-video' : 'tile-video hidden'} autoPlay playsInline muted data-testid="tile-video" />
      {!self && <audio ref={audio} autoPlay data-testid="tile-audio" />}
      {!showsVideo && (
        <div className="tile-placeholder" aria-hidden="true">
          {initials(name) || '?'}
        </div>
      )}
      <figcaption className="tile-caption">
        <span className="tile-name">{self ? t('you', { name }) : name}</span>
        {known && !mic && (
          <span className="tile-flag" data-testid="tile-mic-off" title={t('tile.micOff')}>
            {t('tile.micOff')}
          </span>
        )}
        {known && !showsVideo && (
          <span className="tile-flag" data-testid="tile-camera-off">
            {t('tile.cameraOff')}
          </span>
        )}
        {screen && <span className="tile-flag screen">{t('tile.screen')}</span>}
        {speaking && <span className="visually-hidden">{t('tile.speaking')}</span>}
        {!self && <QualityBadge quality={peer?.quality ?? 'none'} open={details} onToggle={() => setDetails((open) => !open)} />}
      </figcaption>
      {!self && details && <QualityDetails quality={peer?.quality ?? 'none'} figures={peer?.figures ?? null} lineId={lineId} onClose={() => setDetails(false)} />}
      {self && mic && <LevelMeter read={readLevel} label={t('check.microphone')} />}
      {!self && link !== 'connected' && (
        <div className={`tile-link link-${link}`} data-testid="tile-link" role="status">
          {!remote && !peer?.engaged ? t('tile.noMedia') : t(`tile.link.${link}`)}
        </div>
      )}
    </figure>
  );
}
