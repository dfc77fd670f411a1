import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inScope, type Claims } from '../../shared/auth/claims';
import { isId } from '../../shared/protocol/ids';
import type { RecordingDocument, RecordingList, RecordingState } from '../../shared/protocol/recording';
import type { Verified } from '../auth/tokens';
import { sendJson } from '../http/json';
import type { HttpRoute } from '../http/route';
import { readRecordingFile } from './recording-file';

export interface RecordingRoutesDeps {
  /** Where the recorder keeps its files. */
  recordingFile(classId: string): string;
  /** Every class recorded, with its state. */
  list(): { classId: string; state: RecordingState }[];
  /** Writes what the recorder holds in memory, so a recording under way is read to its last entry. */
  flush(): void;
  verify(token: string): Promise<Verified>;
}

/** Recorded kinds that students do not read live, left out of the recordings they download. */
const STAFF_ONLY: ReadonlySet<string> = new Set(['pollTally']);

const PATH = /^\/api\/recordings(?:\/([^/]+))?$/;

/** What handleRecordings answers; docs/protocol.md ("HTTP API") lists them. */
export const RECORDING_ROUTES: readonly HttpRoute[] = [
  { method: 'GET', path: '/api/recordings' },
  { method: 'OPTIONS', path: '/api/recordings' },
  { method: 'GET', path: '/api/recordings/{classId}' },
  { method: 'OPTIONS', path: '/api/recordings/{classId}' },
];

/** Supervisors read every recording; teachers and students those of the classes in their scope. */
function mayRead(claims: Claims, classId: string): boolean {
  if (claims.role === 'supervisor') return true;
  return (claims.role === 'teacher' || claims.role === 'student') && inScope(claims, classId);
}

/**
 * `GET /api/recordings` (the recordings the requester may replay) and `GET /api/recordings/{classId}` (one recording,
 * read up to where its file breaks). Returns false for other paths.
 */
export async function handleRecordings(req: IncomingMessage, res: ServerResponse, deps: RecordingRoutesDeps): Promise<boolean> {
  const match = PATH.exec(new URL(req.url ?? '/', 'http://backend').pathname);
  if (!match) return false;
  const classId = match[1];
  // Access rests on the bearer token, never a cookie, so any origin may ask (as for courseware).
  res.setHeader('access-control-allow-origin', '*');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'authorization', 'access-control-max-age': '600' });
    res.end();
    return true;
  }
  if (req.method !== 'GET') {
    sendJson(res, 405, { error: 'method-not-allowed', message: 'recordings are read with GET' });
    return true;
  }
  const bearer = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '');
  if (!bearer) {
    sendJson(res, 401, { error: 'unauthenticated', message: 'send Authorization: Bearer <token>' });
    return true;
  }
  const verified = await deps.verify(bearer[1]!);
  if (!verified.ok) {
    sendJson(res, 401, { error: verified.failure, message: verified.message });
    return true;
  }
  const { claims } = verified;
  if (classId === undefined) {
    const body: RecordingList = { v: 1, recordings: deps.list().filter((r) => mayRead(claims, r.classId)) };
    sendJson(res, 200, body);
    return true;
  }
  if (!isId(classId)) {
    sendJson(res, 404, { error: 'not-found', message: 'no such class' });
    return true;
  }
  if (!mayRead(claims, classId)) {
    sendJson(res, 403, { error: 'forbidden', message: `${classId} is not in your scope` });
    return true;
  }
  const path = deps.recordingFile(classId);
  deps.flush();
  if (!existsSync(path)) {
    sendJson(res, 404, { error: 'not-recorded', message: `${classId} has no recording` });
    return true;
  }
  const read = readRecordingFile(path);
  // A poll's tally goes live to the class's teachers and supervisors only (it names who answered what): so in a replay.
  const entries = claims.role === 'student' ? read.entries.filter((e) => !STAFF_ONLY.has(e.k)) : read.entries;
  const broken = read.broken && { ...read.broken, entries: entries.length };
  const body: RecordingDocument = { v: 1, classId, bytes: read.goodBytes, entries, broken };
  sendJson(res, 200, body);
  return true;
}
