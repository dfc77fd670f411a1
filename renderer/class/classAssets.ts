import type { SessionEndpoints } from '../session/ports';

/**
 * Downloads one of a class's courseware assets from the backend's asset store with the session's current token,
 * reporting progress (0..1) when the size is known; rejects with a line saying what went wrong.
 */
export async function fetchClassAsset(
  endpoints: SessionEndpoints,
  classId: string,
  assetId: string,
  onProgress?: (fraction: number) => void,
): Promise<ArrayBuffer> {
  const url = `${endpoints.httpBase}/api/classes/${encodeURIComponent(classId)}/assets/${encodeURIComponent(assetId)}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${endpoints.token()}` } });
  } catch (error) {
    throw new Error(`courseware ${assetId} could not be downloaded: ${(error as Error).message || 'network error'}`, { cause: error });
  }
  if (!response.ok) throw new Error(`courseware ${assetId} could not be downloaded (HTTP ${response.status})`);
  const total = Number(response.headers.get('content-length')) || 0;
  if (!response.body || !onProgress || total === 0) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(Math.min(1, received / total));
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}
