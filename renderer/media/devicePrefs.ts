import { z } from 'zod';
import type { DeviceChoice } from './store';

const KEY = 'classroom-console.devices';
/** A device check older than this is asked for again: devices and networks change. */
const FRESH_FOR_MS = 30 * 24 * 60 * 60_000;

const Remembered = z.object({
  audioInput: z.string().max(500).nullable(),
  videoInput: z.string().max(500).nullable(),
  audioOutput: z.string().max(500).nullable(),
  checkedAt: z.number().int().nonnegative(),
});
export type RememberedChoice = z.infer<typeof Remembered>;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The devices of the last device check that ended well, unless it is too old or unreadable. */
export function rememberedChoice(storage: Storage = localStorage, now = Date.now()): RememberedChoice | null {
  try {
    const parsed = Remembered.safeParse(JSON.parse(storage.getItem(KEY) ?? 'null'));
    if (!parsed.success || now - parsed.data.checkedAt > FRESH_FOR_MS) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

export function rememberChoice(choice: DeviceChoice, storage: Storage = localStorage, now = Date.now()): void {
  storage.setItem(KEY, JSON.stringify({ ...choice, checkedAt: now } satisfies RememberedChoice));
}

export function forgetChoice(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}
