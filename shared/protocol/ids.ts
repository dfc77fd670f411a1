import { z } from 'zod';

/**
 * Every id that appears as a topic segment. Letters, digits, `_` and `-` only, so an id can never carry an MQTT
 * wildcard (`#`, `+`), a level separator (`/`) or the `$` that starts broker-internal topics.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const Id = z.string().regex(ID_PATTERN, 'ids are 1-64 letters, digits, "_" or "-"');
export type Id = z.infer<typeof Id>;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
