import type { TelemetryEvent } from '../../shared/protocol/messages';
import type { HelpDiagnostics, HelpRequest } from '../../shared/protocol/supervision';
import type { HelpTopic } from './faults';
import type { Prng } from './prng';
import { boardEvents, mediaEvents, onsetEvents, type MemberView } from './signatures';

/** What the help button knows about the participant pressing it. */
export interface HelpContext {
  member: MemberView;
  name: string;
  /** The participant's online classmates, as seen for media. */
  peers: readonly MemberView[];
  appVersion: string;
  device: string;
  asset: string;
  page: number;
  /** When the participant's fault started, if they carry one. */
  faultSince: number | null;
}

const STATS_WINDOW_MS = 60_000;
const STATS_EVERY_MS = 5_000;
const MAX_STATS = 300;

/**
 * The diagnostics a console attaches: the last 60 s of its telemetry (rebuilt here from the participant's state,
 * which is what those reports carried), the app version and device, and its courseware and board state.
 */
export function diagnosticsFor(context: HelpContext, now: number, prng: Prng): HelpDiagnostics {
  const { member, peers, asset, page } = context;
  const stats: TelemetryEvent[] = [];
  const onsetAt = context.faultSince;
  if (onsetAt !== null && onsetAt >= now - STATS_WINDOW_MS) {
    stats.push(...onsetEvents(member, onsetAt, asset, page, prng).filter((event) => (event.at ?? now) <= now));
  }
  for (let at = now - STATS_WINDOW_MS + STATS_EVERY_MS; at <= now; at += STATS_EVERY_MS) {
    stats.push(...mediaEvents(member, peers, at, STATS_EVERY_MS, prng), ...boardEvents(member, at, prng));
  }
  stats.sort((a, b) => (a.at ?? now) - (b.at ?? now));
  const pageId = `p-${page}`;
  return {
    appVersion: context.appVersion,
    device: context.device,
    stats: stats.slice(-MAX_STATS),
    course: { pageId, failedAssets: member.fault === 'course.load-failed' ? [asset] : [] },
    board: { pageId, revision: prng.int(10, 400), unsent: member.fault === 'course.not-synced' ? prng.int(1, 6) : 0 },
  };
}

export function helpRequest(id: string, context: HelpContext, topic: HelpTopic, text: string, now: number, prng: Prng): HelpRequest {
  const { member } = context;
  return {
    v: 1,
    id,
    from: { id: member.userId, name: context.name, role: member.role },
    topic,
    text,
    diagnostics: diagnosticsFor(context, now, prng),
    ts: now,
  };
}

/** What people ask about when nothing the tags can see is wrong. */
export const HEALTHY_QUESTIONS: readonly { topic: HelpTopic; text: string }[] = [
  { topic: 'other', text: 'How do I raise my hand?' },
  { topic: 'audio', text: 'Is my microphone working?' },
  { topic: 'other', text: 'The teacher has not started yet.' },
  { topic: 'courseware', text: 'Where can I download the slides?' },
];
