import { RpcFailure, type BoardSync, type Course, type HelpOutcome, type HelpRequest, type TelemetryEvent } from '../../../shared/protocol';
import type { ClassChannel, ClassMessageOf } from '../../link/channel';
import { addNote } from '../../state/diagnostics';
import { buildHelpRequest } from './helpRequest';
import { useHelpRequest, type HelpStage } from './helpStore';
import { RecentTelemetry } from './recentTelemetry';

export interface HelpAsker {
  userId: string;
  name: string;
  role: HelpRequest['from']['role'];
}

/**
 * The help button's side of an open class, on the class's channel: it remembers the last minute of this console's telemetry and its board
 * state, sends a help request with them, and follows the request's progress from the dispatcher's notices (and, after
 * an outage, by asking the dispatcher where it stands).
 */
export class HelpDesk {
  private readonly recent = new RecentTelemetry();
  private board: BoardSync | null = null;
  private outboxId: string | null = null;
  private readonly unsubscribers: (() => void)[];

  constructor(
    private readonly channel: ClassChannel,
    private readonly appVersion: string,
    private readonly device: string,
  ) {
    useHelpRequest.setState({ current: null });
    let wasConnected: boolean | null = null;
    this.unsubscribers = [
      channel.listen(['notice'], (notices) => this.receive(notices)),
      channel.onSettled(({ acknowledged, rejected }) => {
        this.acknowledged(acknowledged);
        for (const { id, message } of rejected) this.rejected(id, message);
      }),
      channel.onConnected((connected) => {
        if (connected && wasConnected === false) void this.refresh();
        wasConnected = connected;
      }),
    ];
  }

  noteTelemetry(events: readonly TelemetryEvent[], at: number): void {
    this.recent.add(events, at);
  }

  noteBoard(sync: BoardSync): void {
    this.board = sync;
  }

  /** Sends a help request; its progress shows in `useHelpRequest`. */
  send(asker: HelpAsker, topic: HelpRequest['topic'], text: string, course: Course | null): string {
    const now = Date.now();
    const request = buildHelpRequest({
      id: crypto.randomUUID(),
      from: { id: asker.userId, name: asker.name, role: asker.role },
      topic,
      text,
      appVersion: this.appVersion,
      device: this.device,
      stats: this.recent.last(now),
      coursePageId: course?.current ?? null,
      board: this.board,
      now,
    });
    useHelpRequest.setState({ current: { id: request.id, topic, stage: 'sending', detail: '' } });
    this.outboxId = this.channel.publish({ kind: 'help', message: request });
    return request.id;
  }

  /** The broker has the request. */
  private acknowledged(ids: readonly string[]): void {
    if (this.outboxId === null || !ids.includes(this.outboxId)) return;
    this.outboxId = null;
    this.setStage('sent', (stage) => stage === 'sending');
  }

  private rejected(id: string, message: string): void {
    if (id !== this.outboxId) return;
    this.outboxId = null;
    this.setStage('failed', () => true, message);
  }

  /** The dispatcher's progress notices about the current request. */
  private receive(messages: readonly ClassMessageOf<'notice'>[]): void {
    const current = useHelpRequest.getState().current;
    if (!current) return;
    for (const m of messages) {
      if (m.message.kind === 'help-progress' && m.message.ref === current.id && m.message.progress) {
        this.setStage(m.message.progress, () => true, '', m.message.outcome);
      }
    }
  }

  dispose(): void {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    useHelpRequest.setState({ current: null });
  }

  /** Notices sent while this console was offline are gone: ask the dispatcher instead. */
  private async refresh(): Promise<void> {
    const current = useHelpRequest.getState().current;
    if (!current || current.stage === 'sending' || current.stage === 'failed' || current.stage === 'resolved') return;
    try {
      const { progress, outcome } = await this.channel.request('dispatcher', 'help.status', { id: current.id });
      this.setStage(progress, () => true, '', outcome);
    } catch (error) {
      // The dispatcher does not answer: the last known stage stays, and the next notice updates it. An answer that is
      // not a status is a fault worth seeing.
      if (error instanceof RpcFailure && error.code === 'invalid-response') {
        addNote({ at: Date.now(), level: 'warning', text: `the help request's status could not be read: ${error.message}` });
      }
    }
  }

  private setStage(stage: HelpStage, allowed: (from: HelpStage) => boolean, detail = '', outcome?: HelpOutcome): void {
    useHelpRequest.setState(({ current }) => (current && allowed(current.stage) ? { current: { ...current, stage, detail, outcome } } : { current }));
  }
}
