import { z } from 'zod';
import { ClassTags, HELP_STATUSES, HELP_TOPICS, HelpState, Id, RpcFailure } from '../../../shared/protocol';
import { TagIdSchema, type Remedy } from '../../../shared/tags/catalogue';
import { currentLink } from '../../session/signIn';

/**
 * The supervisors' side of the `dispatcher` RPC service (docs/protocol.md). Every result is checked against the
 * shape the console relies on before it is used: a service that answers something else is an error, not a crash.
 */
const timestamp = z.number().int().nonnegative();

export const TagChange = z.object({
  at: timestamp,
  tag: TagIdSchema,
  userId: Id.optional(),
  change: z.enum(['appeared', 'cleared']),
  evidence: z.string().max(200).default(''),
});
export type TagChange = z.infer<typeof TagChange>;

/** One audit entry; actions the console does not know yet are shown by name. */
export const AuditEntry = z.object({
  seq: z.number().int().nonnegative(),
  at: timestamp,
  action: z.string().max(64),
  actor: z.object({ id: z.string().max(64), kind: z.string().max(32) }),
  requestId: Id.optional(),
  classId: Id.optional(),
  detail: z.string().max(1000).default(''),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const ClassTimeline = z.object({
  classId: Id,
  tags: ClassTags.nullable(),
  changes: z.array(TagChange).max(1_000),
  actions: z.array(AuditEntry).max(1_000),
  open: z
    .array(z.object({ id: Id, status: z.enum(HELP_STATUSES), topic: z.enum(HELP_TOPICS), from: z.object({ id: Id, name: z.string().max(120) }) }))
    .max(100),
});
export type ClassTimeline = z.infer<typeof ClassTimeline>;

const AuditPage = z.object({ format: z.literal('jsonl'), text: z.string(), count: z.number().int().nonnegative(), next: z.number().int().nullable() });
const RemedyResult = z.object({ commandId: Id, state: HelpState });

/** How an action ended for the person who asked: done, or why not, in words a supervisor can act on. */
export class DispatcherError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DispatcherError';
  }
}

async function call<S extends z.ZodType>(method: string, params: unknown, schema: S): Promise<z.infer<S>> {
  const link = currentLink();
  if (!link) throw new DispatcherError('disconnected', 'not signed in');
  let result: unknown;
  try {
    result = await link.request('dispatcher', method, params);
  } catch (error) {
    if (error instanceof RpcFailure) throw new DispatcherError(error.remote?.code ?? error.code, error.remote?.message ?? error.message);
    throw new DispatcherError('invalid-request', (error as Error).message);
  }
  const parsed = schema.safeParse(result);
  if (!parsed.success) throw new DispatcherError('invalid-response', `the dispatcher answered ${method} with something unexpected`);
  return parsed.data;
}

export const claimRequest = (id: string) => call('help.claim', { id }, HelpState);
export const releaseRequest = (id: string) => call('help.release', { id }, HelpState);
export const escalateRequest = (id: string, note: string) => call('help.escalate', { id, note }, HelpState);
export const resolveRequest = (id: string, note: string, force: boolean) => call('help.resolve', { id, note, force }, HelpState);
export const sendRemedy = (id: string, action: Remedy, to: string | undefined) =>
  call('help.remedy', to ? { id, action, to } : { id, action }, RemedyResult);
export const classTimeline = (classId: string, from?: number) =>
  call('class.timeline', from === undefined ? { classId } : { classId, from }, ClassTimeline);

/** The audit entries of one request, oldest first (one page: a request has far fewer than a page holds). */
export async function requestAudit(requestId: string): Promise<AuditEntry[]> {
  const page = await call('audit.export', { requestId, format: 'jsonl', limit: 1_000 }, AuditPage);
  const entries: AuditEntry[] = [];
  for (const line of page.text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = AuditEntry.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // A line that is not JSON is skipped; the rest of the trail is still worth showing.
    }
  }
  return entries;
}
