import { create } from 'zustand';
import type { ClassHealth, HelpState, Presence } from '../../../shared/protocol';
import type { PersonRole } from '../../link/messages';

/** Someone a supervisor's screens name: a participant, a teacher, another supervisor. */
export interface Person {
  name: string;
  role: PersonRole | null;
}

/** People remembered at most; beyond it the ones learnt first are forgotten (10,000 classes hold about 30,000). */
export const MAX_PEOPLE = 50_000;

/**
 * Who is who, by user id, so the supervisor's screens show names and roles instead of ids. Learnt from what the
 * console receives anyway: class health (each class's teacher, and the participant each problem is about), help
 * requests (who asked, who holds them) and the presence of the class whose detail is open. Replaced at most once
 * per batch, and only when a name or role is new.
 */
export const usePeople = create<{ byId: ReadonlyMap<string, Person> }>(() => ({ byId: new Map() }));

/** Collects what one batch says about people; `commit` updates the store once, if anything is new. */
export class PeopleUpdate {
  private next: Map<string, Person> | null = null;

  constructor(private readonly current: ReadonlyMap<string, Person> = usePeople.getState().byId) {}

  note(id: string, name: string | undefined, role: PersonRole | null | undefined): void {
    if (!name) return;
    const known = (this.next ?? this.current).get(id);
    const nextRole = role ?? known?.role ?? null;
    if (known && known.name === name && known.role === nextRole) return;
    this.next ??= new Map(this.current);
    this.next.delete(id);
    this.next.set(id, { name, role: nextRole });
  }

  health(health: ClassHealth): void {
    if (health.teacher) this.note(health.teacher.id, health.teacher.name, 'teacher');
    for (const problem of health.problems) if (problem.userId) this.note(problem.userId, problem.name, problem.role);
  }

  help(state: HelpState): void {
    this.note(state.from.id, state.from.name, state.from.role);
    if (state.claimedBy) this.note(state.claimedBy.id, state.claimedBy.name, 'supervisor');
  }

  presence(presence: Presence): void {
    this.note(presence.userId, presence.name, presence.role);
  }

  commit(): void {
    const next = this.next;
    if (!next) return;
    if (next.size > MAX_PEOPLE) {
      const over = next.size - MAX_PEOPLE;
      let i = 0;
      for (const id of next.keys()) {
        if (i++ >= over) break;
        next.delete(id);
      }
    }
    usePeople.setState({ byId: next });
  }
}

export function resetPeople(): void {
  usePeople.setState({ byId: new Map() });
}

/** The person with this id, if the console has learnt who they are (a single-value selector). */
export function usePerson(id: string | undefined): Person | undefined {
  return usePeople((s) => (id === undefined ? undefined : s.byId.get(id)));
}
