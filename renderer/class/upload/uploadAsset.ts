import { isId } from '../../../shared/protocol/ids';
import { MAX_COURSE_FILE_BYTES, UploadError, type CourseFileType, type UploadProblem } from './courseFiles';

export interface UploadedAsset {
  asset: string;
  name: string;
  type: CourseFileType;
  bytes: number;
}

export interface UploadTarget {
  /** `…/api/classes/{classId}/assets` */
  url: string;
  token: string;
}

/**
 * Sends one file to the asset store (`POST …/assets?name=`, the body is the file). XMLHttpRequest rather than fetch:
 * it reports how much of the body has been sent, which is what the progress bar shows.
 */
export function uploadAsset(
  target: UploadTarget,
  file: Blob & { name: string },
  type: CourseFileType,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedAsset> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${target.url}?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('authorization', `Bearer ${target.token}`);
    xhr.setRequestHeader('content-type', type);
    xhr.responseType = 'text';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
    });
    xhr.addEventListener('load', () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status === 201 && body && isId(body.asset)) {
        onProgress(1);
        resolve({ asset: body.asset, name: String(body.name ?? file.name), type, bytes: Number(body.bytes ?? file.size) });
      } else {
        reject(new UploadError(refusal(xhr.status, body)));
      }
    });
    xhr.addEventListener('error', () => reject(new UploadError({ code: 'network' })));
    xhr.addEventListener('abort', () => reject(new DOMException('the upload was cancelled', 'AbortError')));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    if (signal?.aborted) return reject(new DOMException('the upload was cancelled', 'AbortError'));
    xhr.send(file);
  });
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What the asset store's answer means for the teacher (its error codes are in services/assets/routes.ts). */
function refusal(status: number, body: Record<string, unknown> | null): UploadProblem {
  const code = typeof body?.error === 'string' ? body.error : '';
  const detail = (typeof body?.message === 'string' ? body.message : '').slice(0, 300);
  if (status === 413 || code === 'too-large') return { code: 'too-large', limitMb: MAX_COURSE_FILE_BYTES / 1024 / 1024 };
  if (code === 'type-mismatch') return { code: 'type-mismatch', detail };
  if (code === 'unsupported-type') return { code: 'unsupported-type' };
  if (code === 'empty') return { code: 'empty' };
  if (status === 507 || code === 'store-full') return { code: 'store-full' };
  return { code: 'refused', status, detail: detail || code };
}
