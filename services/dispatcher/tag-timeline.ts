import type { TagChange } from '../../shared/protocol/rpc/index';
import type { ClassTags, TagEntry } from '../../shared/protocol/supervision';

/** Changes kept per class: enough for a class's recent story, bounded whatever the class does. */
export const TIMELINE_LENGTH = 200;

function key(entry: Pick<TagEntry, 'tag' | 'userId'>): string {
  return `${entry.tag}/${entry.userId ?? ''}`;
}

/** When each tag of each class appeared and cleared, from the successive ClassTags the tagger publishes. */
export class TagTimeline {
  private readonly current = new Map<string, Map<string, TagEntry>>();
  private readonly changes = new Map<string, TagChange[]>();

  note(tags: ClassTags): void {
    const before = this.current.get(tags.classId) ?? new Map<string, TagEntry>();
    const after = new Map(tags.tags.map((entry) => [key(entry), entry]));
    const log = this.changes.get(tags.classId) ?? [];
    for (const [k, entry] of after) {
      if (!before.has(k)) log.push({ at: tags.ts, tag: entry.tag, userId: entry.userId, change: 'appeared', evidence: entry.evidence });
    }
    for (const [k, entry] of before) {
      if (!after.has(k)) log.push({ at: tags.ts, tag: entry.tag, userId: entry.userId, change: 'cleared', evidence: '' });
    }
    if (log.length > TIMELINE_LENGTH) log.splice(0, log.length - TIMELINE_LENGTH);
    this.current.set(tags.classId, after);
    this.changes.set(tags.classId, log);
  }

  forget(classId: string): void {
    this.current.delete(classId);
    this.changes.delete(classId);
  }

  of(classId: string, from = 0, to = Number.MAX_SAFE_INTEGER): TagChange[] {
    return (this.changes.get(classId) ?? []).filter((c) => c.at >= from && c.at < to);
  }
}
