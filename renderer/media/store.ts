import { create } from 'zustand';
import type { MediaState } from '../../shared/protocol';
import type { PeerFigures, Quality } from './quality';

/** Why local media is missing or partial, for the guidance on screen. */
export interface MediaProblem {
  kind: 'denied' | 'no-device' | 'in-use' | 'unsupported' | 'failed';
  device: 'camera' | 'microphone' | 'both' | 'screen';
  /** What the browser said, for the diagnostics line. */
  detail: string;
}

export interface DeviceOption {
  deviceId: string;
  label: string;
}

/** The devices a person picked; null means the system default. */
export interface DeviceChoice {
  audioInput: string | null;
  videoInput: string | null;
  audioOutput: string | null;
}

export const DEFAULT_CHOICE: DeviceChoice = { audioInput: null, videoInput: null, audioOutput: null };

/** One remote person as the tiles show them. Serialisable: the tracks stay in the MediaCall. */
export interface PeerView {
  userId: string;
  state: RTCPeerConnectionState;
  wasConnected: boolean;
  /** They answered: a connection is being made, or is up. */
  engaged: boolean;
  hasVideo: boolean;
  hasAudio: boolean;
  figures: PeerFigures | null;
  quality: Quality;
}

export interface MediaStore {
  /**
   * idle: nothing started; preview: devices open for the check; live: in the call; elsewhere: this person's media
   * moved to a window or device they joined from later; stopped: left.
   */
  phase: 'idle' | 'preview' | 'live' | 'elsewhere' | 'stopped';
  observer: boolean;
  mode: 'p2p' | 'sfu' | null;
  lines: { id: string; label: string }[];
  lineId: string | null;
  mic: boolean;
  camera: boolean;
  screen: boolean;
  /** A microphone or camera track is open (it may be switched off). */
  hasMic: boolean;
  hasCamera: boolean;
  problem: MediaProblem | null;
  devices: { audioInput: DeviceOption[]; videoInput: DeviceOption[]; audioOutput: DeviceOption[] };
  choice: DeviceChoice;
  /** The browser can route audio to a chosen output (HTMLMediaElement.setSinkId). */
  canChooseSpeaker: boolean;
  peers: Record<string, PeerView>;
  /** What each participant says about their own media (retained MediaState). */
  remote: Record<string, MediaState>;
  /** Who is speaking now, for the highlight; the local user's id when it is them. */
  speaker: string | null;
  /** The last remedy run here and how it ended, shown as a status line. */
  remedy: { action: string; ok: boolean | null; detail: string } | null;
}

export const initialMedia = (): MediaStore => ({
  phase: 'idle',
  observer: false,
  mode: null,
  lines: [],
  lineId: null,
  mic: false,
  camera: false,
  screen: false,
  hasMic: false,
  hasCamera: false,
  problem: null,
  devices: { audioInput: [], videoInput: [], audioOutput: [] },
  choice: DEFAULT_CHOICE,
  canChooseSpeaker: false,
  peers: {},
  remote: {},
  speaker: null,
  remedy: null,
});

/** The open class's media, as descriptors. One class is open at a time. */
export const useMedia = create<MediaStore>(() => initialMedia());
