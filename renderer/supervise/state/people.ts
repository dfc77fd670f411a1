import { create } from 'zustand';
import type { ClassHealth, HelpState, Presence } from '../../../shared/protocol';
import type { PersonRole } from '../../link/messages';
import { VersionedMap, type VersionedMapEdit } from '../../state/versionedMap';

/** Someone a supervisor's screens name: a participant, a teacher, another supervisor. */
export interface Person {
  name: string;
  role: PersonRole | null;
}

/**
 * People remembered at most; beyond it the ones learnt first are forgotten. 35,000 classes name about 100,000: a
 * teacher each, and the participants their problems and help requests are about.
 */
export const MAX_PEOPLE = 150_000;

/**
 * Who is who, by user id, so the supervisor's screens show names and roles instead of ids. Learnt from what the
 * console receives anyway: class health (each class's teacher, and the participant each problem is about), help
 * requests (who asked, who holds them) and the presence of the class whose detail is open. Replaced at most once
 * per batch, and only when a name or role is new.
 */
export const usePeople = create<{ byId: VersionedMap<string, Person> }>(() => ({ byId: VersionedMap.empty() }));

/** Collects what one batch says about people; `commit` updates the store once, if anything is new. */
export class PeopleUpdate {
  private edit: VersionedMapEdit<string, Person> | null = null;

  constructor(private readonly current: VersionedMap<string, Person> = usePeople.getState().byId) {}

  note(id: string, name: string | undefined, role: PersonRole | null | undefined): void {
    if (!name) return;
    // An edit applies at once, so the current version reads this batch's people too.
    const known = this.current.get(id);
    const nextRole = role ?? known?.role ?? null;
    if (known && known.name === name && known.role === nextRole) return;
    this.edit ??= this.current.edit();
    this.edit.delete(id);
    this.edit.set(id, { name, role: nextRole });
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
    const edit = this.edit;
    if (!edit) return;
    let over = edit.size - MAX_PEOPLE;
    for (const id of edit.keys()) {
      if (over-- <= 0) break;
      edit.delete(id);
    }
    usePeople.setState({ byId: edit.commit() });
  }
}

export function resetPeople(): void {
  usePeople.setState({ byId: VersionedMap.empty() });
}

/** The person with this id, if the console has learnt who they are (a single-value selector). */
export function usePerson(id: string | undefined): Person | undefined {
  return usePeople((s) => (id === undefined ? undefined : s.byId.get(id)));
}
