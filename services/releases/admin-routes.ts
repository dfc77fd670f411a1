import { z } from 'zod';
import { ArtifactName, RELEASE_PLATFORMS, RELEASE_RINGS, ReleaseVersion, Sha512Base64 } from '../../shared/releases/documents';
import { exportAudit } from '../dispatcher/audit-export';
import { readJsonObject, sendJson } from '../http/json';
import type { Actor } from './release-book';
import { ReleaseError } from './errors';
import { Channel, Percent, RingConfig, type ReleaseRecord } from './model';
import type { ReleaseService } from './release-service';
import { parseWith, type RouteContext, type RouteSpec } from './route-spec';

const reason = z.string().max(500);
const CreateBody = z.object({ version: ReleaseVersion, channel: Channel.default('latest'), notes: z.string().max(8_000).default('') }).strict();
const RolloutBody = z.object({ ring: z.enum(RELEASE_RINGS), percent: Percent, reason: reason.default('') }).strict();
const PromoteBody = z.object({ to: z.enum(RELEASE_RINGS).optional(), percent: Percent.refine((p) => p > 0, 'more than 0'), reason: reason.default('') }).strict();
const ReasonBody = z.object({ reason: reason.min(1, 'say why: it goes in the audit log') }).strict();
const OptionalReasonBody = z.object({ reason: reason.default('') }).strict();

const whole = z.coerce.number().int().nonnegative();
const AuditQuery = z
  .object({
    from: whole.optional(),
    to: whole.optional(),
    after: whole.optional(),
    limit: z.coerce.number().int().positive().max(100_000).default(100_000),
    format: z.enum(['jsonl', 'csv']).default('jsonl'),
  })
  .strict();

const UploadQuery = z
  .object({
    // URL query decoding turns an unescaped "+" into a space; base64 has no spaces, so they are put back.
    sha512: z.string().transform((s) => s.replaceAll(' ', '+')).pipe(Sha512Base64),
    size: z.coerce.number().int().positive(),
    platform: z.enum(RELEASE_PLATFORMS).optional(),
    blockMapSize: z.coerce.number().int().positive().optional(),
  })
  .strict();

const actorOf = ({ bearer }: RouteContext): Actor => ({ id: bearer!.id, kind: 'admin' });
const versionOf = ({ params }: RouteContext) => parseWith(ReleaseVersion, params.version, 'bad-version', 'version');
const body = async <S extends z.ZodType>(context: RouteContext, schema: S) => parseWith(schema, await readJsonObject(context.req), 'bad-request', 'body');

/** A release as the API shows it: its record, and per ring its health against the version it replaces. */
export function releaseView(service: ReleaseService, release: ReleaseRecord) {
  return { ...release, health: service.gate.health(release.version) };
}

function overview(service: ReleaseService) {
  const now = Date.now();
  return {
    releases: service.state.releases.map((r) => releaseView(service, r)),
    rings: service.state.rings,
    gate: service.gate.thresholds,
    adoption: { at: now, counts: service.adoption.counts(now), history: service.adoption.samples() },
    publicKey: service.signing.publicKey,
  };
}

/** An action on one release: `{changed, release}`; pressing it again when it is already done changes (and audits) nothing. */
function action(path: string, run: (context: RouteContext, service: ReleaseService, version: string) => Promise<unknown>): RouteSpec {
  return {
    method: 'POST',
    path: `/api/releases/{version}/${path}`,
    auth: 'admin',
    handle: async (context) => {
      const version = versionOf(context);
      const { changed } = (await run(context, context.service, version)) as { changed: boolean };
      sendJson(context.res, 200, { changed, release: releaseView(context.service, context.service.release(version)) });
    },
  };
}

async function upload(context: RouteContext): Promise<void> {
  const { req, res, url, service } = context;
  const version = versionOf(context);
  const name = parseWith(ArtifactName, context.params.name, 'bad-name', 'name');
  const query = parseWith(UploadQuery, { size: req.headers['content-length'], ...Object.fromEntries(url.searchParams) }, 'bad-params', 'query');
  const declared = Number(req.headers['content-length'] ?? query.size);
  if (declared !== query.size) throw new ReleaseError(400, 'size-mismatch', `content-length is ${declared}, size says ${query.size}`);
  const result = await service.upload(actorOf(context), { version, name, platform: query.platform ?? null, size: query.size, sha512: query.sha512, blockMapSize: query.blockMapSize }, req);
  sendJson(res, 201, { changed: result.changed, release: releaseView(service, service.release(version)) });
}

/** The routes admins act through; supervisors may read (`read`). */
export const ADMIN_ROUTES: readonly RouteSpec[] = [
  { method: 'GET', path: '/api/releases', auth: 'read', handle: async ({ res, service }) => sendJson(res, 200, overview(service)) },
  {
    method: 'POST',
    path: '/api/releases',
    auth: 'admin',
    handle: async (context) => {
      const input = await body(context, CreateBody);
      await context.service.createRelease(actorOf(context), input);
      sendJson(context.res, 201, { changed: true, release: releaseView(context.service, context.service.release(input.version)) });
    },
  },
  { method: 'GET', path: '/api/releases/rings', auth: 'read', handle: async ({ res, service }) => sendJson(res, 200, service.state.rings) },
  {
    method: 'PUT',
    path: '/api/releases/rings',
    auth: 'admin',
    handle: async (context) => {
      const { changed, state } = await context.service.setRings(actorOf(context), await body(context, RingConfig.strict()));
      sendJson(context.res, 200, { changed, rings: state.rings });
    },
  },
  {
    method: 'GET',
    path: '/api/releases/audit',
    auth: 'read',
    handle: async ({ res, url, service }) => {
      const query = parseWith(AuditQuery, Object.fromEntries(url.searchParams), 'bad-params', 'query');
      const page = await exportAudit(service.audit, query, 64 * 1024 * 1024);
      const csv = page.format === 'csv';
      res.writeHead(200, {
        'content-type': csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="release-audit.${csv ? 'csv' : 'jsonl'}"`,
        'content-length': Buffer.byteLength(page.text),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-audit-count': String(page.count),
        ...(page.next !== null ? { 'x-audit-next': String(page.next) } : {}),
      });
      res.end(page.text);
    },
  },
  {
    method: 'GET',
    path: '/api/releases/{version}',
    auth: 'read',
    handle: async (context) => sendJson(context.res, 200, releaseView(context.service, context.service.release(versionOf(context)))),
  },
  { method: 'PUT', path: '/api/releases/{version}/artifacts/{name}', auth: 'admin', handle: upload },
  action('publish', (context, service, version) => service.publish(actorOf(context), version)),
  action('rollout', async (context, service, version) => {
    const { ring, percent, reason: why } = await body(context, RolloutBody);
    return service.setRollout(actorOf(context), version, ring, percent, why);
  }),
  action('promote', async (context, service, version) => {
    const { to, percent, reason: why } = await body(context, PromoteBody);
    return service.promote(actorOf(context), version, to, percent, why);
  }),
  action('halt', async (context, service, version) => service.halt(actorOf(context), version, (await body(context, ReasonBody)).reason)),
  action('resume', async (context, service, version) => service.resume(actorOf(context), version, (await body(context, OptionalReasonBody)).reason)),
  action('revoke', async (context, service, version) => service.revoke(actorOf(context), version, (await body(context, ReasonBody)).reason)),
];
