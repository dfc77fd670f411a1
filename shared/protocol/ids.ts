import { z } from 'zod';

/**
 * Every id that appears as a topic segment. Letters, digits, `_` and `-` only, so an id can never carry an MQTT
 * wildcard (`#`, `+`), a level separator (`/`) or the `$` that starts broker-internal topics. A breakout group's
 * class id is its class's id, `~` and a short key of lower-case letters and digits (`c1~r2g3`,
 * shared/protocol/breakouts.ts); `~` appears nowhere else, so a group id is never mistaken for another class's.
 */
export const ID_PATTERN = /^(?:[A-Za-z0-9_-]{1,64}|[A-Za-z0-9_-]{1,56}~[a-z0-9]{1,7})$/;

export const Id = z.string().regex(ID_PATTERN, 'ids are 1-64 letters, digits, "_" or "-" (a breakout group\'s: a class id, "~" and a key)');
export type Id = z.infer<typeof Id>;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
