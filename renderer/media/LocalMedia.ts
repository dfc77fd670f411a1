import type { DeviceChoice, DeviceOption, MediaProblem } from './store';

export interface OutgoingTracks {
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
}

export interface AcquireResult {
  problem: MediaProblem | null;
}

/** What getUserMedia's failure means for a person: denied, nothing there, busy, or something else. */
export function problemOf(error: unknown, device: MediaProblem['device']): MediaProblem {
  const name = (error as { name?: string })?.name ?? '';
  const detail = `${name}${(error as Error)?.message ? `: ${(error as Error).message}` : ''}`.slice(0, 300) || String(error);
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return { kind: 'denied', device, detail };
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return { kind: 'no-device', device, detail };
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return { kind: 'in-use', device, detail };
  if (name === 'TypeError' || name === 'NotSupportedError') return { kind: 'unsupported', device, detail };
  return { kind: 'failed', device, detail };
}

const VIDEO_CONSTRAINTS = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24, max: 30 } };

/**
 * The camera, microphone and screen of this participant: it opens and closes devices, switches between them, and
 * says which tracks go out. Switching off the microphone keeps its track (silence goes out, and it comes back at
 * once); switching off the camera releases it, so its light goes off.
 */
export class LocalMedia {
  private audio: MediaStreamTrack | null = null;
  private camera: MediaStreamTrack | null = null;
  private screen: MediaStreamTrack | null = null;
  private micOn = true;
  private cameraOn = true;
  private choice: DeviceChoice = { audioInput: null, videoInput: null, audioOutput: null };
  private meter: { context: AudioContext; analyser: AnalyserNode; source: MediaStreamAudioSourceNode; buffer: Float32Array<ArrayBuffer> } | null = null;
  private readonly listeners = new Set<() => void>();

  get devices(): DeviceChoice {
    return { ...this.choice };
  }

  get micEnabled(): boolean {
    return this.micOn && this.audio !== null;
  }

  get cameraEnabled(): boolean {
    return this.cameraOn && this.camera !== null;
  }

  get sharing(): boolean {
    return this.screen !== null;
  }

  get hasMic(): boolean {
    return this.audio !== null;
  }

  get hasCamera(): boolean {
    return this.camera !== null;
  }

  /** The camera's track for the local preview (not the screen). */
  get cameraTrack(): MediaStreamTrack | null {
    return this.camera;
  }

  /** What goes to the others: the microphone, and the screen while sharing, else the camera. */
  outgoing(): OutgoingTracks {
    return { audio: this.audio, video: this.screen ?? (this.cameraOn ? this.camera : null) };
  }

  /** Calls back when the outgoing tracks or their state change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Opens the chosen microphone and camera. Both are asked for together (one permission prompt); when that fails,
   * each is tried alone, so a missing camera still leaves the microphone working. Returns what could not be opened.
   */
  async acquire(choice: DeviceChoice): Promise<AcquireResult> {
    this.choice = { ...choice };
    if (!navigator.mediaDevices?.getUserMedia) {
      return { problem: { kind: 'unsupported', device: 'both', detail: 'navigator.mediaDevices is not available (an insecure page?)' } };
    }
    this.releaseDevices();
    let problem: MediaProblem | null = null;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: this.audioConstraints(), video: this.videoConstraints() });
      this.adopt(stream);
    } catch (both) {
      const [audio, video] = await Promise.allSettled([
        navigator.mediaDevices.getUserMedia({ audio: this.audioConstraints() }),
        navigator.mediaDevices.getUserMedia({ video: this.videoConstraints() }),
      ]);
      if (audio.status === 'fulfilled') this.adopt(audio.value);
      if (video.status === 'fulfilled') this.adopt(video.value);
      if (audio.status === 'rejected' && video.status === 'rejected') problem = problemOf(both, 'both');
      else if (audio.status === 'rejected') problem = problemOf(audio.reason, 'microphone');
      else if (video.status === 'rejected') problem = problemOf(video.reason, 'camera');
    }
    // A remembered device that is gone: the system default is the next best thing.
    if (problem?.kind === 'no-device' && (choice.audioInput || choice.videoInput)) {
      return this.acquire({ ...choice, audioInput: null, videoInput: null });
    }
    this.changed();
    return { problem };
  }

  setMic(on: boolean): void {
    this.micOn = on;
    if (this.audio) this.audio.enabled = on;
    this.changed();
  }

  /** Switching the camera on opens it again (it was released); a failure comes back as the problem. */
  async setCamera(on: boolean): Promise<MediaProblem | null> {
    this.cameraOn = on;
    if (!on) {
      this.camera?.stop();
      this.camera = null;
      this.changed();
      return null;
    }
    if (this.camera) return null;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: this.videoConstraints() });
      this.adopt(stream);
      return null;
    } catch (error) {
      this.cameraOn = false;
      return problemOf(error, 'camera');
    } finally {
      this.changed();
    }
  }

  /** Switches to another microphone or camera mid-class; the new track replaces the old one on every connection. */
  async useDevice(kind: 'audioInput' | 'videoInput', deviceId: string | null): Promise<MediaProblem | null> {
    this.choice = { ...this.choice, [kind]: deviceId };
    const audio = kind === 'audioInput';
    if (!audio && !this.cameraOn) {
      this.changed();
      return null;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia(audio ? { audio: this.audioConstraints() } : { video: this.videoConstraints() });
      const previous = audio ? this.audio : this.camera;
      this.adopt(stream);
      previous?.stop();
      return null;
    } catch (error) {
      return problemOf(error, audio ? 'microphone' : 'camera');
    } finally {
      this.changed();
    }
  }

  setSpeaker(deviceId: string | null): void {
    this.choice = { ...this.choice, audioOutput: deviceId };
  }

  /** Shares a screen instead of the camera until the share ends (by the person or the system). */
  async shareScreen(): Promise<MediaProblem | null> {
    if (!navigator.mediaDevices?.getDisplayMedia) return { kind: 'unsupported', device: 'screen', detail: 'getDisplayMedia is not available' };
    try {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 10, max: 15 } }, audio: false });
      const track = stream.getVideoTracks()[0];
      if (!track) return { kind: 'failed', device: 'screen', detail: 'the capture has no video' };
      track.contentHint = 'detail';
      track.addEventListener('ended', () => {
        if (this.screen === track) this.stopSharing();
      });
      this.screen?.stop();
      this.screen = track;
      this.changed();
      return null;
    } catch (error) {
      return problemOf(error, 'screen');
    }
  }

  stopSharing(): void {
    this.screen?.stop();
    this.screen = null;
    this.changed();
  }

  /** The microphone's level now, 0..1 (RMS of the last few milliseconds). */
  level(): number {
    const meter = this.meter;
    if (!meter || !this.micOn) return 0;
    meter.analyser.getFloatTimeDomainData(meter.buffer);
    let sum = 0;
    for (const sample of meter.buffer) sum += sample * sample;
    return Math.min(1, Math.sqrt(sum / meter.buffer.length) * 2);
  }

  /** Audio contexts may start suspended until the person interacts; call this from a click. */
  resumeMeter(): void {
    void this.meter?.context.resume().catch(() => undefined);
  }

  /** The devices this browser offers; labels appear once a permission was granted. */
  static async list(): Promise<{ audioInput: DeviceOption[]; videoInput: DeviceOption[]; audioOutput: DeviceOption[] }> {
    const all = (await navigator.mediaDevices?.enumerateDevices?.().catch(() => [])) ?? [];
    const pick = (kind: MediaDeviceKind) =>
      all.filter((d) => d.kind === kind && d.deviceId !== '').map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
    return { audioInput: pick('audioinput'), videoInput: pick('videoinput'), audioOutput: pick('audiooutput') };
  }

  /** Closes the devices and any screen share; listeners stay, for devices opened again. */
  release(): void {
    this.releaseDevices();
    this.screen?.stop();
    this.screen = null;
  }

  stop(): void {
    this.release();
    this.listeners.clear();
  }

  private adopt(stream: MediaStream): void {
    const audio = stream.getAudioTracks()[0];
    const video = stream.getVideoTracks()[0];
    if (audio) {
      audio.enabled = this.micOn;
      this.audio = audio;
      this.watchMeter(audio);
    }
    if (video) {
      video.contentHint = 'motion';
      this.camera = video;
    }
  }

  private watchMeter(track: MediaStreamTrack): void {
    try {
      const context = this.meter?.context ?? new AudioContext();
      this.meter?.source.disconnect();
      const source = context.createMediaStreamSource(new MediaStream([track]));
      const analyser = this.meter?.analyser ?? context.createAnalyser();
      // About 170 ms at 48 kHz: long enough that a short syllable read a little late still counts.
      analyser.fftSize = 8192;
      source.connect(analyser);
      this.meter = { context, analyser, source, buffer: new Float32Array(new ArrayBuffer(analyser.fftSize * 4)) };
    } catch {
      this.meter = null;
    }
  }

  private releaseDevices(): void {
    this.audio?.stop();
    this.camera?.stop();
    this.audio = null;
    this.camera = null;
    this.meter?.source.disconnect();
    void this.meter?.context.close().catch(() => undefined);
    this.meter = null;
  }

  private audioConstraints(): MediaTrackConstraints {
    const base = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
    return this.choice.audioInput ? { ...base, deviceId: { exact: this.choice.audioInput } } : base;
  }

  private videoConstraints(): MediaTrackConstraints {
    return this.choice.videoInput ? { ...VIDEO_CONSTRAINTS, deviceId: { exact: this.choice.videoInput } } : VIDEO_CONSTRAINTS;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
