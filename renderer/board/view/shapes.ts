import { Point, util, type FabricObject } from 'fabric';
import type { ElementProps, ElementRecord } from '../../../shared/whiteboard';
import { BoardEllipse, BoardPath, BoardPolyline, BoardRect, BoardText } from './boardShapes';

/** The model record an object draws; the view never reads geometry back except after a local transform. */
export interface BoardObject extends FabricObject {
  boardRecord: ElementRecord;
}

const POINT_KINDS = new Set(['pen', 'highlighter', 'line', 'arrow']);

/** Builds the Fabric object for one record. Text is canvas text: markup in it is drawn as characters. */
export function toFabric(record: ElementRecord): BoardObject {
  const p = record.props;
  const common = {
    originX: 'left' as const, originY: 'top' as const, stroke: p.stroke, strokeWidth: p.strokeWidth, opacity: p.opacity,
    // A cached object is a bitmap of its own, redrawn on every zoom step and made anew for every new object: with
    // thousands of elements that costs far more than drawing them into the board's layer (BoardCanvas). Text too: a
    // line without styles is one fillText, and a replay's seek spent most of its time making text bitmaps.
    strokeUniform: true, objectCaching: false,
  };
  let object: FabricObject;
  switch (record.kind) {
    case 'pen':
    case 'highlighter':
    case 'line':
      object = new BoardPolyline(absolutePoints(p), { ...common, fill: '', strokeLineCap: 'round', strokeLineJoin: 'round', originX: 'center', originY: 'center' });
      break;
    case 'arrow':
      object = new BoardPath(arrowPath(p), { ...common, fill: '', strokeLineCap: 'round', strokeLineJoin: 'round', originX: 'center', originY: 'center' });
      break;
    case 'rect':
      object = new BoardRect({ ...common, left: p.x, top: p.y, width: p.width, height: p.height, angle: p.angle, fill: p.fill || 'transparent' });
      break;
    case 'ellipse':
      object = new BoardEllipse({ ...common, left: p.x, top: p.y, rx: p.width / 2, ry: p.height / 2, angle: p.angle, fill: p.fill || 'transparent' });
      break;
    case 'text':
      object = new BoardText(p.text, { ...common, left: p.x, top: p.y, angle: p.angle, fontSize: p.fontSize, fill: p.stroke, strokeWidth: 0, fontFamily: 'sans-serif' });
      break;
    case 'image':
      object = new BoardRect({ ...common, left: p.x, top: p.y, width: p.width, height: p.height, angle: p.angle, fill: '#e5e7eb', strokeDashArray: [6, 4] });
      break;
  }
  const board = object as BoardObject;
  board.boardRecord = record;
  return board;
}

export function absolutePoints(p: ElementProps): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i + 1 < p.points.length; i += 2) out.push({ x: p.x + p.points[i]!, y: p.y + p.points[i + 1]! });
  if (out.length === 1) out.push({ ...out[0]! });
  return out;
}

function arrowPath(p: ElementProps): string {
  const pts = absolutePoints(p);
  const a = pts[0] ?? { x: p.x, y: p.y };
  const b = pts[pts.length - 1] ?? a;
  const angle = Math.atan2(b.y - a.y, b.x - a.x);
  const head = Math.max(10, p.strokeWidth * 4);
  const h1 = { x: b.x - head * Math.cos(angle - Math.PI / 6), y: b.y - head * Math.sin(angle - Math.PI / 6) };
  const h2 = { x: b.x - head * Math.cos(angle + Math.PI / 6), y: b.y - head * Math.sin(angle + Math.PI / 6) };
  return `M ${a.x} ${a.y} L ${b.x} ${b.y} M ${h1.x} ${h1.y} L ${b.x} ${b.y} L ${h2.x} ${h2.y}`;
}

/**
 * The props an object has after the local user moved, resized or rotated it. Point kinds bake the transform into
 * their points (so they stay unrotated and unscaled); boxes keep position, size and angle.
 */
export function transformedProps(object: BoardObject): Partial<ElementProps> {
  const record = object.boardRecord;
  const p = record.props;
  if (POINT_KINDS.has(record.kind)) {
    const matrix = object.calcTransformMatrix();
    const offset = (object as unknown as { pathOffset: Point }).pathOffset;
    const moved = absolutePoints(p).map((pt) => util.transformPoint(new Point(pt.x - offset.x, pt.y - offset.y), matrix));
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const pt of moved) {
      minX = Math.min(minX, pt.x); minY = Math.min(minY, pt.y); maxX = Math.max(maxX, pt.x); maxY = Math.max(maxY, pt.y);
    }
    const points = record.kind === 'pen' || record.kind === 'highlighter' || moved.length > 2
      ? moved.flatMap((pt) => [round(pt.x - minX), round(pt.y - minY)])
      : moved.flatMap((pt) => [round(pt.x - minX), round(pt.y - minY)]).slice(0, 4);
    return { x: round(minX), y: round(minY), width: round(maxX - minX), height: round(maxY - minY), angle: 0, points };
  }
  const scaleX = object.scaleX ?? 1;
  const scaleY = object.scaleY ?? 1;
  const patch: Partial<ElementProps> = { x: round(object.left), y: round(object.top), angle: round(normaliseAngle(object.angle)) };
  if (record.kind === 'text') patch.fontSize = Math.min(200, Math.max(6, round(p.fontSize * scaleY)));
  else {
    patch.width = round(p.width * scaleX);
    patch.height = round(p.height * scaleY);
  }
  return patch;
}

function normaliseAngle(angle: number): number {
  const a = angle % 360;
  return a > 180 ? a - 360 : a < -180 ? a + 360 : a;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Paint order of records: (z, id), the same order BoardPage.visible() uses. */
export function paintsBefore(a: ElementRecord, b: ElementRecord): boolean {
  return a.z < b.z || (a.z === b.z && a.id < b.id);
}
