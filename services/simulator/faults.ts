import type { HELP_TOPICS } from '../../shared/protocol/supervision';
import { TAGS, type Remedy, type TagId } from '../../shared/tags/catalogue';

/** Every problem tag of the catalogue; a test keeps this list equal to PROBLEM_TAGS. */
export const FAULT_TAGS = [
  'entry.init-failed.media',
  'entry.init-failed.messaging',
  'entry.init-failed.courseware',
  'entry.slow',
  'stream.audio-stuck',
  'stream.video-stuck',
  'stream.cant-hear',
  'stream.cant-see',
  'course.load-failed',
  'course.not-synced',
  'course.cant-draw',
] as const satisfies readonly TagId[];
export type FaultTag = (typeof FAULT_TAGS)[number];

export function isFaultTag(tag: string): tag is FaultTag {
  return (FAULT_TAGS as readonly string[]).includes(tag);
}

/**
 * Who may carry a fault so that it shows as exactly its own tag. A teacher's stuck audio or video would also make
 * every student "can't hear" or "can't see", and those two tags are about receiving from the teacher, so the stream
 * faults go to students only.
 */
export function carriedBy(tag: FaultTag): 'anyone' | 'student' {
  return tag.startsWith('stream.') ? 'student' : 'anyone';
}

/** The remedy that fixes a fault (when it is fixable at all): the catalogue's playbook for its tag. */
export function remedyFor(tag: FaultTag): Remedy {
  const remedy = TAGS[tag].remedy;
  if (!remedy) throw new Error(`${tag} has no remedy`);
  return remedy;
}

export type HelpTopic = (typeof HELP_TOPICS)[number];

/** What a participant says the problem is when they press help. */
export const HELP_OF: Record<FaultTag, { topic: HelpTopic; text: string }> = {
  'entry.init-failed.media': { topic: 'video', text: 'My camera and microphone do not start.' },
  'entry.init-failed.messaging': { topic: 'other', text: 'It says it cannot connect.' },
  'entry.init-failed.courseware': { topic: 'courseware', text: 'The lesson slides area stays empty.' },
  'entry.slow': { topic: 'other', text: 'Joining the class took forever and it is still slow.' },
  'stream.audio-stuck': { topic: 'audio', text: 'The teacher says they cannot hear me.' },
  'stream.video-stuck': { topic: 'video', text: 'My video is frozen for the others.' },
  'stream.cant-hear': { topic: 'audio', text: 'I cannot hear the teacher.' },
  'stream.cant-see': { topic: 'video', text: 'The teacher video is black.' },
  'course.load-failed': { topic: 'courseware', text: 'The slides did not load.' },
  'course.not-synced': { topic: 'board', text: 'My board is not showing what the teacher draws.' },
  'course.cant-draw': { topic: 'board', text: 'I am allowed to draw but nothing appears.' },
};

/**
 * How a fault looks over time in the field model (services/simulator/field.ts); the clean model knows only `sudden`.
 * - sudden: fully there from its start to its end;
 * - degrading: the stream fades out over 6–20 s (packets or frames fall to nothing), then stays gone;
 * - flicker: sent video still carries a frame or two every 12–18 s;
 * - partial: received video decodes one to four frames per report;
 * - heavy-loss: 85–97% of the received audio's packets are lost;
 * - intermittent: episodes of 20–30 s with 15–45 s of normal between them;
 * - now-and-then: some drawing attempts fail (30–60% of them), the rest go through.
 */
export const FAULT_SHAPES = ['sudden', 'degrading', 'flicker', 'partial', 'heavy-loss', 'intermittent', 'now-and-then'] as const;
export type FaultShape = (typeof FAULT_SHAPES)[number];

/** The shapes each fault takes in the field model. */
export const SHAPES_OF: Record<FaultTag, readonly FaultShape[]> = {
  'entry.init-failed.media': ['sudden'],
  'entry.init-failed.messaging': ['sudden'],
  'entry.init-failed.courseware': ['sudden'],
  'entry.slow': ['sudden'],
  'stream.audio-stuck': ['sudden', 'degrading'],
  'stream.video-stuck': ['sudden', 'flicker', 'degrading'],
  'stream.cant-hear': ['sudden', 'heavy-loss', 'intermittent'],
  'stream.cant-see': ['sudden', 'partial', 'intermittent'],
  'course.load-failed': ['sudden'],
  'course.not-synced': ['sudden'],
  'course.cant-draw': ['sudden', 'now-and-then'],
};

/** When a fault was present (simulator clock): one interval, or one per episode of a fault that comes and goes. */
export interface Episode {
  start: number;
  /** Null while it lasts. */
  end: number | null;
}

/** A fault to inject into one simulated participant. */
export interface FaultSpec {
  classId: string;
  userId: string;
  tag: FaultTag;
  /** False: no remedy fixes it (default true). */
  fixable?: boolean;
  /** Matching remedies that are carried out without effect before one works ("the second line works"). */
  resists?: number;
  /** Commands the client leaves unanswered (no acknowledgement at all) before it answers again. */
  silent?: number;
  /** Press help: after `delayMs`, or not at all with `false` (default: as tuned for random faults). */
  help?: false | { delayMs: number };
  /** Field model only: its shape (default sudden), and how long it lasts before it ends by itself. */
  shape?: FaultShape;
  lifetimeMs?: number;
}

/** Ground truth about one fault: where and when it was injected, and when and how it ended. */
export interface FaultRecord {
  id: string;
  classId: string;
  userId: string;
  tag: FaultTag;
  fixable: boolean;
  resists: number;
  silent: number;
  origin: 'random' | 'injected';
  injectedAt: number;
  fixedAt: number | null;
  /** The command that fixed it, or `lifetime` when it ended by itself. */
  fixedBy: { commandId: string; action: string; by: string } | 'lifetime' | null;
  /** Ids of the help requests its participant sent about it. */
  help: string[];
  /** Field model: the shape, and when it was present (filled in as it goes; the clean model leaves them out). */
  shape?: FaultShape;
  episodes?: Episode[];
}

/** What a command did to the participant it was addressed to. */
export type CommandEffect = 'fixed' | 'resisted' | 'unfixable' | 'wrong-remedy' | 'no-fault' | 'not-a-remedy';

export interface CommandRecord {
  commandId: string;
  classId: string;
  userId: string;
  action: string;
  by: string;
  at: number;
  answer: 'ok' | 'refused' | 'none';
  /** Null until the remedy completes (or forever, when it was not carried out). */
  effect: CommandEffect | null;
  faultId: string | null;
}

/** Why a help request was sent: about a fault, again about the same fault, or noise the dispatcher must reject. */
export const HELP_KINDS = ['fault', 'repeat', 'redelivery', 'healthy', 'impersonated', 'expired', 'wrong-class', 'malformed'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

export interface HelpRecord {
  id: string;
  classId: string;
  userId: string;
  at: number;
  kind: HelpKind;
  faultId: string | null;
}
