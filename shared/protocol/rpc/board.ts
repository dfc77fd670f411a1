import { z } from 'zod';
import { Id } from '../ids';
import { BoardSnapshot } from '../messages';
import { method } from './contract';

/** The `board` service: the compacted state of whiteboard pages. */
export const BOARD = {
  snapshot: method(z.object({ classId: Id, pageId: Id }), BoardSnapshot, "a page's current state, for resync and late joiners"),
} as const;
