import {
  BoardSnapshot,
  type BoardLive,
  type BoardOps,
  type BoardSync,
  type Command,
  type Course,
  type CoursePage,
  type Laser,
  type Room,
  type TelemetryEvent,
} from '../../shared/protocol';
import type { HelpRequest } from '../../shared/protocol';
import type { BoardInbox, BoardParticipant, BoardTransport, CoursewareControl, CoursewareSource } from '../board/contract';
import type { LinkClient } from '../link/LinkClient';
import type { ClassCleared, ClassMessage, ConnectionStatus } from '../link/messages';
import { readToken } from '../session/token';
import { useConnection } from '../state/connection';
import { applyClassTraffic } from './classroom';
import { initialClassroom, useClassroom, type OutgoingChat } from './store';
import { APP_VERSION } from './appVersion';
import { TelemetryBatcher } from './telemetry';
import { EntryTelemetry } from './telemetryEntry';
import { BoardLagWatch } from './telemetryLag';
import { RoomEdits, type RoomChange } from './roomEdits';
import { HelpDesk } from './help/helpDesk';
import type { UploadTarget } from './upload/uploadAsset';

type BoardMessage = Extract<ClassMessage, { kind: 'boardOps' | 'boardLive' | 'laser' | 'boardSnapshot' }>;

/** Board messages kept while the board is still loading; beyond this the board resyncs from the snapshot anyway. */
const MAX_EARLY_BOARD_MESSAGES = 5_000;
export const CHAT_TIMEOUT_MS = 5_000;
/** How often a board still behind its peers reports how long it has been. */
const LAG_TICK_MS = 5_000;

export interface SessionEndpoints {
  /** '' for the page's own origin. */
  httpBase: string;
  token(): string;
}

export interface ChatSendResult {
  status: 'delivered' | 'replaced' | 'rejected';
  text: string;
  reason?: string;
}

/**
 * One open class, outside React: it joins the class through the link, keeps the classroom stores current, feeds the
 * board, and carries the board's traffic (BoardTransport) and courseware downloads (CoursewareSource).
 */
/** The class's audio and video, as far as commands go: the media remedies (renderer/media/MediaSession). */
export interface MediaRemedies {
  remedy(command: Command): Promise<{ ok: boolean; detail: string }>;
}

export class ClassSession implements BoardTransport, CoursewareSource {
  private inbox: BoardInbox | null = null;
  private media: MediaRemedies | null = null;
  private early: BoardMessage[] = [];
  private readonly unsubscribers: (() => void)[] = [];
  private readonly telemetry: TelemetryBatcher;
  private courseware: CoursewareControl | null = null;
  /** The help button's side; observers ask nobody for help. */
  private help: HelpDesk | null = null;
  /** Observers publish nothing, so they measure no entry either. */
  private entry: EntryTelemetry | null = null;
  private lag: BoardLagWatch | null = null;
  private roomEdits: RoomEdits | null = null;
  private lagTicker: ReturnType<typeof setInterval> | undefined;
  private inClass = false;
  private wasConnected = true;
  private stopped = false;

  constructor(
    private readonly link: LinkClient,
    readonly classId: string,
    readonly participant: BoardParticipant,
    private readonly endpoints: SessionEndpoints,
    private readonly device = describeDevice(),
  ) {
    // Held until the class's traffic arrives: telemetry is QoS 0, and the link may still be moving into the class.
    this.telemetry = new TelemetryBatcher(
      (events) => {
        this.help?.noteTelemetry(events, Date.now());
        if (participant.observer) return;
        // The id lets the tagger count a redelivered batch once.
        this.link.fire(classId, { kind: 'telemetry', message: { v: 1, id: crypto.randomUUID(), at: Date.now(), events } });
      },
      { held: true },
    );
  }

  start(): void {
    this.stopped = false;
    this.inClass = false;
    this.telemetry.hold();
    useClassroom.setState(initialClassroom(this.classId));
    if (!this.participant.observer) this.help = new HelpDesk(this.link, this.classId, APP_VERSION, this.device);
    if (!this.participant.observer) {
      this.entry = new EntryTelemetry((event) => this.telemetry.add(event), () => useClassroom.getState().course);
      const token = this.endpoints.token();
      const expiresAt = token ? readToken(token).expiresAt : null;
      if (token && (expiresAt === null || expiresAt > Date.now())) this.entry.tokenHeld();
      this.lag = new BoardLagWatch((event) => this.telemetry.add(event));
      this.lagTicker = setInterval(() => this.lag?.tick(), LAG_TICK_MS);
    }
    this.roomEdits = new RoomEdits(() => useClassroom.getState().room, (room) => this.publishRoom(room), this.participant.userId);
    this.unsubscribers.push(
      this.link.onClassTraffic((messages) => this.receive(messages)),
      this.link.onAcknowledged((ids) => this.inbox?.acknowledged(ids)),
      this.link.onRejected((id) => this.inbox?.acknowledged([id])),
      this.link.onAcknowledged((ids) => this.help?.acknowledged(ids)),
      this.link.onRejected((id, message) => this.help?.rejected(id, message)),
      useConnection.subscribe((state) => this.onConnection(state.status)),
    );
    this.link.join(this.classId, {
      observer: this.participant.observer,
      device: this.device,
      appVersion: APP_VERSION,
    });
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.telemetry.flush();
    this.telemetry.dispose();
    this.entry = null;
    this.roomEdits?.dispose();
    this.roomEdits = null;
    clearInterval(this.lagTicker);
    this.lag = null;
    this.help?.dispose();
    this.help = null;
    this.courseware = null;
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.link.leave(this.classId);
    this.inbox = null;
    this.early = [];
    useClassroom.setState(initialClassroom());
  }

  /** The board is ready: everything that arrived while it loaded goes to it first, then the current course and room. */
  attachInbox(inbox: BoardInbox): void {
    this.inbox = inbox;
    const { course, room } = useClassroom.getState();
    if (course) inbox.setCourse(course);
    if (room) inbox.setRoom(room);
    const early = this.early;
    this.early = [];
    for (const message of early) inbox.receive(message);
  }

  // ---- BoardTransport --------------------------------------------------------------------------------------------

  sendOps(message: BoardOps): string {
    return this.link.publish(this.classId, { kind: 'boardOps', message });
  }

  sendLive(message: BoardLive): void {
    if (!this.participant.observer) this.link.fire(this.classId, { kind: 'boardLive', message });
  }

  sendLaser(message: Laser): void {
    if (!this.participant.observer) this.link.fire(this.classId, { kind: 'laser', message });
  }

  sendSync(message: BoardSync): void {
    this.lag?.ownSync(message);
    this.help?.noteBoard(message);
    if (!this.participant.observer) this.link.publish(this.classId, { kind: 'boardSync', message });
  }

  sendTelemetry(events: TelemetryEvent[]): void {
    for (const event of events) {
      if (event.type === 'courseware') this.entry?.coursewareSettled(event);
      this.telemetry.add(event);
    }
  }

  /** The board could not be loaded or mounted. */
  boardFailed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.telemetry.add({ type: 'init', component: 'board', ok: false, error: message.slice(0, 300) || 'unknown error' });
  }

  async requestSnapshot(pageId: string): Promise<BoardSnapshot> {
    const result = await this.link.request('board', 'snapshot', { classId: this.classId, pageId });
    const parsed = BoardSnapshot.safeParse(result);
    if (!parsed.success) throw new Error(`the board service sent a malformed snapshot of ${pageId}`);
    this.entry?.snapshotLoaded();
    return parsed.data;
  }

  // ---- CoursewareSource ------------------------------------------------------------------------------------------

  async fetchAsset(assetId: string, onProgress?: (fraction: number) => void): Promise<ArrayBuffer> {
    const url = `${this.endpoints.httpBase}/api/classes/${encodeURIComponent(this.classId)}/assets/${encodeURIComponent(assetId)}`;
    let response: Response;
    try {
      response = await fetch(url, { headers: { authorization: `Bearer ${this.endpoints.token()}` } });
    } catch (error) {
      throw new Error(`courseware ${assetId} could not be downloaded: ${(error as Error).message || 'network error'}`, { cause: error });
    }
    if (!response.ok) throw new Error(`courseware ${assetId} could not be downloaded (HTTP ${response.status})`);
    const total = Number(response.headers.get('content-length')) || 0;
    if (!response.body || !onProgress || total === 0) return response.arrayBuffer();
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress(Math.min(1, received / total));
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes.buffer;
  }

  /** Where the teacher's courseware uploads go: this class's asset store, with the session's current token. */
  assetUploadTarget(): UploadTarget {
    return { url: `${this.endpoints.httpBase}/api/classes/${encodeURIComponent(this.classId)}/assets`, token: this.endpoints.token() };
  }

  // ---- classroom actions -----------------------------------------------------------------------------------------

  /** Publishes a new course (teacher): the version is one above the newest known, so every receiver keeps it. */
  setCourse(pages: CoursePage[], current: string): void {
    const previous = useClassroom.getState().course;
    const course: Course = { v: 1, version: (previous?.version ?? 0) + 1, pages, current, by: this.participant.userId, ts: Date.now() };
    useClassroom.setState({ course });
    this.inbox?.setCourse(course);
    this.link.publish(this.classId, { kind: 'course', message: course });
  }

  /** Publishes a changed room (teacher): drawing rights, mutes, stars, removals, timers. */
  updateRoom(change: RoomChange): void {
    this.roomEdits?.edit(change);
  }

  private publishRoom(room: Room): void {
    useClassroom.setState({ room });
    this.inbox?.setRoom(room);
    this.link.publish(this.classId, { kind: 'room', message: room });
  }

  /** The help button: sends a help request with this console's diagnostics; its progress shows in `useHelp`. */
  requestHelp(topic: HelpRequest['topic'], text: string, name: string): string {
    if (!this.help || this.participant.role === 'supervisor') throw new Error('observers do not ask for help');
    return this.help.send({ userId: this.participant.userId, name, role: this.participant.role }, topic, text, useClassroom.getState().course);
  }

  raiseHand(raised: boolean): void {
    this.link.publish(this.classId, { kind: 'hand', message: { v: 1, raised, at: Date.now() } });
  }

  command(to: string, action: Command['action'], params: Command['params'] = {}): string {
    const id = crypto.randomUUID();
    this.link.publish(this.classId, {
      kind: 'command',
      to,
      message: { v: 1, id, action, by: this.participant.userId, params, ts: Date.now() },
    });
    return id;
  }

  control(action: 'start' | 'end'): void {
    this.link.act({ kind: 'classControl', classId: this.classId, action });
  }

  /**
   * Sends chat through the moderation service. The outcome is shown next to the message: delivered, replaced or
   * rejected with the reason, or "moderation unavailable" when the service does not answer (nothing is delivered).
   */
  async sendChat(text: string): Promise<OutgoingChat> {
    const id = crypto.randomUUID();
    const outgoing: OutgoingChat = { id, text, status: 'sending', reason: '' };
    this.setOutgoing(outgoing);
    let settled: OutgoingChat;
    try {
      const result = (await this.link.request('moderation', 'chat.send', { classId: this.classId, id, text }, CHAT_TIMEOUT_MS)) as ChatSendResult;
      settled = { id, text: result.text ?? text, status: result.status, reason: result.reason ?? '' };
    } catch (error) {
      settled = { id, text, status: 'unavailable', reason: (error as Error).message };
    }
    this.setOutgoing(settled);
    return settled;
  }

  private setOutgoing(entry: OutgoingChat): void {
    useClassroom.setState((state) => {
      const others = state.outgoing.filter((item) => item.id !== entry.id);
      return { outgoing: [...others, entry].slice(-50) };
    });
  }

  // ---- inbound ---------------------------------------------------------------------------------------------------

  private receive(messages: (ClassMessage | ClassCleared)[]): void {
    if (this.stopped) return;
    const before = useClassroom.getState();
    const after = applyClassTraffic(before, messages);
    if (after !== before) useClassroom.setState(after);
    if (this.inbox) {
      if (after.course && after.course !== before.course) this.inbox.setCourse(after.course);
      if (after.room && after.room !== before.room) this.inbox.setRoom(after.room);
    }
    if (after.room && after.room !== before.room) this.checkRemoved(after.room);
    // The room arrived, or this console's own presence came back: the class's retained state (a room, if the class
    // has one) was delivered before it.
    if (after.room || messages.some((m) => this.isOwnPresence(m))) this.roomEdits?.settle();
    this.noteEntry(messages, after.course !== before.course);
    this.notePeerSyncs(messages);
    this.help?.receive(messages);
    for (const message of messages) {
      if (message.kind === 'boardOps' || message.kind === 'boardLive' || message.kind === 'laser' || message.kind === 'boardSnapshot') {
        this.toBoard(message);
      } else if (message.kind === 'command') {
        this.onCommand(message.message);
      }
    }
  }

  private toBoard(message: BoardMessage): void {
    if (this.inbox) {
      this.inbox.receive(message);
      return;
    }
    this.early.push(message);
    if (this.early.length > MAX_EARLY_BOARD_MESSAGES) this.early.shift();
  }

  /** The board's courseware layer is up (or gone, with null): reload-courseware goes to it. */
  attachCourseware(courseware: CoursewareControl | null): void {
    this.courseware = courseware;
  }

  /** The media side is up (or gone, with null): restart-media and switch-line go to it. */
  attachMedia(media: MediaRemedies | null): void {
    this.media = media;
  }

  private onCommand(command: Command): void {
    let ok = true;
    let detail = '';
    switch (command.action) {
      case 'resync-board':
        if (!this.inbox) {
          [ok, detail] = [false, 'the board is not loaded yet'];
          break;
        }
        // Answered once the board has merged the fresh snapshot, so the ack says the resync happened.
        this.inbox.resync().then(
          ({ pageId, revision }) => this.ack(command, true, pageId ? `page ${pageId} at revision ${revision}` : 'no page shown'),
          (error: Error) => this.ack(command, false, error.message),
        );
        return;
      case 'mute':
      case 'unmute':
        useClassroom.setState({ muteRequested: command.action === 'mute' });
        detail = 'shown to the participant';
        break;
      case 'remove':
        useClassroom.setState({ removedReason: typeof command.params.reason === 'string' ? command.params.reason : '' });
        break;
      case 'reload-courseware':
        if (!this.courseware) {
          [ok, detail] = [false, 'the board is not loaded yet'];
          break;
        }
        // Answered once the page's courseware has been downloaded and drawn again, or has failed again.
        this.courseware.reload().then(
          (outcome) => this.ack(command, outcome.ok, outcome.detail),
          (error: Error) => this.ack(command, false, error.message),
        );
        return;
      case 'restart-media':
      case 'switch-line':
        if (!this.media) {
          [ok, detail] = [false, 'media is not running in this console'];
          break;
        }
        // Answered once media flows again (or it is clear that it does not), so the ack says whether it worked.
        this.media.remedy(command).then(
          (outcome) => this.ack(command, outcome.ok, outcome.detail),
          (error: Error) => this.ack(command, false, error.message),
        );
        return;
      default:
        [ok, detail] = [false, `${command.action} is not supported here`];
    }
    this.ack(command, ok, detail);
  }

  private ack(command: Command, ok: boolean, detail: string): void {
    if (this.participant.observer || this.stopped) return;
    this.link.publish(this.classId, { kind: 'commandAck', message: { v: 1, commandId: command.id, ok, detail: detail.slice(0, 500), ts: Date.now() } });
  }

  private checkRemoved(room: Room): void {
    if (room.removed.includes(this.participant.userId) && this.participant.role === 'student') {
      if (useClassroom.getState().removedReason === null) useClassroom.setState({ removedReason: '' });
    }
  }

  private noteEntry(messages: (ClassMessage | ClassCleared)[], courseChanged: boolean): void {
    const own = messages.some((m) => this.isOwnPresence(m));
    if (!this.inClass && messages.some((m) => m.kind !== 'cleared' && (m.params as { classId?: string }).classId === this.classId)) {
      this.inClass = true;
      if (useConnection.getState().status.state === 'connected') this.telemetry.release();
    }
    if (!this.inClass) return;
    this.entry?.classReached(own);
    if (courseChanged) this.entry?.courseChanged();
  }

  private isOwnPresence(m: ClassMessage | ClassCleared): boolean {
    return m.kind === 'presence' && m.params.classId === this.classId && m.params.userId === this.participant.userId && m.message.online;
  }

  private notePeerSyncs(messages: (ClassMessage | ClassCleared)[]): void {
    if (!this.lag) return;
    for (const message of messages) {
      if (message.kind === 'boardSync' && message.params.userId !== this.participant.userId) {
        this.lag.peerSync(message.params.userId, message.message);
      } else if (message.kind === 'cleared' && message.parsed.kind === 'boardSync' && message.parsed.params.userId) {
        this.lag.peerSync(message.parsed.params.userId, null);
      }
    }
  }

  private onConnection(status: ConnectionStatus): void {
    const connected = status.state === 'connected';
    if (connected && !this.wasConnected) this.inbox?.reconnected();
    this.wasConnected = connected;
    if (!connected) this.telemetry.hold();
    else if (this.inClass) this.telemetry.release();
    if (status.state === 'refused' || status.state === 'unreachable' || status.state === 'closed') {
      this.entry?.messagingFailed(status.detail || status.failure || status.state);
    }
  }
}

function describeDevice(): string {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform || navigator.platform || 'unknown';
  return platform.slice(0, 80);
}
