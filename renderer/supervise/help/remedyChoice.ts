import type { HelpState } from '../../../shared/protocol';
import { TAGS, severityRank, type Remedy, type TagSpec } from '../../../shared/tags/catalogue';

export interface RemedyChoice {
  action: Remedy;
  /** Who the command goes to. */
  to: string;
}

/**
 * The remedy the catalogue suggests for a request: the playbook of its worst tag that has one, sent to the
 * participant the tag is about (or the teacher, when the playbook says so). Without such a tag: switch the
 * requester's line, the remedy that fixes the most.
 */
export function suggestedRemedy(state: HelpState, teacherId: string | null): RemedyChoice {
  const ordered = [...state.tags].sort((a, b) => severityRank(TAGS[b.tag].severity) - severityRank(TAGS[a.tag].severity));
  for (const entry of ordered) {
    const spec: TagSpec = TAGS[entry.tag];
    if (!spec.remedy) continue;
    const to = spec.remedyTarget === 'teacher' ? (teacherId ?? state.from.id) : (entry.userId ?? state.from.id);
    return { action: spec.remedy, to };
  }
  return { action: 'switch-line', to: state.from.id };
}

/** Everyone a remedy could go to: the participants the tags name, the requester and the teacher, each once. */
export function remedyTargets(state: HelpState, teacherId: string | null): string[] {
  const targets = new Set<string>();
  for (const entry of state.tags) if (entry.userId) targets.add(entry.userId);
  targets.add(state.from.id);
  if (teacherId) targets.add(teacherId);
  return [...targets];
}
