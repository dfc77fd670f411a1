import { create } from 'zustand';

/** The replay screen's state: where the replay is and whether it plays. Small, and set only by the player. */
export const useReplay = create<{ at: number; playing: boolean; speed: number }>(() => ({ at: 0, playing: false, speed: 1 }));

export function setReplayPosition(at: number): void {
  useReplay.setState({ at });
}

export function setReplayPlaying(playing: boolean): void {
  useReplay.setState({ playing });
}

export function setReplaySpeed(speed: number): void {
  useReplay.setState({ speed });
}

export function resetReplay(at: number): void {
  useReplay.setState({ at, playing: false, speed: 1 });
}
