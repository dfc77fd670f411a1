import { RpcFailure, type PollDraft, type QuestionAnswer } from '../../../shared/protocol';
import type { ClassChannel } from '../../link/channel';
import { emptyPolls, noteError, notePolls, noteReceipts, noteTallies, usePolls } from './pollStore';

/**
 * The polls of an open class, on the class's channel: it keeps what the poll service publishes (polls, the
 * teacher's tallies, this student's receipts) in `usePolls`, and sends the teacher's and the student's actions to the
 * service as requests, whose refusals it keeps beside the poll they are about.
 */
export class PollDesk {
  constructor(private readonly channel: ClassChannel) {}

  /** Starts keeping the class's polls in `usePolls`; returns the stop, which empties the store. */
  attach(): () => void {
    usePolls.setState(emptyPolls());
    const unsubscribe = this.channel.listen(['poll', 'pollTally', 'pollReceipt'], (messages) => {
      notePolls(messages.flatMap((m) => (m.kind === 'poll' ? [m.message] : [])));
      noteTallies(messages.flatMap((m) => (m.kind === 'pollTally' ? [m.message] : [])));
      noteReceipts(messages.flatMap((m) => (m.kind === 'pollReceipt' ? [m.message] : [])));
    });
    return () => {
      unsubscribe();
      usePolls.setState(emptyPolls());
    };
  }

  /** Launches a poll; resolves with its id, or null when the service refused it (the reason is in `errors['']`). */
  async launch(draft: PollDraft): Promise<string | null> {
    const id = crypto.randomUUID();
    return this.act('', async () => {
      notePolls([await this.channel.request('polls', 'launch', { classId: this.channel.classId, id, draft })]);
      return id;
    });
  }

  close(pollId: string): Promise<unknown> {
    return this.act(pollId, async () => notePolls([await this.channel.request('polls', 'close', { classId: this.channel.classId, pollId })]));
  }

  show(pollId: string, shown: boolean): Promise<unknown> {
    return this.act(pollId, async () => notePolls([await this.channel.request('polls', 'show', { classId: this.channel.classId, pollId, shown })]));
  }

  /** Sends this student's answers; resolves true once the service recorded them. */
  async answer(pollId: string, answers: QuestionAnswer[]): Promise<boolean> {
    const done = await this.act(pollId, async () => {
      await this.channel.request('polls', 'answer', { classId: this.channel.classId, pollId, answers });
      return true;
    });
    return done === true;
  }

  /** The class's kept polls with their tallies (after a reload, or for the export). */
  async refresh(): Promise<void> {
    await this.act('', async () => {
      const { polls } = await this.channel.request('polls', 'list', { classId: this.channel.classId });
      notePolls(polls.map((p) => p.poll));
      noteTallies(polls.map((p) => p.tally));
    });
  }

  private async act<T>(pollId: string, run: () => Promise<T>): Promise<T | null> {
    try {
      const result = await run();
      noteError(pollId, null);
      return result;
    } catch (error) {
      if (error instanceof RpcFailure) noteError(pollId, { code: error.remote?.code ?? error.code, detail: error.remote?.message ?? error.message });
      else noteError(pollId, { code: 'failed', detail: String(error) });
      return null;
    }
  }
}
