import {
  MAX_GROUPED_CLASS_ID, groupClassId, groupKey, type BreakoutGroup, type BreakoutMember, type BreakoutMode, type BreakoutState,
} from '../../shared/protocol/breakouts';

/** A breakout rule was broken; `code` is the RPC refusal's (shared/protocol/rpc/breakouts.ts, BREAKOUT_REFUSALS). */
export class BreakoutRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RoundRequest {
  classId: string;
  mode: BreakoutMode;
  groups: number;
  minutes: number;
  assignment?: string[][];
  students?: string[];
}

/**
 * What the plan needs to know about people: a student of the class who may be placed (with their name); `absent` for
 * someone with no session now (signed out, or a simulated participant of the local demo), who is left out of the
 * groups; null for anyone who is not a student of the class, who is refused.
 */
export type StudentOf = (userId: string) => BreakoutMember | 'absent' | null;

/**
 * The groups of a new round, as the teacher asked: by hand (`assignment`), at random (`students` shuffled), empty
 * for students to choose, or the last round's members again. `previous` is the class's last round, if any.
 */
export function planRound(request: RoundRequest, previous: BreakoutState | undefined, studentOf: StudentOf, random: () => number, now: number): BreakoutState {
  const { classId, mode, minutes } = request;
  if (classId.length > MAX_GROUPED_CLASS_ID || classId.includes('~')) {
    throw new BreakoutRuleError('bad-assignment', `${classId} cannot have breakout groups (a group's class, or an id over ${MAX_GROUPED_CLASS_ID} characters)`);
  }
  if (previous?.state === 'running') throw new BreakoutRuleError('already-running', `round ${previous.round} of ${classId} is still running`);
  let memberIds: string[][];
  switch (mode) {
    case 'manual':
      if (!request.assignment || request.assignment.length === 0) throw new BreakoutRuleError('bad-assignment', 'a manual round names the students of each group');
      memberIds = request.assignment;
      break;
    case 'random':
      memberIds = shuffleInto(request.students ?? [], request.groups, random);
      break;
    case 'choose':
      memberIds = Array.from({ length: request.groups }, () => []);
      break;
    case 'last':
      if (!previous) throw new BreakoutRuleError('no-last-round', `${classId} has had no breakout round yet`);
      memberIds = previous.groups.map((g) => g.members.map((m) => m.id));
      break;
  }
  const seen = new Set<string>();
  const absent: string[] = [];
  const round = (previous?.round ?? 0) + 1;
  const groups: BreakoutGroup[] = memberIds.map((ids, index) => {
    const members: BreakoutMember[] = [];
    for (const id of ids) {
      if (seen.has(id)) throw new BreakoutRuleError('bad-assignment', `${id} is in more than one group`);
      seen.add(id);
      const member = studentOf(id);
      // Students without a session, and the last round's students who have gone, are left out; anyone else named must
      // be a student of the class.
      if (member === 'absent') absent.push(id);
      else if (member) members.push(member);
      else if (mode !== 'last') throw new BreakoutRuleError('not-in-class', `${id} is not a student of ${classId}`);
    }
    const key = groupKey(round, index);
    return { key, name: `Group ${index + 1}`, classId: groupClassId(classId, key), members };
  });
  if (mode === 'manual' && absent.length > 0 && groups.every((g) => g.members.length === 0)) {
    throw new BreakoutRuleError('not-in-class', `none of the students named is signed in now (${absent.join(', ')})`);
  }
  return {
    v: 1, classId, round, state: 'running', mode, groups, startedAt: now, endsAt: now + minutes * 60_000, endedAt: null, broadcast: null,
    updatedAt: now,
  };
}

/** Deals the students, shuffled, into `count` groups whose sizes differ by at most one. */
export function shuffleInto(students: readonly string[], count: number, random: () => number): string[][] {
  const order = [...new Set(students)];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const groups: string[][] = Array.from({ length: count }, () => []);
  order.forEach((id, i) => groups[i % count]!.push(id));
  return groups;
}

function running(state: BreakoutState | undefined, classId: string): BreakoutState {
  if (state?.state !== 'running') throw new BreakoutRuleError('not-running', `${classId} has no breakout round running`);
  return state;
}

/** Moves a student into the group with `key`, or out of every group (`null`). */
export function placeStudent(state: BreakoutState | undefined, classId: string, member: BreakoutMember, key: string | null, now: number): BreakoutState {
  const current = running(state, classId);
  if (key !== null && !current.groups.some((g) => g.key === key)) throw new BreakoutRuleError('no-such-group', `${classId} has no group ${key} in round ${current.round}`);
  const groups = current.groups.map((g) => {
    const members = g.members.filter((m) => m.id !== member.id);
    return { ...g, members: g.key === key ? [...members, member] : members };
  });
  return { ...current, groups, updatedAt: now };
}

/** A student's own choice: only in a round where students choose. */
export function chooseGroup(state: BreakoutState | undefined, classId: string, member: BreakoutMember, key: string, now: number): BreakoutState {
  const current = running(state, classId);
  if (current.mode !== 'choose') throw new BreakoutRuleError('not-choosing', `in round ${current.round} of ${classId} the teacher places the students`);
  return placeStudent(current, classId, member, key, now);
}

/** Moves the end of the running round; a change that leaves no time ends it now. */
export function moveEnd(state: BreakoutState | undefined, classId: string, addSeconds: number, now: number): BreakoutState {
  const current = running(state, classId);
  const endsAt = Math.max(now, current.endsAt + addSeconds * 1000);
  if (endsAt <= now) return endRound(current, now);
  return { ...current, endsAt, updatedAt: now };
}

export function broadcastTo(state: BreakoutState | undefined, classId: string, text: string, now: number): BreakoutState {
  const current = running(state, classId);
  return { ...current, broadcast: { text, at: now }, updatedAt: now };
}

/** Brings everyone back; the groups stay in the state, so their boards can still be looked at. */
export function endRound(state: BreakoutState, now: number): BreakoutState {
  if (state.state === 'ended') return state;
  return { ...state, state: 'ended', endedAt: now, endsAt: Math.min(state.endsAt, now), updatedAt: now };
}
