import { RpcFailure, type BreakoutMode, type BreakoutState } from '../../../shared/protocol';
import type { ClassChannel } from '../../link/channel';
import { noteBreakoutError, noteRound } from './breakoutStore';

export interface RoundPlan {
  mode: BreakoutMode;
  groups: number;
  minutes: number;
  assignment?: string[][];
  students?: string[];
}

/**
 * The breakout groups of a class, on the channel of whichever room is open (the class or one of its groups): it
 * keeps the class's retained breakout state in `useBreakouts` and sends the teacher's and students' actions to the
 * breakouts service, keeping the last refusal in words.
 */
export class BreakoutDesk {
  constructor(
    private readonly channel: ClassChannel,
    /** The class the groups belong to. */
    readonly classId: string,
  ) {}

  attach(): () => void {
    return this.channel.listen(['breakouts'], (messages) => {
      for (const m of messages) if (m.params.classId === this.classId) noteRound(m.message);
    });
  }

  start(plan: RoundPlan): Promise<BreakoutState | null> {
    return this.act(() => this.channel.request('breakouts', 'start', { classId: this.classId, ...plan }));
  }

  choose(key: string): Promise<BreakoutState | null> {
    return this.act(() => this.channel.request('breakouts', 'choose', { classId: this.classId, key }));
  }

  move(userId: string, key: string | null): Promise<BreakoutState | null> {
    return this.act(() => this.channel.request('breakouts', 'move', { classId: this.classId, userId, key }));
  }

  timer(addSeconds: number): Promise<BreakoutState | null> {
    return this.act(() => this.channel.request('breakouts', 'timer', { classId: this.classId, addSeconds }));
  }

  broadcast(text: string): Promise<BreakoutState | null> {
    return this.act(() => this.channel.request('breakouts', 'broadcast', { classId: this.classId, text }));
  }

  end(): Promise<BreakoutState | null> {
    return this.act(() => this.channel.request('breakouts', 'end', { classId: this.classId }));
  }

  private async act(run: () => Promise<BreakoutState>): Promise<BreakoutState | null> {
    try {
      const round = await run();
      noteRound(round);
      noteBreakoutError(null);
      return round;
    } catch (error) {
      if (error instanceof RpcFailure) noteBreakoutError({ code: error.remote?.code ?? error.code, detail: error.remote?.message ?? error.message });
      else noteBreakoutError({ code: 'failed', detail: String(error) });
      return null;
    }
  }
}
