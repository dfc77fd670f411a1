import type { ElementRecord } from '../../../shared/whiteboard';
import type { LaserPointer, LiveStroke } from './ephemeral';
import type { DrawBlock } from './rights';

/** Why a received board message was ignored. Each has a counter the view can show. */
export const REJECT_REASONS = ['not-allowed', 'schema', 'forged', 'other-class-page'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** One element of the shown page changed: `record` is null when it is gone; the view orders by (z, id). */
export interface ElementChange {
  id: string;
  record: ElementRecord | null;
}

export interface BoardStatus {
  pageId: string | null;
  /** Sum of the shown page's record versions. */
  revision: number;
  canDraw: boolean;
  block: DrawBlock | null;
  /** Own committed ops not yet acknowledged by the broker. */
  unsent: number;
  resyncing: boolean;
  /** The last snapshot request failed; retrying. */
  resyncFailed: boolean;
  canUndo: boolean;
  canRedo: boolean;
  rejected: Record<RejectReason, number>;
}

export type BoardEvent =
  /** The shown page is another one: the view rebuilds from these elements (paint order). */
  | { type: 'page'; pageId: string | null; elements: ElementRecord[] }
  /** Some elements of the shown page changed: the view patches exactly those. */
  | { type: 'elements'; pageId: string; changes: ElementChange[] }
  | { type: 'live'; strokes: LiveStroke[] }
  | { type: 'laser'; pointers: LaserPointer[] }
  | { type: 'status'; status: BoardStatus };

export type BoardListener = (event: BoardEvent) => void;
