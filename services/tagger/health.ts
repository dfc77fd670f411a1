import type { ClassState, ClassSummary, Presence } from '../../shared/protocol/messages';
import type { ClassHealth, ClassTags } from '../../shared/protocol/supervision';
import { PROBLEM_TAGS, TAGS, severityRank, worstSeverity, type TagId } from '../../shared/tags/catalogue';

const MAX_PROBLEMS = 50;
const PROBLEM = new Set<TagId>(PROBLEM_TAGS);

interface ClassFacts {
  title: string;
  teacher: { id: string; name: string } | null;
  region: string;
  state: ClassState;
  teacherVersion: string;
  otherVersion: string;
  /** Who the participants are, from their presence, so the wall names people instead of showing their ids. */
  people: Map<string, { name: string; role: Presence['role'] }>;
  published: string;
}

/**
 * The one-line health of each class: what its summary says (title, teacher, region, state), the app version from
 * presence (the teacher's, else a student's), and the worst of its problem tags. It decides when a reader would see a
 * difference, so health is published only then.
 */
export class HealthBook {
  private readonly classes = new Map<string, ClassFacts>();

  noteSummary(summary: ClassSummary): void {
    const facts = this.facts(summary.id);
    facts.title = summary.title;
    facts.teacher = { id: summary.teacher.id, name: summary.teacher.name };
    facts.region = summary.region;
    facts.state = summary.state;
  }

  notePresence(classId: string, presence: Presence): void {
    const facts = this.facts(classId);
    const known = facts.people.get(presence.userId);
    if (known?.name !== presence.name || known.role !== presence.role) facts.people.set(presence.userId, { name: presence.name, role: presence.role });
    if (!presence.appVersion) return;
    if (presence.role === 'teacher' || presence.userId === facts.teacher?.id) facts.teacherVersion = presence.appVersion;
    else if (presence.role === 'student') facts.otherVersion ||= presence.appVersion;
  }

  classIds(): Iterable<string> {
    return this.classes.keys();
  }

  forget(classId: string): void {
    this.classes.delete(classId);
  }

  compose(classId: string, tags: ClassTags | null, now: number): ClassHealth {
    const facts = this.facts(classId);
    const problems = (tags?.tags ?? [])
      .filter((entry) => PROBLEM.has(entry.tag))
      .sort((a, b) => severityRank(TAGS[b.tag].severity) - severityRank(TAGS[a.tag].severity) || a.since - b.since)
      .slice(0, MAX_PROBLEMS)
      .map(({ tag, userId, since }) => {
        if (userId === undefined) return { tag, since };
        const person = facts.people.get(userId);
        return person ? { tag, userId, name: person.name, role: person.role, since } : { tag, userId, since };
      });
    return {
      v: 1,
      classId,
      title: facts.title,
      teacher: facts.teacher,
      region: facts.region,
      appVersion: facts.teacherVersion || facts.otherVersion,
      state: facts.state,
      severity: worstSeverity(problems.map((p) => p.tag)),
      problems,
      updatedAt: now,
    };
  }

  /** The class's health when it differs from what was last returned here (apart from `updatedAt`), else null. */
  changed(classId: string, tags: ClassTags | null, now: number): ClassHealth | null {
    const health = this.compose(classId, tags, now);
    const { updatedAt: _updatedAt, ...seen } = health;
    const signature = JSON.stringify(seen);
    const facts = this.facts(classId);
    if (signature === facts.published) return null;
    facts.published = signature;
    return health;
  }

  private facts(classId: string): ClassFacts {
    let facts = this.classes.get(classId);
    if (!facts) {
      facts = { title: classId, teacher: null, region: '', state: 'live', teacherVersion: '', otherVersion: '', people: new Map(), published: '' };
      this.classes.set(classId, facts);
    }
    return facts;
  }
}
