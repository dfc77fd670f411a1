import type { ElementRecord } from '../../../shared/whiteboard';

/** The protocol's cap on records per message. */
export const MAX_RECORDS_PER_MESSAGE = 100;
/** Stays well below the 256 KiB limit of a boardOps message, whatever the records carry. */
const MAX_BATCH_CHARS = 180_000;

/**
 * Splits a page's pending records into messages: at most 100 records and well under the size limit each. Only the
 * newest version of each element is sent; older ones in the same frame are superseded anyway.
 */
export function toBatches(records: ElementRecord[]): ElementRecord[][] {
  const newest = new Map<string, ElementRecord>();
  for (const r of records) {
    const seen = newest.get(r.id);
    if (!seen || r.version >= seen.version) newest.set(r.id, r);
  }
  const batches: ElementRecord[][] = [];
  let current: ElementRecord[] = [];
  let chars = 0;
  for (const r of newest.values()) {
    const size = JSON.stringify(r).length;
    if (current.length > 0 && (current.length >= MAX_RECORDS_PER_MESSAGE || chars + size > MAX_BATCH_CHARS)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(r);
    chars += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
