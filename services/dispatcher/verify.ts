import type { Role } from '../../shared/auth/claims';
import type { ClassTags, HelpRequest, HelpState, TagEntry } from '../../shared/protocol/supervision';
import { coverage, type PlannedRemedy } from './coverage';

/** A help request older than this is not acted on: whatever it was about has probably changed. */
export const HELP_EXPIRY_MS = 5 * 60_000;
/** How far ahead of the dispatcher's clock a request's timestamp may be (clients' clocks drift). */
export const HELP_FUTURE_TOLERANCE_MS = 5 * 60_000;

export type Check = 'invalid' | 'duplicate' | 'expired' | 'already-handled' | 'not-coverable';

export type Verdict =
  | { ok: true; covered: TagEntry[]; plan: PlannedRemedy[] }
  | { ok: false; check: Check; reason: string };

export interface VerifyContext {
  now: number;
  /** The sender, from the topic (the broker pins it to the token's subject). */
  senderId: string;
  /** The sender's role from their token, when this backend knows them. */
  senderRole?: Role;
  /** The sender's other open requests in the same class. */
  openRequestsOf(userId: string): HelpState[];
  /** The open request whose remedy already covers this tag, if any. */
  handlerOf(entry: TagEntry): HelpState | undefined;
  classTags: ClassTags | undefined;
  teacherId: string | null;
}

function refuse(check: Check, reason: string): Verdict {
  return { ok: false, check, reason };
}

/** The part of a request the checks against the class's tags and open requests read. */
export type Subject = Pick<HelpRequest, 'id' | 'from' | 'topic'>;

/**
 * The sender's other open request this one repeats: one about the same tags, or (when no tag covers either) the same
 * topic. A request never repeats itself (it is among the open ones while it waits for tags).
 */
function repeated(open: readonly HelpState[], subject: Subject, covered: readonly TagEntry[] | null): HelpState | undefined {
  return open.find((o) =>
    o.id !== subject.id &&
    (covered
      ? o.tags.some((t) => covered.some((c) => c.tag === t.tag && c.userId === t.userId))
      : o.tags.length === 0 && o.topic === subject.topic),
  );
}

/**
 * The first step of handling a help request. Whatever fails goes to the manual queue with the reason, in this order:
 * invalid, duplicate (the sender has one open about the same problem), expired, already handled (another request's
 * remedy covers its tags), not coverable by the class's current tags. A repeated request id never gets here: it is
 * the same request. A sender whose earlier request waits in the manual queue about nothing the tags show (they pressed
 * help before the problem was tagged, or for something else) is not a duplicate once a tag covers the new one.
 */
export function verify(request: HelpRequest, context: VerifyContext): Verdict {
  const { now, senderId } = context;
  if (request.from.id !== senderId) return refuse('invalid', `invalid: sent by ${senderId} but signed as ${request.from.id}`);
  if (context.senderRole && context.senderRole !== request.from.role) {
    return refuse('invalid', `invalid: ${senderId} is a ${context.senderRole}, not a ${request.from.role}`);
  }
  if (request.ts > now + HELP_FUTURE_TOLERANCE_MS) {
    return refuse('invalid', `invalid: sent ${Math.round((request.ts - now) / 1000)} s in the future`);
  }
  const expired = now - request.ts > HELP_EXPIRY_MS
    ? refuse('expired', `expired: sent ${Math.round((now - request.ts) / 1000)} s ago, more than ${HELP_EXPIRY_MS / 1000} s`)
    : null;
  return againstTags(request, context, expired);
}

/**
 * Verifies again a request that was valid and fresh when it arrived but no tag covered then (it waits for tags): only
 * the checks that depend on the class's tags and open requests run, duplicate, already handled and not coverable.
 */
export function recheck(subject: Subject, context: VerifyContext): Verdict {
  return againstTags(subject, context, null);
}

function againstTags(subject: Subject, context: VerifyContext, expired: Verdict | null): Verdict {
  const { senderId } = context;
  const requester = { id: senderId, role: subject.from.role };
  const first = coverage(context.classTags, requester, context.teacherId, subject.topic);
  const open = repeated(context.openRequestsOf(senderId), subject, first.ok ? first.covered : null);
  if (open) return refuse('duplicate', `duplicate: ${senderId} already has request ${open.id} open about it (${open.status})`);
  if (expired) return expired;
  if (!first.ok) return refuse('not-coverable', first.reason);
  const unhandled = first.covered.filter((entry) => !context.handlerOf(entry));
  if (unhandled.length === 0) {
    const handler = context.handlerOf(first.covered[0]!)!;
    return refuse('already-handled', `already handled: request ${handler.id} (${handler.status}) covers ${describe(first.covered)}`);
  }
  if (unhandled.length === first.covered.length) return first;
  const rest = coverage({ ...context.classTags!, tags: unhandled }, requester, context.teacherId, subject.topic);
  return rest.ok ? rest : refuse('not-coverable', rest.reason);
}

export function describe(tags: readonly Pick<TagEntry, 'tag' | 'userId'>[]): string {
  return tags.map((t) => (t.userId ? `${t.tag} (${t.userId})` : t.tag)).join(', ');
}
