import { z } from 'zod';
import { KINDS } from '../../shared/protocol/kinds';
import { RecordingDocument, RecordingList, type RecordedEntry } from '../../shared/protocol/recording';
import type { SessionEndpoints } from '../session/ports';

async function getJson(endpoints: SessionEndpoints, path: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${endpoints.httpBase}${path}`, { headers: { authorization: `Bearer ${endpoints.token()}` } });
  } catch (error) {
    throw new Error((error as Error).message || 'network error', { cause: error });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message;
    throw new Error(typeof message === 'string' ? message : `HTTP ${response.status}`);
  }
  return body;
}

/**
 * Downloads a class's recording. The recording is an edge like the broker: each entry's payload is checked against
 * its kind's schema here, once; an entry that does not pass ends what is replayed, as a break in the file would.
 */
export async function loadRecording(endpoints: SessionEndpoints, classId: string): Promise<RecordingDocument> {
  const document = RecordingDocument.parse(await getJson(endpoints, `/api/recordings/${encodeURIComponent(classId)}`));
  const entries: RecordedEntry[] = [];
  for (const entry of document.entries) {
    if ('m' in entry) {
      const parsed = KINDS[entry.k].schema.safeParse(entry.m);
      if (!parsed.success) {
        const reason = `an entry (${entry.k}) does not match its schema: ${z.prettifyError(parsed.error).split('\n')[0] ?? ''}`;
        return { ...document, entries, broken: { offset: document.broken?.offset ?? document.bytes, entries: entries.length, reason } };
      }
      entries.push({ ...entry, m: parsed.data });
    } else {
      entries.push(entry);
    }
  }
  return { ...document, entries };
}

/** The class ids the signed-in user may replay. */
export async function loadRecordedClasses(endpoints: SessionEndpoints): Promise<string[]> {
  const list = RecordingList.parse(await getJson(endpoints, '/api/recordings'));
  return list.recordings.map((r) => r.classId);
}
