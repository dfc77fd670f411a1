import { randomBytes } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What a write that never reached its rename leaves behind: `<file>.<random>.tmp`. */
export const TEMP_SUFFIX = '.tmp';

/**
 * Replaces `file` atomically with `text`, readable by its owner only (0600, in a folder made 0700 when missing):
 * written in full to a temporary file beside it, flushed to disk, then renamed over it. A crash leaves either the old
 * file or the new one, never half of one.
 */
export async function writePrivateFile(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.chmod(0o600); // the mode given to open() is narrowed by the umask, never widened; make it exact
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}
