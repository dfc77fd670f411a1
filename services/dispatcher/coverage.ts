import type { CLASS_ROLES } from '../../shared/auth/claims';
import type { ClassTags, HELP_TOPICS, TagEntry } from '../../shared/protocol/supervision';
import { severityRank, TAGS, type Remedy, type TagId, type TagSpec } from '../../shared/tags/catalogue';

type HelpTopic = (typeof HELP_TOPICS)[number];

/** Remedies one request may try at once; a class with more distinct problems than this needs a person anyway. */
export const MAX_REMEDIES_PER_REQUEST = 5;
/** Tags one request may cover (the HelpState schema's limit). */
export const MAX_COVERED_TAGS = 50;

/** The tags a help button's topic is about; `other` is about any problem. */
const TOPIC_TAGS: Record<Exclude<HelpTopic, 'other'>, ReadonlySet<TagId>> = {
  audio: new Set(['entry.init-failed.media', 'entry.init-failed.messaging', 'entry.slow', 'stream.audio-stuck', 'stream.cant-hear']),
  video: new Set(['entry.init-failed.media', 'entry.init-failed.messaging', 'entry.slow', 'stream.video-stuck', 'stream.cant-see']),
  courseware: new Set(['entry.init-failed.courseware', 'course.load-failed', 'course.not-synced']),
  board: new Set(['course.not-synced', 'course.cant-draw', 'entry.init-failed.courseware']),
};

export interface Requester {
  id: string;
  role: (typeof CLASS_ROLES)[number];
}

/** One command the playbook sends: which remedy, to whom, and the tags it should clear. */
export interface PlannedRemedy {
  action: Remedy;
  to: string;
  tags: TagEntry[];
}

export type Coverage =
  | { ok: true; covered: TagEntry[]; plan: PlannedRemedy[] }
  | { ok: false; reason: string };

function topicMatches(topic: HelpTopic, tag: TagId): boolean {
  return topic === 'other' || TOPIC_TAGS[topic].has(tag);
}

/**
 * Which of a class's current problem tags a help request is about. A participant's request covers their own tags, the
 * class-wide ones and the teacher's (a teacher who cannot be heard is everyone's problem); a teacher's request covers
 * the whole class. When some of those match the request's topic, only those are covered: the user said what hurts.
 */
export function relevantTags(tags: readonly TagEntry[], requester: Requester, teacherId: string | null, topic: HelpTopic): TagEntry[] {
  const isTeacher = requester.role === 'teacher' || requester.id === teacherId;
  const relevant = tags.filter((entry) => {
    const spec = TAGS[entry.tag];
    if (spec.severity === 'ok' || spec.remedy === null) return false;
    return isTeacher || entry.userId === undefined || entry.userId === requester.id || entry.userId === teacherId;
  });
  const onTopic = relevant.filter((entry) => topicMatches(topic, entry.tag));
  const chosen = onTopic.length > 0 ? onTopic : relevant;
  // Worst first, then the longest-standing, then the requester's own.
  return chosen.sort(
    (a, b) =>
      severityRank(TAGS[b.tag].severity) - severityRank(TAGS[a.tag].severity) ||
      a.since - b.since ||
      Number(b.userId === requester.id) - Number(a.userId === requester.id),
  );
}

/** Who a tag's remedy goes to, or null when that person is unknown. */
export function remedyTarget(entry: TagEntry, requester: Requester, teacherId: string | null): string | null {
  const spec: TagSpec = TAGS[entry.tag];
  if (spec.remedyTarget === 'teacher') return teacherId;
  return entry.userId ?? requester.id;
}

/**
 * The playbook: one command per distinct (remedy, recipient) among the covered tags, in the order of the tags. Tags
 * whose remedy cannot be sent (no teacher known, too many remedies) are left out of the coverage, so the request is
 * only ever resolved by the tags its remedies were meant to clear.
 */
export function coverage(classTags: ClassTags | undefined, requester: Requester, teacherId: string | null, topic: HelpTopic): Coverage {
  if (!classTags) return { ok: false, reason: 'not coverable: the tagger has published no tags for this class' };
  const relevant = relevantTags(classTags.tags, requester, teacherId, topic);
  if (relevant.length === 0) {
    const others = classTags.tags.filter((t) => TAGS[t.tag].severity !== 'ok').length;
    return {
      ok: false,
      reason: others > 0
        ? `not coverable: none of the class's ${others} problem tags concern ${requester.id}`
        : 'not coverable: the class has no problem tags',
    };
  }
  const plan: PlannedRemedy[] = [];
  const covered: TagEntry[] = [];
  let missingTeacher = false;
  for (const entry of relevant) {
    if (covered.length >= MAX_COVERED_TAGS) break;
    const action = TAGS[entry.tag].remedy!;
    const to = remedyTarget(entry, requester, teacherId);
    if (to === null) {
      missingTeacher = true;
      continue;
    }
    let step = plan.find((p) => p.action === action && p.to === to);
    if (!step) {
      if (plan.length >= MAX_REMEDIES_PER_REQUEST) continue;
      step = { action, to, tags: [] };
      plan.push(step);
    }
    step.tags.push(entry);
    covered.push(entry);
  }
  if (plan.length === 0) {
    return { ok: false, reason: missingTeacher ? "not coverable: the remedy goes to the class's teacher, who is not known" : 'not coverable' };
  }
  return { ok: true, covered, plan };
}

/** Whether a tag entry (by tag and participant) is still among a class's tags. */
export function stillTagged(entry: Pick<TagEntry, 'tag' | 'userId'>, classTags: ClassTags | undefined): boolean {
  return classTags?.tags.some((t) => t.tag === entry.tag && t.userId === entry.userId) ?? false;
}
