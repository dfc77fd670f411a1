import type { ServiceContract } from './contract';
import { BOARD } from './board';
import { DIRECTORY } from './directory';
import { DISPATCHER } from './dispatcher';
import { MODERATION } from './moderation';
import { RECORDER } from './recorder';
import { POLLS } from './polls';
import { REPORTS } from './reports';
import { BREAKOUTS } from './breakouts';
import { SFU } from './sfu';

export * from './contract';
export * from './failure';
export { BOARD } from './board';
export { DIRECTORY } from './directory';
export { MODERATION, ChatSendResult, CHAT_REFUSALS } from './moderation';
export { SFU } from './sfu';
export { RECORDER } from './recorder';
export { POLLS, AnswerResult, KeptPoll, ANSWER_REFUSALS } from './polls';
export { REPORTS, REPORT_REFUSALS, mayReadReport, readsReports } from './reports';
export { BREAKOUTS, BREAKOUT_REFUSALS } from './breakouts';
export {
  DISPATCHER, AuditEntry, AuditExportParams, AuditPage, ClassTimeline, HelpStatusResult, MAX_EXPORT_ENTRIES, RequestRef, TagChange,
} from './dispatcher';

/**
 * Every backend service that answers requests on `svc/{service}/req/{userId}`, with its methods' contracts. Services
 * declare their methods against these, and the console calls them through them; docs/protocol.md prints the table.
 */
export const RPC = {
  directory: DIRECTORY,
  moderation: MODERATION,
  board: BOARD,
  dispatcher: DISPATCHER,
  sfu: SFU,
  recorder: RECORDER,
  polls: POLLS,
  reports: REPORTS,
  breakouts: BREAKOUTS,
} as const satisfies Record<string, ServiceContract>;

export type ServiceName = keyof typeof RPC;
export const SERVICES = Object.keys(RPC) as ServiceName[];
