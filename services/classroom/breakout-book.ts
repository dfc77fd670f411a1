import type { Claims } from '../../shared/auth/claims';
import { withGroups, type BreakoutState } from '../../shared/protocol/breakouts';

/**
 * The breakout state of each class as the breakouts service last published it: a later round, or a later update of
 * the same round, replaces what is kept, so a stale retained copy changes nothing. The broker keeps one (group
 * membership for the ACL), fed only by the breakouts service's own publishes and the retained states found at start.
 */
export class BreakoutBook {
  private readonly states = new Map<string, BreakoutState>();
  /** Claims widened by the groups, per claims object, valid while `version` is unchanged. */
  private readonly widened = new WeakMap<Claims, { version: number; claims: Claims }>();
  private version = 0;

  /** Returns true when `state` became the class's current state. */
  update(state: BreakoutState): boolean {
    const current = this.states.get(state.classId);
    if (current && (current.round > state.round || (current.round === state.round && current.updatedAt > state.updatedAt))) return false;
    this.states.set(state.classId, state);
    this.version++;
    return true;
  }

  clear(classId: string): void {
    if (this.states.delete(classId)) this.version++;
  }

  get(classId: string): BreakoutState | undefined {
    return this.states.get(classId);
  }

  readonly lookup = (classId: string): BreakoutState | undefined => this.states.get(classId);

  /** The bearer's claims with the breakout groups they may use now (shared/protocol/breakouts.ts, `withGroups`). */
  scopeOf(claims: Claims): Claims {
    if (claims.classes === '*' || this.states.size === 0) return claims;
    const cached = this.widened.get(claims);
    if (cached?.version === this.version) return cached.claims;
    const widened = withGroups(claims, this.lookup);
    this.widened.set(claims, { version: this.version, claims: widened });
    return widened;
  }
}
