import { z } from 'zod';
import type { COMMAND_ACTIONS } from '../protocol/messages';

/**
 * The problem-tag catalogue: what the tagger can say about a class, at which level of the lesson, how bad it is and
 * which remedy playbook fixes it. The tagger, the dispatcher, the simulator and the supervisor console all read it.
 */
export const TAG_LEVELS = ['L1', 'L2', 'L3'] as const;
export type TagLevel = (typeof TAG_LEVELS)[number];

export const SEVERITIES = ['ok', 'info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const REMEDIES = ['switch-line', 'restart-media', 'reload-courseware', 'resync-board'] as const satisfies readonly (typeof COMMAND_ACTIONS)[number][];
export type Remedy = (typeof REMEDIES)[number];

export interface TagSpec {
  level: TagLevel;
  severity: Severity;
  /** The playbook the dispatcher sends first; null for states that need no remedy. */
  remedy: Remedy | null;
  /** Who the remedy goes to: the participant the tag names, or the class's teacher. */
  remedyTarget: 'subject' | 'teacher' | null;
  /** Plain-language meaning, shown on the wall and in the help queue. */
  meaning: string;
}

export const TAGS = {
  // L1: entering the classroom
  'entry.entered': { level: 'L1', severity: 'ok', remedy: null, remedyTarget: null, meaning: 'Entered the classroom' },
  'entry.init-failed.media': { level: 'L1', severity: 'critical', remedy: 'restart-media', remedyTarget: 'subject', meaning: 'Camera or microphone failed to start' },
  'entry.init-failed.messaging': { level: 'L1', severity: 'critical', remedy: 'switch-line', remedyTarget: 'subject', meaning: 'Messaging failed to connect' },
  'entry.init-failed.courseware': { level: 'L1', severity: 'warning', remedy: 'reload-courseware', remedyTarget: 'subject', meaning: 'Courseware failed to initialise' },
  'entry.slow': { level: 'L1', severity: 'warning', remedy: 'switch-line', remedyTarget: 'subject', meaning: 'Entering the classroom took too long' },
  // L2: streaming
  'stream.audio-stuck': { level: 'L2', severity: 'critical', remedy: 'restart-media', remedyTarget: 'subject', meaning: 'Sent audio stopped flowing' },
  'stream.video-stuck': { level: 'L2', severity: 'warning', remedy: 'restart-media', remedyTarget: 'subject', meaning: 'Sent video froze' },
  'stream.cant-hear': { level: 'L2', severity: 'critical', remedy: 'switch-line', remedyTarget: 'subject', meaning: 'The teacher is speaking but this participant receives silence' },
  'stream.cant-see': { level: 'L2', severity: 'warning', remedy: 'switch-line', remedyTarget: 'subject', meaning: 'The teacher sends video but this participant decodes no frames' },
  'stream.normal': { level: 'L2', severity: 'ok', remedy: null, remedyTarget: null, meaning: 'Audio and video flowing' },
  // L3: courseware and whiteboard
  'course.load-failed': { level: 'L3', severity: 'warning', remedy: 'reload-courseware', remedyTarget: 'subject', meaning: 'Courseware failed to load' },
  'course.not-synced': { level: 'L3', severity: 'warning', remedy: 'resync-board', remedyTarget: 'subject', meaning: 'Board or page out of step with the teacher' },
  'course.cant-draw': { level: 'L3', severity: 'warning', remedy: 'resync-board', remedyTarget: 'subject', meaning: 'Drawing is granted but the participant cannot draw' },
  'course.normal': { level: 'L3', severity: 'ok', remedy: null, remedyTarget: null, meaning: 'Courseware and board in step' },
} as const satisfies Record<string, TagSpec>;

export type TagId = keyof typeof TAGS;
export const TAG_IDS = Object.keys(TAGS) as TagId[];
export const TagIdSchema = z.enum(TAG_IDS as [TagId, ...TagId[]]);

/** Tags that describe a problem (severity above ok). */
export const PROBLEM_TAGS = TAG_IDS.filter((id) => TAGS[id].severity !== 'ok');

const SEVERITY_RANK: Record<Severity, number> = { ok: 0, info: 1, warning: 2, critical: 3 };

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/** The worst severity among some tags; `ok` for none. */
export function worstSeverity(tags: readonly TagId[]): Severity {
  let worst: Severity = 'ok';
  for (const tag of tags) if (SEVERITY_RANK[TAGS[tag].severity] > SEVERITY_RANK[worst]) worst = TAGS[tag].severity;
  return worst;
}
