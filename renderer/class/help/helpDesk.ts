import type { BoardSync, Course, HelpRequest, TelemetryEvent } from '../../../shared/protocol';
import type { LinkClient } from '../../link/LinkClient';
import type { ClassCleared, ClassMessage } from '../../link/messages';
import { useConnection } from '../../state/connection';
import { buildHelpRequest } from './helpRequest';
import { useHelp, type HelpStage } from './helpStore';
import { RecentTelemetry } from './recentTelemetry';

export interface HelpAsker {
  userId: string;
  name: string;
  role: HelpRequest['from']['role'];
}

const STAGES: readonly HelpStage[] = ['fixing', 'waiting', 'supervisor', 'resolved', 'received'];

/**
 * The help button's side of a class session: it remembers the last minute of this console's telemetry and its board
 * state, sends a help request with them, and follows the request's progress from the dispatcher's notices (and, after
 * an outage, by asking the dispatcher where it stands).
 */
export class HelpDesk {
  private readonly recent = new RecentTelemetry();
  private board: BoardSync | null = null;
  private outboxId: string | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly link: LinkClient,
    private readonly classId: string,
    private readonly appVersion: string,
    private readonly device: string,
  ) {
    useHelp.setState({ current: null });
    let wasConnected = useConnection.getState().status.state === 'connected';
    this.unsubscribe = useConnection.subscribe((state) => {
      const connected = state.status.state === 'connected';
      if (connected && !wasConnected) void this.refresh();
      wasConnected = connected;
    });
  }

  noteTelemetry(events: readonly TelemetryEvent[], at: number): void {
    this.recent.add(events, at);
  }

  noteBoard(sync: BoardSync): void {
    this.board = sync;
  }

  /** Sends a help request; its progress shows in `useHelp`. */
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
    useHelp.setState({ current: { id: request.id, topic, stage: 'sending', detail: '' } });
    this.outboxId = this.link.publish(this.classId, { kind: 'help', message: request });
    return request.id;
  }

  /** The broker has the request. */
  acknowledged(ids: readonly string[]): void {
    if (this.outboxId === null || !ids.includes(this.outboxId)) return;
    this.outboxId = null;
    this.setStage('sent', (stage) => stage === 'sending');
  }

  rejected(id: string, message: string): void {
    if (id !== this.outboxId) return;
    this.outboxId = null;
    this.setStage('failed', () => true, message);
  }

  /** The dispatcher's progress notices about the current request. */
  receive(messages: readonly (ClassMessage | ClassCleared)[]): void {
    const current = useHelp.getState().current;
    if (!current) return;
    for (const m of messages) {
      if (m.kind === 'notice' && m.message.kind === 'help-progress' && m.message.ref === current.id && m.message.progress) {
        this.setStage(m.message.progress, () => true);
      }
    }
  }

  dispose(): void {
    this.unsubscribe();
    useHelp.setState({ current: null });
  }

  /** Notices sent while this console was offline are gone: ask the dispatcher instead. */
  private async refresh(): Promise<void> {
    const current = useHelp.getState().current;
    if (!current || current.stage === 'sending' || current.stage === 'failed' || current.stage === 'resolved') return;
    try {
      const result = (await this.link.request('dispatcher', 'help.status', { id: current.id })) as { progress?: unknown };
      const progress = STAGES.find((s) => s === result.progress);
      if (progress) this.setStage(progress, () => true);
    } catch {
      // The dispatcher does not answer: the last known stage stays, and the next notice updates it.
    }
  }

  private setStage(stage: HelpStage, allowed: (from: HelpStage) => boolean, detail = ''): void {
    useHelp.setState(({ current }) => (current && allowed(current.stage) ? { current: { ...current, stage, detail } } : { current }));
  }
}
