import { z } from 'zod';
import { BREAKOUT_MODES, BreakoutState, MAX_BROADCAST, MAX_GROUP_MINUTES, MAX_GROUPS } from '../breakouts';
import { Id } from '../ids';
import { method } from './contract';

/** Why a breakout action was refused (the RPC error's code). */
export const BREAKOUT_REFUSALS = [
  'forbidden', 'already-running', 'not-running', 'not-in-class', 'no-such-group', 'not-choosing', 'no-last-round', 'bad-assignment',
] as const;

const key = z.string().regex(/^[a-z0-9]{1,7}$/);
const classRef = z.object({ classId: Id });

/** The `breakouts` service: teachers split a class into groups, time them, message them and bring them back. */
export const BREAKOUTS = {
  start: method(
    classRef.extend({
      mode: z.enum(BREAKOUT_MODES),
      /** How many groups (manual: one per entry of `assignment`; last: the last round's). */
      groups: z.number().int().min(1).max(MAX_GROUPS),
      minutes: z.number().int().min(1).max(MAX_GROUP_MINUTES),
      /** Manual: the students of each group. */
      assignment: z.array(z.array(Id).max(500)).max(MAX_GROUPS).optional(),
      /** Random: the students to split (the ones in class). */
      students: z.array(Id).max(500).optional(),
    }),
    BreakoutState,
    "starts a round of breakout groups in the class (its teachers only): by hand, at random, students choose, or the last round's groups",
  ),
  choose: method(classRef.extend({ key }), BreakoutState, 'a student joins a group of a round where students choose (or moves to another)'),
  move: method(classRef.extend({ userId: Id, key: key.nullable() }), BreakoutState, "moves a student to a group, or out of every group (the class's teachers)"),
  timer: method(
    classRef.extend({ addSeconds: z.number().int().min(-3 * 3600).max(3 * 3600).refine((s) => s !== 0, 'a change of zero seconds') }),
    BreakoutState,
    'extends (positive) or shortens (negative) the running round; shortened to now or before, it ends',
  ),
  broadcast: method(classRef.extend({ text: z.string().trim().min(1).max(MAX_BROADCAST) }), BreakoutState, 'a message every group sees (plain text)'),
  end: method(classRef, BreakoutState, 'brings everyone back to the class; the groups and their boards stay viewable'),
} as const;
