import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import parseRange from 'range-parser';

/** At most this many ranges in one request; electron-updater asks for far fewer per request. */
const MAX_RANGES = 1_000;

/**
 * Sends a file with HTTP range support: the whole file (200), one range (206 with content-range), several ranges
 * as one `multipart/byteranges` body in the order asked (206; electron-updater's differential downloader splits it by
 * that order), or 416 when no range fits. HEAD gets the headers only. Returns false when the file is not there.
 */
export async function sendFile(req: IncomingMessage, res: ServerResponse, path: string, contentType: string): Promise<boolean> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return false;
  }
  const common = { 'accept-ranges': 'bytes', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  const header = req.headers.range;
  const ranges = header ? parseRange(size, header) : null;
  const head = req.method === 'HEAD';
  if (ranges === -1 || (Array.isArray(ranges) && ranges.length > MAX_RANGES)) {
    res.writeHead(416, { ...common, 'content-range': `bytes */${size}` });
    res.end();
    return true;
  }
  if (!Array.isArray(ranges) || ranges.type !== 'bytes') {
    res.writeHead(200, { ...common, 'content-type': contentType, 'content-length': size });
    if (head) res.end();
    else await pipeline(createReadStream(path), res);
    return true;
  }
  if (ranges.length === 1) {
    const { start, end } = ranges[0]!;
    res.writeHead(206, { ...common, 'content-type': contentType, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}` });
    if (head) res.end();
    else await pipeline(createReadStream(path, { start, end }), res);
    return true;
  }
  const boundary = randomBytes(12).toString('hex');
  const heads = ranges.map(
    ({ start, end }, i) => `${i === 0 ? '' : '\r\n'}--${boundary}\r\ncontent-type: ${contentType}\r\ncontent-range: bytes ${start}-${end}/${size}\r\n\r\n`,
  );
  const tail = `\r\n--${boundary}--\r\n`;
  const length = ranges.reduce((sum, { start, end }, i) => sum + Buffer.byteLength(heads[i]!) + end - start + 1, Buffer.byteLength(tail));
  res.writeHead(206, { ...common, 'content-type': `multipart/byteranges; boundary=${boundary}`, 'content-length': length });
  if (head) {
    res.end();
    return true;
  }
  for (const [i, { start, end }] of ranges.entries()) {
    res.write(heads[i]);
    await pipeline(createReadStream(path, { start, end }), res, { end: false });
  }
  res.end(tail);
  return true;
}
