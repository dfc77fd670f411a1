import type { Presence } from '../../shared/protocol/messages';

export interface PresenceCounts {
  teachers: number;
  students: number;
}

/**
 * Who is online in each class, from the retained presence messages. The topic names the sender, so the user id comes
 * from the topic, not the payload; only the class's own teacher counts as its teacher, whatever a payload claims.
 * Presence of anyone else who is not a student (a supervisor, another teacher) is not counted.
 */
export class PresenceBook {
  private readonly online = new Map<string, Map<string, 'teacher' | 'student'>>();

  constructor(private readonly teacherOf: (classId: string) => string | undefined) {}

  /**
   * Records one presence message (`null` when the retained presence was cleared). Returns true when the class's
   * counts changed, so the caller publishes only real changes.
   */
  apply(classId: string, userId: string, presence: Presence | null): boolean {
    const before = this.counts(classId);
    const people = this.online.get(classId) ?? new Map<string, 'teacher' | 'student'>();
    const seat = this.seatOf(classId, userId, presence);
    if (presence?.online && seat) people.set(userId, seat);
    else people.delete(userId);
    if (people.size > 0) this.online.set(classId, people);
    else this.online.delete(classId);
    const after = this.counts(classId);
    return before.teachers !== after.teachers || before.students !== after.students;
  }

  counts(classId: string): PresenceCounts {
    const counts = { teachers: 0, students: 0 };
    for (const seat of this.online.get(classId)?.values() ?? []) {
      if (seat === 'teacher') counts.teachers++;
      else counts.students++;
    }
    return counts;
  }

  private seatOf(classId: string, userId: string, presence: Presence | null): 'teacher' | 'student' | null {
    if (userId === this.teacherOf(classId)) return 'teacher';
    return presence?.role === 'student' ? 'student' : null;
  }
}
