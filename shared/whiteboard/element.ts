import { z } from 'zod';
import { Id } from '../protocol/ids';

/**
 * The whiteboard's own document model. Fabric only draws it. Each element is a record merged last-writer-wins as a
 * whole: a higher `version` wins; on equal versions the lower `nonce`, then the lower `by`, then the canonical
 * text wins, so every peer picks the same record whatever order it sees them in. Deletion is a tombstone that
 * sticks: once any peer has seen an element deleted, no concurrent or older edit brings it back.
 */
export const ELEMENT_KINDS = ['pen', 'highlighter', 'line', 'arrow', 'rect', 'ellipse', 'text', 'image'] as const;
export const ElementKind = z.enum(ELEMENT_KINDS);
export type ElementKind = z.infer<typeof ElementKind>;

const coordinate = z.number().finite().min(-1e6).max(1e6);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/);

export const ElementProps = z.object({
  x: coordinate,
  y: coordinate,
  width: z.number().finite().min(0).max(1e6).default(0),
  height: z.number().finite().min(0).max(1e6).default(0),
  angle: z.number().finite().min(-360).max(360).default(0),
  stroke: colour.default('#1f2937'),
  fill: colour.or(z.literal('')).default(''),
  strokeWidth: z.number().finite().min(0.5).max(100).default(3),
  opacity: z.number().min(0).max(1).default(1),
  /** Flat x,y pairs relative to (x, y), for pen, highlighter, line and arrow. */
  points: z.array(coordinate).max(20_000).refine((p) => p.length % 2 === 0, 'points come in x,y pairs').default([]),
  /** Plain text for text elements; always rendered as text, never as markup. */
  text: z.string().max(2_000).default(''),
  fontSize: z.number().min(6).max(200).default(24),
  /** A courseware asset id for image elements. */
  asset: Id.or(z.literal('')).default(''),
});
export type ElementProps = z.infer<typeof ElementProps>;

export const ElementRecord = z.object({
  id: Id,
  kind: ElementKind,
  props: ElementProps,
  version: z.number().int().positive(),
  nonce: z.number().int().nonnegative().max(2 ** 31 - 1),
  /** The user whose edit produced this version. */
  by: Id,
  /** Fractional index; elements paint in (z, id) order. */
  z: z.string().min(1).max(64).regex(/^[0-9A-Za-z]+$/),
  deleted: z.boolean(),
});
export type ElementRecord = z.infer<typeof ElementRecord>;

const EMPTY_PROPS: ElementProps = ElementProps.parse({ x: 0, y: 0 });

/**
 * The one form in which a record is stored and serialised: keys in a fixed order, and a tombstone's props emptied,
 * so two peers holding the same logical state hold the same bytes.
 */
export function canonical(record: ElementRecord): ElementRecord {
  const p = record.deleted ? EMPTY_PROPS : record.props;
  return {
    id: record.id,
    kind: record.kind,
    props: {
      x: p.x, y: p.y, width: p.width, height: p.height, angle: p.angle, stroke: p.stroke, fill: p.fill,
      strokeWidth: p.strokeWidth, opacity: p.opacity, points: p.points, text: p.text, fontSize: p.fontSize, asset: p.asset,
    },
    version: record.version,
    nonce: record.nonce,
    by: record.by,
    z: record.z,
    deleted: record.deleted,
  };
}

/** True when `a` beats `b` in last-writer-wins order. A total order: exactly one of wins(a,b), wins(b,a), same. */
export function wins(a: ElementRecord, b: ElementRecord): boolean {
  if (a.version !== b.version) return a.version > b.version;
  if (a.nonce !== b.nonce) return a.nonce < b.nonce;
  if (a.by !== b.by) return a.by < b.by;
  // Equal records (the common case: the same op heard again, or a snapshot holding it) skip serializing both.
  if (sameRecord(a, b)) return false;
  return JSON.stringify(canonical(a)) < JSON.stringify(canonical(b));
}

/** Merges two versions of the same element. Commutative, associative and idempotent. */
export function mergeRecords(a: ElementRecord, b: ElementRecord): ElementRecord {
  const winner = wins(a, b) ? a : b;
  return canonical({ ...winner, deleted: a.deleted || b.deleted });
}

/** True when the two serialize to the same canonical bytes (compared field by field: merges call this per op). */
export function sameRecord(a: ElementRecord, b: ElementRecord): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.kind !== b.kind || a.version !== b.version || a.nonce !== b.nonce || a.by !== b.by || a.z !== b.z || a.deleted !== b.deleted) return false;
  const p = a.deleted ? EMPTY_PROPS : a.props;
  const q = b.deleted ? EMPTY_PROPS : b.props;
  if (
    p.x !== q.x || p.y !== q.y || p.width !== q.width || p.height !== q.height || p.angle !== q.angle || p.stroke !== q.stroke ||
    p.fill !== q.fill || p.strokeWidth !== q.strokeWidth || p.opacity !== q.opacity || p.text !== q.text || p.fontSize !== q.fontSize ||
    p.asset !== q.asset || p.points.length !== q.points.length
  ) return false;
  for (let i = 0; i < p.points.length; i++) if (p.points[i] !== q.points[i]) return false;
  return true;
}
