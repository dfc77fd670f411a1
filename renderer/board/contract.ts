import type { BoardSync, TelemetryEvent } from '../../shared/protocol';
import type { ElementKind, ElementProps, ElementRecord } from '../../shared/whiteboard/element';
import type { Role } from '../../shared/auth/claims';
import type { ClassChannel } from '../link/channel';

export interface BoardParticipant {
  userId: string;
  role: Exclude<Role, 'service'>;
  /** Supervisors observing silently: receive everything, publish nothing. */
  observer: boolean;
}

export interface ResyncResult {
  /** The page shown when the resync finished; null when no page is shown. */
  pageId: string | null;
  /** That page's revision (sum of record versions) after the merge. */
  revision: number;
}

/** Where courseware files come from: the backend's asset store, with the session's token. */
export interface CoursewareSource {
  /** Downloads an asset, reporting progress (0..1) for large files; rejects with a clear message on failure. */
  fetchAsset(assetId: string, onProgress?: (fraction: number) => void): Promise<ArrayBuffer>;
}

/** What the board tells the open class it is mounted in, and where its courseware comes from. */
export interface BoardHost extends CoursewareSource {
  /** Telemetry events (board init, courseware loads, board lag), sent with the class's telemetry. */
  sendTelemetry(events: TelemetryEvent[]): void;
  /** The board published its sync state (page, revision, unsent ops): the class's lag watch and help button keep it. */
  syncSent(sync: BoardSync): void;
  /** The board holds the board service's state of a page (a snapshot it fetched). */
  snapshotLoaded(): void;
}

/** The board as the open class commands it (the teacher's "resync" remedy). */
export interface BoardControl {
  resync(): Promise<ResyncResult>;
  /** Adds an element to the shown page as the local user (a poll's results); null when there is no page or no right to draw. */
  create(kind: ElementKind, props: Partial<ElementProps> & Pick<ElementProps, 'x' | 'y'>): ElementRecord | null;
}

/** The board's courseware layer, for the supervisors' "reload courseware" remedy. */
export interface CoursewareControl {
  /**
   * Downloads and draws the shown page's courseware again. Settles once it is drawn (`ok`) or has failed again, with
   * a line saying which; a page without courseware is `ok` at once.
   */
  reload(): Promise<{ ok: boolean; detail: string }>;
}

/** The board's tools, as the class screen's keyboard shortcuts name them (renderer/board/view/FabricBoard.ts TOOLS). */
export type BoardToolName = 'select' | 'pen' | 'highlighter' | 'line' | 'arrow' | 'rect' | 'ellipse' | 'text' | 'eraser' | 'laser' | 'pan';

/** What the keyboard shortcuts do on the board; each does what its toolbar button does, and nothing it may not. */
export interface BoardCommands {
  undo(): void;
  redo(): void;
  deleteSelection(): void;
  /** False when the tool is off (no drawing rights). */
  useTool(tool: BoardToolName): boolean;
  fit(mode: 'page' | 'width'): void;
  zoom(factor: number): void;
}

/** What the class screen passes to `mountBoard` (renderer/board/mount.ts), which it imports lazily. */
export interface BoardMountOptions {
  /** The open class's channel: the board listens for its own kinds on it and sends through it. */
  channel: ClassChannel;
  host: BoardHost;
  participant: BoardParticipant;
  /** The class's teacher (from the class summary): the one sender who may always draw. */
  teacherId: string;
  /** A board only looked at (a replay): its view controls (zoom, fit) and no drawing tools or drawing-rights note. */
  viewOnly?: boolean;
  /** Called once the board can take commands. */
  boardReady?(control: BoardControl): void;
  /** Called once the courseware layer can take commands. */
  coursewareReady?(control: CoursewareControl): void;
  /** Called once the board's tools and view can take the keyboard's commands. */
  commandsReady?(commands: BoardCommands): void;
}

/** Unmounts the board: removes its DOM, stops its timers and stops listening to the channel. */
export type UnmountBoard = () => void;
