import { inScope, type Claims } from '../../shared/auth/claims';
import { AuditEntry as TimelineEntry, type ParsedParamsOf, type ResultOf, type RPC } from '../../shared/protocol/rpc/index';
import type { HelpState } from '../../shared/protocol/supervision';
import { TAGS } from '../../shared/tags/catalogue';
import type { ClaimsLookup } from '../classroom/requester';
import type { MethodTable } from '../host/declaration';
import { RpcRefusal } from '../host/refusal';
import { exportAudit } from './audit-export';
import type { AuditLog } from './audit-log';
import { remedyTarget } from './coverage';
import type { HelpDesk } from './help-desk';
import type { HelpRecords } from './help-records';
import { isEnded } from './metrics';
import { outcomeOf, progressOf, STILL_TAGGED } from './progress';
import { describe } from './verify';

/** An export page fits in one reply (1 MiB) with its envelope, and stays small enough to page through quickly. */
const EXPORT_MAX_CHARS = 200_000;
/** Audit entries a class timeline carries at most. */
const TIMELINE_ACTIONS = 200;
/** A timeline looks this far back when asked without `from`. */
const TIMELINE_DEFAULT_MS = 2 * 3_600_000;

type Contract = typeof RPC.dispatcher;
type Params<M extends keyof Contract> = ParsedParamsOf<Contract, M>;
type Result<M extends keyof Contract> = ResultOf<Contract, M>;

/**
 * The `dispatcher` RPC service. Supervisors claim, remedy, escalate, release and resolve requests, export the audit
 * log and read a class's timeline; a participant may ask `help.status` about their own request. Every state change
 * is checked and applied synchronously, so two supervisors racing for a claim are served one after the other: the
 * first holds it and the second is told who does.
 */
export class DispatcherMethods {
  /** The table the host answers from, against the `dispatcher` contract. */
  readonly table: MethodTable<Contract> = {
    'help.claim': (params, user) => this.claim(user, params),
    'help.release': (params, user) => this.release(user, params),
    'help.remedy': (params, user) => this.remedy(user, params),
    'help.escalate': (params, user) => this.escalate(user, params),
    'help.resolve': (params, user) => this.resolve(user, params),
    'help.status': (params, user) => this.status(user, params),
    'audit.export': (params, user) => this.exportAudit(user, params),
    'class.timeline': (params, user) => this.classTimeline(user, params),
  };
  private readonly records: HelpRecords;

  constructor(
    private readonly desk: HelpDesk,
    private readonly claimsOf: ClaimsLookup,
    private readonly log: AuditLog,
  ) {
    this.records = desk.records;
  }

  private supervisor(userId: string): Claims {
    const claims = this.claimsOf(userId);
    if (!claims) throw new RpcRefusal('unknown-user', `${userId} has no session with this backend`);
    if (claims.role !== 'supervisor') throw new RpcRefusal('forbidden', 'only supervisors handle help requests');
    return claims;
  }

  private known(id: string): HelpState {
    const state = this.records.request(id);
    if (!state) throw new RpcRefusal('not-found', `no help request ${id}`);
    return state;
  }

  private open(id: string): HelpState {
    const state = this.known(id);
    if (isEnded(state)) throw new RpcRefusal('ended', `request ${id} is already ${state.status}`);
    return state;
  }

  /** The request, held by this supervisor. */
  private held(claims: Claims, id: string, verb: string): HelpState {
    const state = this.open(id);
    if (state.claimedBy?.id !== claims.sub) {
      const holder = state.claimedBy ? `it is held by ${state.claimedBy.name} (${state.claimedBy.id})` : 'claim it first';
      throw new RpcRefusal(state.claimedBy ? 'claimed' : 'not-claimed', `cannot ${verb} request ${id}: ${holder}`);
    }
    return state;
  }

  private claim(userId: string, { id }: Params<'help.claim'>): HelpState {
    const claims = this.supervisor(userId);
    const state = this.open(id);
    const actor = { id: claims.sub, kind: 'supervisor' as const };
    if (state.claimedBy?.id === claims.sub) return state;
    if (state.claimedBy) {
      const message = `request ${id} is held by ${state.claimedBy.name} (${state.claimedBy.id})`;
      this.records.audit({ action: 'claim-refused', actor, requestId: id, classId: state.classId, detail: message, data: { holder: state.claimedBy.id } });
      throw new RpcRefusal('claimed', message);
    }
    if (state.status === 'remedy-pending') {
      throw new RpcRefusal('busy', `request ${id} is being remedied automatically; it is resolved or escalated within ${this.windowSeconds()} s`);
    }
    return this.records.commit({ ...state, status: 'claimed', claimedBy: { id: claims.sub, name: claims.name } }, [
      { action: 'claimed', actor, detail: `claimed by ${claims.name} (was ${state.status})`, data: { was: state.status } },
    ]);
  }

  private release(userId: string, { id }: Params<'help.release'>): HelpState {
    const claims = this.supervisor(userId);
    const state = this.held(claims, id, 'release');
    const status = state.remedies.length > 0 ? 'escalated' : 'manual';
    return this.records.commit({ ...state, status, claimedBy: null }, [
      { action: 'released', actor: { id: claims.sub, kind: 'supervisor' }, detail: `released by ${claims.name}; back to ${status}` },
    ]);
  }

  private remedy(userId: string, { id, action, to }: Params<'help.remedy'>): Result<'help.remedy'> {
    const claims = this.supervisor(userId);
    const state = this.held(claims, id, 'remedy');
    if (state.remedies.length >= 20) throw new RpcRefusal('too-many', `request ${id} has had 20 remedies; escalate it`);
    const requester = { id: state.from.id, role: state.from.role };
    const teacherId = this.records.teacherOf(state.classId) ?? (state.from.role === 'teacher' ? state.from.id : null);
    // By default: whom this remedy's tags name, else the participant the request's tags are about, else its sender.
    const suggested = state.tags.filter((t) => TAGS[t.tag].remedy === action).map((t) => remedyTarget(t, requester, teacherId));
    const target = to ?? suggested.find((t): t is string => t !== null) ?? state.tags.find((t) => t.userId)?.userId ?? state.from.id;
    const targetClaims = this.claimsOf(target);
    if (targetClaims && (targetClaims.role === 'supervisor' || targetClaims.role === 'service' || !inScope(targetClaims, state.classId))) {
      throw new RpcRefusal('bad-params', `to: ${target} is not a participant of ${state.classId}`);
    }
    const attempt = this.records.sendRemedy(state.classId, action, target, claims.sub, id);
    const actor = { id: claims.sub, kind: 'supervisor' as const };
    const next = this.records.commit({ ...state, remedies: [...state.remedies, attempt], reason: `${action} to ${target} sent by ${claims.name}` }, [
      { action: 'remedy-requested', actor, detail: `${claims.name} sent ${action} to ${target}`, data: { commandId: attempt.commandId, action, to: target } },
      { action: 'remedy-sent', detail: `${action} to ${target}${attempt.detail ? ` (${attempt.detail})` : ''}`, data: { commandId: attempt.commandId, by: claims.sub } },
    ]);
    return { commandId: attempt.commandId, state: next };
  }

  private escalate(userId: string, { id, note }: Params<'help.escalate'>): HelpState {
    const claims = this.supervisor(userId);
    const state = this.open(id);
    if (state.claimedBy && state.claimedBy.id !== claims.sub) {
      throw new RpcRefusal('claimed', `request ${id} is held by ${state.claimedBy.name} (${state.claimedBy.id})`);
    }
    if (state.status === 'remedy-pending') throw new RpcRefusal('busy', `request ${id} is being remedied automatically`);
    if (state.status === 'escalated') throw new RpcRefusal('escalated', `request ${id} is already escalated`);
    const reason = `escalated by ${claims.name}${note ? `: ${note}` : ''}`.slice(0, 300);
    return this.records.commit({ ...state, status: 'escalated', claimedBy: null, reason, note: note || state.note }, [
      { action: 'escalated', actor: { id: claims.sub, kind: 'supervisor' }, detail: reason, data: { was: state.status } },
    ]);
  }

  /**
   * Resolving needs the request's tags to be gone from the class's latest tags. A supervisor who knows better (the
   * tagger is wrong, the class ended) may force it, with a note; the audit records that the tags were still there.
   */
  private resolve(userId: string, { id, note, force }: Params<'help.resolve'>): HelpState {
    const claims = this.supervisor(userId);
    const state = this.held(claims, id, 'resolve');
    const present = this.records.stillPresent(state);
    const actor = { id: claims.sub, kind: 'supervisor' as const };
    if (present.length > 0 && !(force && note.trim())) {
      const message = `still tagged: ${describe(present)}; resolve with force and a note to override`;
      this.records.audit({ action: 'resolve-refused', actor, requestId: id, classId: state.classId, detail: message, data: { present: present.map((t) => t.tag) } });
      throw new RpcRefusal('tags-present', message);
    }
    const forced = present.length > 0;
    const reason = `resolved by ${claims.name}${forced ? `${STILL_TAGGED}: ${describe(present)}` : ''}`.slice(0, 300);
    return this.records.commit({ ...state, status: 'resolved', resolvedAt: this.records.now(), reason, note }, [
      { action: 'resolved', actor, detail: `${reason}${note ? `. Note: ${note}` : ''}`.slice(0, 1000), data: { tagsClear: !forced, forced, present: present.map((t) => t.tag), note } },
    ]);
  }

  /** Where a request stands: for its sender (in their terms) and for supervisors. */
  private status(userId: string, { id }: Params<'help.status'>): Result<'help.status'> {
    const state = this.records.request(id);
    const claims = this.claimsOf(userId);
    if (!state || (state.from.id !== userId && claims?.role !== 'supervisor')) throw new RpcRefusal('not-found', `no help request ${id} of yours`);
    const outcome = outcomeOf(state);
    return { id, status: state.status, progress: progressOf(state.status), ...(outcome && { outcome }), updatedAt: state.updatedAt };
  }

  private async exportAudit(userId: string, params: Params<'audit.export'>): Promise<Result<'audit.export'>> {
    this.supervisor(userId);
    return exportAudit(this.log, params, EXPORT_MAX_CHARS);
  }

  private async classTimeline(userId: string, params: Params<'class.timeline'>): Promise<Result<'class.timeline'>> {
    this.supervisor(userId);
    const { classId, from = this.records.now() - TIMELINE_DEFAULT_MS, to } = params;
    const actions = await this.log.query({ classId, from, to, limit: 100_000 });
    return {
      classId,
      tags: this.records.classTags(classId) ?? null,
      changes: this.records.timeline.of(classId, from, to),
      // Only what the contract's timeline shows: entries of other actors sharing the log are not the class's story.
      actions: actions.slice(-TIMELINE_ACTIONS).flatMap((entry) => {
        const shown = TimelineEntry.safeParse(entry);
        return shown.success ? [shown.data] : [];
      }),
      open: this.records.openRequestsOf(classId).map((s) => ({ id: s.id, status: s.status, from: s.from, topic: s.topic })),
    };
  }

  private windowSeconds(): number {
    return Math.round((this.desk.timings.ackTimeoutMs + this.desk.timings.pendingWindowMs) / 1000);
  }
}
