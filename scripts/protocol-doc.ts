/**
 * docs:protocol — rewrites the generated blocks of docs/protocol.md from the code: every payload's field table (from
 * the zod schemas), each service's methods from its RPC contract (result, summary, params), the default filtered
 * words, the kinds that may be retained and the sign-in failure codes. A block runs from `<!-- <family>:<key> -->`
 * to `<!-- /<family> -->`; everything outside the blocks is written by hand. scripts/protocol-doc.test.ts fails
 * when the committed doc differs from what this writes.
 *
 * Usage: npm run docs:protocol            rewrite docs/protocol.md
 *        npm run docs:protocol -- --check exit 1 if it is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { AUTH_FAILURES, Claims } from '../shared/auth/claims';
import { Credentials, IssuedToken } from '../shared/ipc/contract';
import { KINDS, type TopicKind } from '../shared/protocol';
import * as messages from '../shared/protocol/messages';
import * as media from '../shared/protocol/media';
import * as recording from '../shared/protocol/recording';
import * as polls from '../shared/protocol/polls';
import * as reports from '../shared/protocol/reports';
import * as breakouts from '../shared/protocol/breakouts';
import { AUTHORED_KINDS, PERSON_CLEARABLE_KINDS } from '../shared/protocol/authorship';
import { RPC, type ServiceName } from '../shared/protocol/rpc/index';
import * as supervision from '../shared/protocol/supervision';
import * as releases from '../shared/protocol/releases';
import { ElementProps, ElementRecord } from '../shared/whiteboard/element';
import { DEFAULT_MODERATION } from '../services/moderation/word-filter';
import { FieldRenderer, type NamedSchema } from './protocol-fields';
import { tagBlocks } from './protocol-tags';

export const DOC_URL = new URL('../docs/protocol.md', import.meta.url);

const PAYLOAD_MODULES = [
  { file: 'shared/protocol/messages.ts', exports: messages as Record<string, unknown> },
  { file: 'shared/protocol/supervision.ts', exports: supervision as Record<string, unknown> },
  { file: 'shared/protocol/media.ts', exports: media as Record<string, unknown> },
  { file: 'shared/protocol/releases.ts', exports: releases as Record<string, unknown> },
  { file: 'shared/protocol/polls.ts', exports: polls as Record<string, unknown> },
  { file: 'shared/protocol/breakouts.ts', exports: breakouts as Record<string, unknown> },
  { file: 'shared/protocol/recording.ts', exports: recording as Record<string, unknown> },
];

/** A kind's schema, by the name its module exports it under. */
function kindSchema(kind: TopicKind): NamedSchema {
  const schema: z.ZodType = KINDS[kind].schema;
  for (const { file, exports } of PAYLOAD_MODULES) {
    const found = Object.entries(exports).find(([, value]) => value === schema);
    if (found) return { name: found[0], schema, file, exportName: found[0] };
  }
  throw new Error(`the schema of ${kind} is not exported by ${PAYLOAD_MODULES.map((m) => m.file).join(', ')}`);
}

function named(name: string, schema: z.ZodType, file: string, key?: string): NamedSchema {
  return { name, schema, file, exportName: name, key };
}

export const KIND_SCHEMAS = Object.fromEntries(
  (Object.keys(KINDS) as TopicKind[]).map((kind) => [kind, kindSchema(kind)]),
) as Record<TopicKind, NamedSchema>;

/** Records inside payloads that have tables of their own (and are linked from their parents' tables). */
export const RECORDS: readonly NamedSchema[] = [
  named('RpcError', messages.RpcError, 'shared/protocol/messages.ts'),
  named('ElementRecord', ElementRecord, 'shared/whiteboard/element.ts'),
  named('ElementProps', ElementProps, 'shared/whiteboard/element.ts'),
  named('CoursePage', messages.CoursePage, 'shared/protocol/messages.ts'),
  named('TelemetryEvent', messages.TelemetryEvent, 'shared/protocol/messages.ts'),
  named('HelpDiagnostics', supervision.HelpDiagnostics, 'shared/protocol/supervision.ts'),
  named('TagEntry', supervision.TagEntry, 'shared/protocol/supervision.ts'),
  named('RemedyAttempt', supervision.RemedyAttempt, 'shared/protocol/supervision.ts'),
  named('MediaLine', media.MediaLine, 'shared/protocol/media.ts'),
  named('IceServer', media.IceServer, 'shared/protocol/media.ts'),
  named('ReleaseSummary', releases.ReleaseSummary, 'shared/protocol/releases.ts'),
  named('RingHealth', releases.RingHealth, 'shared/protocol/releases.ts'),
  named('Credentials', Credentials, 'shared/ipc/contract.ts'),
  named('IssuedToken', IssuedToken, 'shared/ipc/contract.ts'),
  named('Claims', Claims, 'shared/auth/claims.ts'),
  named('ClassReport', reports.ClassReport, 'shared/protocol/reports.ts'),
  named('ReportPerson', reports.ReportPerson, 'shared/protocol/reports.ts'),
  named('ReportPoll', reports.ReportPoll, 'shared/protocol/reports.ts'),
  named('ReportProblem', reports.ReportProblem, 'shared/protocol/reports.ts'),
  named('ReportHelp', reports.ReportHelp, 'shared/protocol/reports.ts'),
  named('ReportSummary', reports.ReportSummary, 'shared/protocol/reports.ts'),
];

/** Where each service's contract is declared, for the JSDoc of its params' fields. */
const CONTRACT_SOURCES: Record<ServiceName, { file: string; exportName: string }> = {
  directory: { file: 'shared/protocol/rpc/directory.ts', exportName: 'DIRECTORY' },
  moderation: { file: 'shared/protocol/rpc/moderation.ts', exportName: 'MODERATION' },
  board: { file: 'shared/protocol/rpc/board.ts', exportName: 'BOARD' },
  dispatcher: { file: 'shared/protocol/rpc/dispatcher.ts', exportName: 'DISPATCHER' },
  sfu: { file: 'shared/protocol/rpc/sfu.ts', exportName: 'SFU' },
  recorder: { file: 'shared/protocol/rpc/recorder.ts', exportName: 'RECORDER' },
  polls: { file: 'shared/protocol/rpc/polls.ts', exportName: 'POLLS' },
  reports: { file: 'shared/protocol/rpc/reports.ts', exportName: 'REPORTS' },
  breakouts: { file: 'shared/protocol/rpc/breakouts.ts', exportName: 'BREAKOUTS' },
};

/** Each service's methods from its RPC contract (shared/protocol/rpc): params, result and summary. */
export const SERVICE_METHODS = Object.fromEntries(
  (Object.keys(RPC) as ServiceName[]).map((service) => [
    service,
    Object.entries(RPC[service]).map(([method, contract]) => ({
      method,
      params: { name: `${service}.${method}`, schema: contract.params, ...CONTRACT_SOURCES[service], key: method },
      result: contract.result,
      summary: contract.summary,
    })),
  ]),
) as Record<ServiceName, { method: string; params: NamedSchema; result: z.ZodType; summary: string }[]>;

/** The kinds a client may publish retained: exactly those whose KINDS entry says `retain` (retainAllowed). */
export function retainedKinds(): TopicKind[] {
  return (Object.keys(KINDS) as TopicKind[]).filter((kind) => KINDS[kind].retain);
}

/** Every generated block of docs/protocol.md, keyed `<family>:<key>`. */
export function generatedBlocks(): Map<string, string> {
  const renderer = new FieldRenderer([...Object.values(KIND_SCHEMAS), ...RECORDS]);
  const blocks = new Map<string, string>();
  const fields = (key: string, entry: NamedSchema) => {
    const summary = renderer.summary(entry);
    blocks.set(`fields:${key}`, `${summary ? `${summary}\n\n` : ''}${renderer.render(entry)}`);
  };
  for (const [kind, entry] of Object.entries(KIND_SCHEMAS)) fields(kind, entry);
  for (const entry of RECORDS) fields(entry.name, entry);
  for (const [service, methods] of Object.entries(SERVICE_METHODS)) blocks.set(`methods:${service}`, renderer.renderMethods(methods));
  const kinds = (list: Iterable<TopicKind>) => [...list].map((kind) => `\`${kind}\``).join(', ');
  blocks.set('list:retained', kinds(retainedKinds()));
  blocks.set('list:authored', kinds(AUTHORED_KINDS));
  blocks.set('list:clearable', kinds(PERSON_CLEARABLE_KINDS));
  blocks.set(
    'list:words',
    `Default filtered words (mode \`${DEFAULT_MODERATION.mode}\`): ${DEFAULT_MODERATION.words.map((w) => `\`${w}\``).join(', ')}.`,
  );
  blocks.set(
    'list:auth-failures',
    ['| failure | message |', '|---|---|', ...Object.entries(AUTH_FAILURES).map(([code, message]) => `| \`${code}\` | ${message} |`)].join('\n'),
  );
  for (const [id, body] of tagBlocks()) blocks.set(id, body);
  return blocks;
}

const BLOCK = /<!-- ([a-z]+):([A-Za-z0-9_.:/-]+) -->\n([\s\S]*?)\n?<!-- \/\1 -->/g;

/** The doc with every generated block rewritten. Throws on a block the generator does not know, or one the doc lacks. */
export function rewrite(doc: string, blocks = generatedBlocks()): string {
  const seen = new Set<string>();
  const next = doc.replace(BLOCK, (_match, family: string, key: string) => {
    const id = `${family}:${key}`;
    const body = blocks.get(id);
    if (body === undefined) throw new Error(`docs/protocol.md has a block <!-- ${id} --> that nothing generates`);
    if (seen.has(id)) throw new Error(`docs/protocol.md has the block <!-- ${id} --> twice`);
    seen.add(id);
    return `<!-- ${id} -->\n${body}\n<!-- /${family} -->`;
  });
  const missing = [...blocks.keys()].filter((id) => !seen.has(id));
  if (missing.length > 0) throw new Error(`docs/protocol.md lacks the generated blocks ${missing.map((id) => `<!-- ${id} -->`).join(', ')}`);
  return next;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = readFileSync(DOC_URL, 'utf8');
  const next = rewrite(doc);
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      console.error('docs/protocol.md is out of date: run npm run docs:protocol');
      process.exit(1);
    }
    console.log('docs/protocol.md is up to date');
  } else if (next !== doc) {
    writeFileSync(DOC_URL, next);
    console.log('docs/protocol.md rewritten');
  } else {
    console.log('docs/protocol.md is up to date');
  }
}
