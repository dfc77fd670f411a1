import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Settings, SettingsPatch } from '../shared/ipc/contract';

export function newInstallId(): string {
  return randomBytes(16).toString('base64url');
}

export function defaultSettings(installId: string): Settings {
  return { connection: { mode: 'local', brokerUrl: '', username: '' }, installId };
}

export interface SettingsStoreOptions {
  /** The JSON file, normally `<userData>/settings.json`. */
  file: string;
  makeInstallId?: () => string;
  /** Told when a corrupt file was set aside. */
  report?(problem: string): void;
}

/**
 * The console's settings as one JSON file. Every write goes to a temporary file that is flushed and renamed over the
 * old one, so a crash never leaves half a file. A file that is not valid JSON or breaks the schema is kept as
 * `<file>.corrupt` and replaced by defaults; its installId is kept when it is still valid, because the persistent
 * MQTT session is keyed on it.
 */
export class SettingsStore {
  private current: Settings;
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    initial: Settings,
  ) {
    this.current = initial;
  }

  static async open({ file, makeInstallId = newInstallId, report = () => {} }: SettingsStoreOptions): Promise<SettingsStore> {
    await mkdir(dirname(file), { recursive: true });
    let text: string | null = null;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }

    if (text !== null) {
      const loaded = parseSettings(text);
      if (loaded.ok) return new SettingsStore(file, loaded.settings);
      const backup = await setAside(file);
      report(`settings file ${file} was unreadable (${loaded.problem}); kept it as ${backup} and started from defaults`);
    }

    const salvaged = text === null ? null : salvageInstallId(text);
    const store = new SettingsStore(file, defaultSettings(salvaged ?? makeInstallId()));
    await store.persist();
    return store;
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  /** Applies a patch; rejects (and changes nothing) when the result would not be valid settings. */
  async update(patch: SettingsPatch): Promise<Settings> {
    const parsedPatch = SettingsPatch.parse(patch);
    const next = Settings.parse({ ...this.current, connection: { ...this.current.connection, ...parsedPatch.connection } });
    const previous = this.current;
    this.current = next;
    try {
      await this.persist();
    } catch (error) {
      if (this.current === next) this.current = previous;
      throw error;
    }
    return this.get();
  }

  private persist(): Promise<void> {
    const snapshot = `${JSON.stringify(this.current, null, 2)}\n`;
    const write = this.writes.then(() => writeAtomically(this.file, snapshot));
    this.writes = write.catch(() => {});
    return write;
  }
}

function parseSettings(text: string): { ok: true; settings: Settings } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not JSON: ${(error as Error).message}` };
  }
  const result = Settings.safeParse(json);
  return result.success ? { ok: true, settings: result.data } : { ok: false, problem: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
}

function salvageInstallId(text: string): string | null {
  try {
    const id = Settings.shape.installId.safeParse((JSON.parse(text) as { installId?: unknown } | null)?.installId);
    return id.success ? id.data : null;
  } catch {
    return null;
  }
}

async function setAside(file: string): Promise<string> {
  for (let n = 0; ; n++) {
    const backup = n === 0 ? `${file}.corrupt` : `${file}.corrupt.${n}`;
    if (!(await exists(backup))) {
      await rename(file, backup);
      return backup;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes a temporary file, flushes it and renames it over `file`, so a crash never leaves half a file. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
