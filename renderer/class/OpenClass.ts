import type { BoardSync, Command, Course, CoursePage, HelpRequest, Room, TelemetryEvent } from '../../shared/protocol';
import type { BoardControl, BoardHost, BoardParticipant, CoursewareControl } from '../board/contract';
import type { ElementKind, ElementProps } from '../../shared/whiteboard/element';
import type { ClassCleared, ClassMessage, ConnectionStatus } from '../link/messages';
import type { SessionEndpoints } from '../session/ports';
import { readToken } from '../session/token';
import { useClasses } from '../state/classes';
import { useConnection } from '../state/connection';
import { fetchClassAsset } from './classAssets';
import { applyClassTraffic, grantAnswersHand, type ClassroomState } from './classroom';
import { GatedChannel, type JoinableChannel } from './GatedChannel';
import { refusal, type SendContext } from './sendRules';
import { initialClassroom, useClassroom, type OutgoingChat } from './store';
import { APP_VERSION } from './appVersion';
import { TelemetryBatcher } from './telemetry';
import { EntryTelemetry } from './telemetryEntry';
import { BoardLagWatch } from './telemetryLag';
import { RoomEdits, type RoomChange } from './roomEdits';
import { HelpDesk } from './help/helpDesk';
import type { UploadTarget } from './upload/uploadAsset';

export const CHAT_TIMEOUT_MS = 5_000;
/** How often a board still behind its peers reports how long it has been. */
const LAG_TICK_MS = 5_000;

/** The kinds the classroom stores are made of: roster, course, room, chat, notices and acks. */
const CLASSROOM_KINDS = ['presence', 'course', 'room', 'chat', 'chatHistory', 'hand', 'boardSync', 'notice', 'commandAck'] as const;

/** The class's audio and video, as far as commands go: the media remedies (renderer/media/MediaCall). */
export interface MediaRemedies {
  remedy(command: Command): Promise<{ ok: boolean; detail: string }>;
}

/**
 * One open class, outside React: it joins the class with its channel, keeps the classroom stores current, sends the
 * class's telemetry, carries out commands (handing remedies to the board, the courseware and media once they are up),
 * and is the board's host (telemetry, sync state, courseware downloads). The board, media and help take the channel
 * themselves; nothing of theirs passes through here.
 */
export class OpenClass implements BoardHost {
  readonly classId: string;
  /**
   * The class's channel for every feature of it (board, media, help, chat): what they send is checked here first, so
   * a silent observer sends nothing anyone in the class sees, and nobody draws, raises a hand or chats in an ended
   * class (sendRules.ts).
   */
  readonly channel: GatedChannel;
  private media: MediaRemedies | null = null;
  private board: BoardControl | null = null;
  private courseware: CoursewareControl | null = null;
  private readonly unsubscribers: (() => void)[] = [];
  private readonly telemetry: TelemetryBatcher;
  /** The help button's side; observers ask nobody for help. */
  private help: HelpDesk | null = null;
  /** Observers publish nothing, so they measure no entry either. */
  private entry: EntryTelemetry | null = null;
  private lag: BoardLagWatch | null = null;
  private roomEdits: RoomEdits | null = null;
  private lagTicker: ReturnType<typeof setInterval> | undefined;
  /** Whether the room granted this person drawing when last seen; null before a room was seen. */
  private wasGranted: boolean | null = null;
  private inClass = false;
  private stopped = false;

  constructor(
    link: JoinableChannel,
    readonly participant: BoardParticipant,
    private readonly endpoints: SessionEndpoints,
    readonly device: string,
  ) {
    this.classId = link.classId;
    this.channel = new GatedChannel(link, (outgoing) => refusal(this.sendContext(), outgoing));
    // Held until the class's traffic arrives: telemetry is QoS 0, and the link may still be moving into the class.
    this.telemetry = new TelemetryBatcher(
      (events) => {
        this.help?.noteTelemetry(events, Date.now());
        if (participant.observer) return;
        // The id lets the tagger count a redelivered batch once.
        this.channel.fire({ kind: 'telemetry', message: { v: 1, id: crypto.randomUUID(), at: Date.now(), events } });
      },
      { held: true },
    );
  }

  start(): void {
    this.stopped = false;
    this.inClass = false;
    this.wasGranted = null;
    this.telemetry.hold();
    useClassroom.setState(initialClassroom(this.classId));
    if (!this.participant.observer) {
      this.help = new HelpDesk(this.channel, APP_VERSION, this.device);
      this.entry = new EntryTelemetry((event) => this.telemetry.add(event), () => useClassroom.getState().course);
      const token = this.endpoints.token();
      const expiresAt = token ? readToken(token).expiresAt : null;
      if (token && (expiresAt === null || expiresAt > Date.now())) this.entry.tokenHeld();
      this.lag = new BoardLagWatch((event) => this.telemetry.add(event));
      this.lagTicker = setInterval(() => this.lag?.tick(), LAG_TICK_MS);
    }
    this.roomEdits = new RoomEdits(() => useClassroom.getState().room, (room) => this.publishRoom(room), this.participant.userId);
    this.unsubscribers.push(
      this.channel.listen(CLASSROOM_KINDS, (messages) => this.receive(messages)),
      this.channel.onCleared((cleared) => this.receive(cleared)),
      this.channel.listen(['command'], (commands) => {
        for (const command of commands) this.onCommand(command.message);
      }),
      useConnection.subscribe((state) => this.onConnection(state.status)),
    );
    this.channel.join();
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
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.channel.leave();
    useClassroom.setState(initialClassroom());
  }

  /** The board is up (or gone, with null): the teacher's resync command goes to it. */
  attachBoard(board: BoardControl | null): void {
    this.board = board;
  }

  /**
   * Adds an element (a poll's results) to the board's shown page as this user. False when the board is not up, no
   * page is shown, or this user may not draw.
   */
  placeOnBoard(kind: ElementKind, props: Partial<ElementProps> & Pick<ElementProps, 'x' | 'y'>): boolean {
    return (this.board?.create(kind, props) ?? null) !== null;
  }

  /** The board's courseware layer is up (or gone, with null): reload-courseware goes to it. */
  attachCourseware(courseware: CoursewareControl | null): void {
    this.courseware = courseware;
  }

  /** The media side is up (or gone, with null): restart-media and switch-line go to it. */
  attachMedia(media: MediaRemedies | null): void {
    this.media = media;
  }

  // ---- BoardHost -------------------------------------------------------------------------------------------------

  sendTelemetry(events: TelemetryEvent[]): void {
    for (const event of events) {
      if (event.type === 'courseware') this.entry?.coursewareSettled(event);
      this.telemetry.add(event);
    }
  }

  syncSent(sync: BoardSync): void {
    this.lag?.ownSync(sync);
    this.help?.noteBoard(sync);
  }

  snapshotLoaded(): void {
    this.entry?.snapshotLoaded();
  }

  fetchAsset(assetId: string, onProgress?: (fraction: number) => void): Promise<ArrayBuffer> {
    return fetchClassAsset(this.endpoints, this.classId, assetId, onProgress);
  }

  /** The board could not be loaded or mounted. */
  boardFailed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.telemetry.add({ type: 'init', component: 'board', ok: false, error: message.slice(0, 300) || 'unknown error' });
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
    // The channel hands it to this class's listeners (the classroom, the board) at once.
    this.channel.publish({ kind: 'course', message: course });
  }

  /** Publishes a changed room (teacher): drawing rights, mutes, stars, removals, timers. */
  updateRoom(change: RoomChange): void {
    this.roomEdits?.edit(change);
  }

  /**
   * An observing supervisor takes over (or hands back): the room grants them drawing, as it grants a student, and
   * while it does they may draw, chat and steer the class. The one room change an observer may publish.
   */
  takeOver(taking: boolean): void {
    const me = this.participant.userId;
    this.updateRoom((room) => ({ drawing: [...room.drawing.filter((id) => id !== me), ...(taking ? [me] : [])] }));
  }

  /** What decides what this console may send now (sendRules.ts). */
  sendContext(): SendContext {
    return {
      userId: this.participant.userId,
      observer: this.participant.observer,
      room: useClassroom.getState().room,
      ended: useClasses.getState().byId.get(this.classId)?.state === 'ended',
    };
  }

  private publishRoom(room: Room): void {
    this.channel.publish({ kind: 'room', message: room });
  }

  /** The help button: sends a help request with this console's diagnostics; its progress shows in `useHelpRequest`. */
  requestHelp(topic: HelpRequest['topic'], text: string, name: string): string {
    if (!this.help || this.participant.role === 'supervisor' || this.participant.role === 'admin') throw new Error('observers do not ask for help');
    return this.help.send({ userId: this.participant.userId, name, role: this.participant.role }, topic, text, useClassroom.getState().course);
  }

  raiseHand(raised: boolean): void {
    this.channel.publish({ kind: 'hand', message: { v: 1, raised, at: Date.now() } });
  }

  command(to: string, action: Command['action'], params: Command['params'] = {}): string {
    const id = crypto.randomUUID();
    this.channel.publish({ kind: 'command', to, message: { v: 1, id, action, by: this.participant.userId, params, ts: Date.now() } });
    return id;
  }

  /**
   * Sends chat through the moderation service. The outcome is shown next to the message: delivered, replaced or
   * rejected with the reason, or "moderation unavailable" when the service does not answer, or answers something
   * that is not a chat outcome (nothing is delivered then).
   */
  async sendChat(text: string): Promise<OutgoingChat> {
    const id = crypto.randomUUID();
    const outgoing: OutgoingChat = { id, text, status: 'sending', reason: '' };
    this.setOutgoing(outgoing);
    let settled: OutgoingChat;
    try {
      const result = await this.channel.request('moderation', 'chat.send', { classId: this.classId, id, text }, CHAT_TIMEOUT_MS);
      settled = { id, text: result.text, status: result.status, reason: result.status === 'rejected' ? result.reason : '' };
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
    if (after.room && after.room !== before.room) {
      this.checkRemoved(after.room);
      this.lowerHandOnGrant(after);
    }
    // The room arrived, or this console's own presence came back: the class's retained state (a room, if the class
    // has one) was delivered before it.
    if (after.room || messages.some((m) => this.isOwnPresence(m))) this.roomEdits?.settle();
    this.noteEntry(messages, after.course !== before.course);
    this.notePeerSyncs(messages);
  }

  private onCommand(command: Command): void {
    let ok = true;
    let detail = '';
    switch (command.action) {
      case 'resync-board':
        if (!this.board) {
          [ok, detail] = [false, 'the board is not loaded yet'];
          break;
        }
        // Answered once the board has merged the fresh snapshot, so the ack says the resync happened.
        this.board.resync().then(
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
    this.channel.publish({ kind: 'commandAck', message: { v: 1, commandId: command.id, ok, detail: detail.slice(0, 500), ts: Date.now() } });
  }

  /** Being granted drawing answers a raised hand: it comes down (only its owner can lower it). */
  private lowerHandOnGrant(state: ClassroomState): void {
    if (!state.room || this.participant.observer) return;
    const me = this.participant.userId;
    const hand = state.roster.get(me)?.hand ?? null;
    if (grantAnswersHand(this.wasGranted, state.room, hand, me)) this.raiseHand(false);
    this.wasGranted = state.room.drawing.includes(me);
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
    if (status.state !== 'connected') this.telemetry.hold();
    else if (this.inClass) this.telemetry.release();
    if (status.state === 'refused' || status.state === 'unreachable' || status.state === 'closed') {
      this.entry?.messagingFailed(status.detail || status.failure || status.state);
    }
  }
}

/** This machine's platform, as presence and help requests name it. */
export function describeDevice(): string {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform || navigator.platform || 'unknown';
  return platform.slice(0, 80);
}
