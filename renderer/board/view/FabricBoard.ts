import { Ellipse, Point, Polyline, Rect, type Canvas, type FabricObject, type TPointerEventInfo } from 'fabric';
import type { ElementKind, ElementRecord } from '../../../shared/whiteboard';
import type { BoardToolName } from '../contract';
import type { Board } from '../model/Board';
import type { LaserPointer, LiveStroke } from '../model/ephemeral';
import type { BoardEvent, ElementChange } from '../model/boardEvents';
import { BoardCanvas } from './BoardCanvas';
import type { Viewport } from './fit';
import { insertionRuns } from './placement';
import { paintsBefore, toFabric, transformedProps, type BoardObject } from './shapes';

export const TOOLS = ['select', 'pen', 'highlighter', 'line', 'arrow', 'rect', 'ellipse', 'text', 'eraser', 'laser', 'pan'] as const satisfies readonly BoardToolName[];
export type Tool = (typeof TOOLS)[number];

export interface Style {
  stroke: string;
  strokeWidth: number;
}

const MIN_ZOOM = 0.2;
const MAX_ZOOM = 8;

/**
 * Fabric as a view of the board: objects are added, replaced and removed by element id as the board reports changes;
 * the canvas is never cleared for a remote change, and nothing the view applies is sent back. Pointer input becomes
 * board edits; live strokes and laser pointers are painted over the objects each frame.
 */
export class FabricBoard {
  readonly canvas: Canvas;
  private readonly objects = new Map<string, BoardObject>();
  private tool: Tool = 'pen';
  style: Style = { stroke: '#1f2937', strokeWidth: 3 };
  /** Text placed by the text tool. */
  pendingText = '';
  private live: LiveStroke[] = [];
  private lasers: LaserPointer[] = [];
  private dragStart: Point | null = null;
  private preview: FabricObject | null = null;
  private panFrom: Point | null = null;
  private erasing = false;
  private readonly unsubscribe: () => void;
  /** Called after each paint with the ids painted since the last one (for the benchmark's op-to-paint figure). */
  onPainted: ((ids: string[]) => void) | null = null;
  private paintedSince: string[] = [];
  /** True while the view applies the model: Fabric events fired meanwhile are the view's own doing, not edits. */
  private applying = false;
  /** The element being dragged, scaled or rotated: the board holds back remote changes to it until it is let go. */
  private editing: string | null = null;

  constructor(element: HTMLCanvasElement, private readonly board: Board, width: number, height: number) {
    const canvas = new BoardCanvas(element, { width, height, selection: false, renderOnAddRemove: false, preserveObjectStacking: true });
    // A shape preview is painted live above the cached elements.
    canvas.cacheable = (object) => (object as BoardObject).boardRecord !== undefined;
    this.canvas = canvas;
    this.canvas.on('mouse:down', (e) => this.down(e));
    this.canvas.on('mouse:move', (e) => this.move(e));
    this.canvas.on('mouse:up', (e) => this.up(e));
    this.canvas.on('mouse:wheel', (e) => this.wheel(e.e));
    this.canvas.on('before:transform', ({ transform }) => this.startEditing(transform.target as BoardObject));
    this.canvas.on('object:modified', (e) => this.modified(e.target as BoardObject));
    this.canvas.on('after:render', ({ ctx }) => this.paintEphemeral(ctx));
    this.unsubscribe = board.on((event) => this.apply(event));
    this.rebuild(board.elements());
  }

  dispose(): void {
    this.unsubscribe();
    void this.canvas.dispose();
  }

  get currentTool(): Tool {
    return this.tool;
  }

  setTool(tool: Tool): void {
    if (this.tool === 'laser' && tool !== 'laser') this.board.laser(0, 0, false);
    this.tool = tool;
    const selecting = tool === 'select';
    this.canvas.discardActiveObject();
    for (const o of this.objects.values()) o.selectable = selecting;
    this.canvas.defaultCursor = tool === 'pan' ? 'grab' : selecting ? 'default' : 'crosshair';
    this.canvas.requestRenderAll();
  }

  resize(width: number, height: number): void {
    this.canvas.setDimensions({ width, height });
    this.canvas.requestRenderAll();
  }

  /** Called when the person moves the view by hand (wheel, pan tool, zoom buttons): it is no longer fitted. */
  onViewMoved: (() => void) | null = null;

  zoomBy(factor: number, at?: Point): void {
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.canvas.getZoom() * factor));
    this.canvas.zoomToPoint(at ?? new Point(this.canvas.getWidth() / 2, this.canvas.getHeight() / 2), zoom);
    this.canvas.requestRenderAll();
    this.onViewMoved?.();
  }

  panBy(dx: number, dy: number): void {
    this.canvas.relativePan(new Point(dx, dy));
    this.canvas.requestRenderAll();
    this.onViewMoved?.();
  }

  /** Shows the board through viewport `v` (a fitted page); not a move by hand. */
  setViewport(v: Viewport): void {
    this.canvas.setViewportTransform([...v]);
    this.canvas.requestRenderAll();
  }

  get viewport(): Viewport {
    return [...this.canvas.viewportTransform] as Viewport;
  }

  /** Removes the selected element (the select tool's delete). */
  deleteSelection(): void {
    const active = this.canvas.getActiveObject() as BoardObject | undefined;
    if (active?.boardRecord) this.board.remove([active.boardRecord.id]);
  }

  get objectCount(): number {
    return this.objects.size;
  }

  /** Where the laser dots are painted now, in canvas (CSS) pixels: the scene position through the viewport. */
  laserDots(): { userId: string; x: number; y: number }[] {
    const v = this.canvas.viewportTransform;
    return this.lasers.map((l) => ({ userId: l.userId, x: v[0] * l.x + v[2] * l.y + v[4], y: v[1] * l.x + v[3] * l.y + v[5] }));
  }

  // ---- model → canvas ------------------------------------------------------------------------------------------

  private apply(event: BoardEvent): void {
    this.applying = true;
    try {
      this.applyEvent(event);
    } finally {
      this.applying = false;
    }
  }

  private applyEvent(event: BoardEvent): void {
    switch (event.type) {
      case 'page':
        this.rebuild(event.elements);
        break;
      case 'elements':
        this.patch(event.changes);
        break;
      case 'live':
        this.live = event.strokes;
        this.canvas.requestRenderAll();
        break;
      case 'laser':
        this.lasers = event.pointers;
        this.canvas.requestRenderAll();
        break;
      case 'status':
        if (!event.status.canDraw && this.tool !== 'pan') this.setTool('pan');
        break;
    }
  }

  /** Another page is shown: the one time the view replaces all its objects. */
  private rebuild(records: ElementRecord[]): void {
    this.canvas.discardActiveObject();
    for (const o of this.objects.values()) this.canvas.remove(o);
    this.objects.clear();
    const created = records.map((r) => this.create(r));
    if (created.length > 0) this.canvas.add(...created);
    this.canvas.requestRenderAll();
  }

  /** Replaces the changed elements' objects; the new ones go in by paint order, in as few insertions as possible. */
  private patch(changes: ElementChange[]): void {
    const latest = new Map<string, ElementRecord | null>();
    for (const { id, record } of changes) latest.set(id, record);
    const active = this.canvas.getActiveObject();
    let reselect: string | null = null;
    const gone: BoardObject[] = [];
    const added: BoardObject[] = [];
    for (const [id, record] of latest) {
      const old = this.objects.get(id);
      if (old) {
        if (old === active) reselect = id;
        gone.push(old);
        this.objects.delete(id);
      }
      if (!record) continue;
      added.push(this.create(record));
      this.paintedSince.push(id);
    }
    if (gone.length > 0) this.canvas.remove(...gone);
    added.sort((a, b) => (paintsBefore(a.boardRecord, b.boardRecord) ? -1 : 1));
    // Objects without a record (a shape preview) stay on top.
    const runs = insertionRuns(this.canvas.size(), (i) => this.canvas.item(i) as BoardObject, added, (other, item) => !!other.boardRecord && paintsBefore(other.boardRecord, item.boardRecord));
    for (let i = runs.length - 1; i >= 0; i--) this.canvas.insertAt(runs[i]!.index, ...runs[i]!.items);
    const again = reselect === null ? undefined : this.objects.get(reselect);
    if (again) this.canvas.setActiveObject(again);
    this.canvas.requestRenderAll();
  }

  private create(record: ElementRecord): BoardObject {
    const object = toFabric(record);
    object.selectable = this.tool === 'select';
    object.hoverCursor = this.tool === 'eraser' ? 'not-allowed' : null;
    this.objects.set(record.id, object);
    return object;
  }

  private paintEphemeral(ctx: CanvasRenderingContext2D): void {
    if (this.paintedSince.length > 0 && this.onPainted) {
      const ids = this.paintedSince;
      this.paintedSince = [];
      this.onPainted(ids);
    } else this.paintedSince.length = 0;
    if (this.live.length === 0 && this.lasers.length === 0) return;
    const v = this.canvas.viewportTransform;
    ctx.save();
    ctx.transform(v[0], v[1], v[2], v[3], v[4], v[5]);
    for (const s of this.live) {
      ctx.globalAlpha = s.kind === 'highlighter' ? 0.4 : 1;
      ctx.strokeStyle = s.stroke;
      ctx.lineWidth = s.strokeWidth;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.beginPath();
      for (let i = 0; i + 1 < s.points.length; i += 2) {
        if (i === 0) ctx.moveTo(s.points[0]!, s.points[1]!);
        else ctx.lineTo(s.points[i]!, s.points[i + 1]!);
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    for (const l of this.lasers) {
      ctx.fillStyle = 'rgba(239, 68, 68, 0.85)';
      ctx.beginPath();
      ctx.arc(l.x, l.y, 8 / this.canvas.getZoom(), 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.restore();
  }

  // ---- input → board -------------------------------------------------------------------------------------------

  private down(e: TPointerEventInfo): void {
    const at = e.scenePoint;
    switch (this.tool) {
      case 'pen':
      case 'highlighter':
        this.board.beginStroke({ kind: this.tool, stroke: this.style.stroke, strokeWidth: this.tool === 'highlighter' ? Math.max(12, this.style.strokeWidth * 4) : this.style.strokeWidth }, at.x, at.y);
        break;
      case 'line':
      case 'arrow':
      case 'rect':
      case 'ellipse':
        if (this.board.canDraw) this.dragStart = at;
        break;
      case 'text':
        if (this.pendingText.trim()) this.board.create('text', { x: at.x, y: at.y, text: this.pendingText.slice(0, 2_000), stroke: this.style.stroke, fontSize: Math.max(12, this.style.strokeWidth * 8) });
        break;
      case 'eraser':
        this.erasing = true;
        this.erase(e.target);
        break;
      case 'laser':
        this.board.laser(at.x, at.y, true);
        break;
      case 'pan':
        this.panFrom = e.viewportPoint;
        break;
      case 'select':
        break;
    }
  }

  private move(e: TPointerEventInfo): void {
    const at = e.scenePoint;
    switch (this.tool) {
      case 'pen':
      case 'highlighter':
        this.board.extendStroke([at.x, at.y]);
        break;
      case 'line':
      case 'arrow':
      case 'rect':
      case 'ellipse':
        if (this.dragStart) this.showPreview(this.dragStart, at);
        break;
      case 'eraser':
        if (this.erasing) this.erase(e.target);
        break;
      case 'laser':
        this.board.laser(at.x, at.y, true);
        break;
      case 'pan':
        if (this.panFrom) {
          const now = e.viewportPoint;
          this.panBy(now.x - this.panFrom.x, now.y - this.panFrom.y);
          this.panFrom = now;
        }
        break;
      default:
        break;
    }
  }

  private up(e: TPointerEventInfo): void {
    const at = e.scenePoint;
    if (this.tool === 'pen' || this.tool === 'highlighter') this.board.endStroke();
    if (this.dragStart) {
      this.commitShape(this.tool as 'line' | 'arrow' | 'rect' | 'ellipse', this.dragStart, at);
      this.dragStart = null;
    }
    if (this.preview) {
      this.canvas.remove(this.preview);
      this.preview = null;
      this.canvas.requestRenderAll();
    }
    this.erasing = false;
    this.panFrom = null;
    // Fabric fires `object:modified` (the drag's edit) before `mouse:up`: the edit is in, and the element is let go.
    if (this.editing !== null) {
      this.board.stopEditing(this.editing);
      this.editing = null;
    }
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    e.stopPropagation();
    if (e.ctrlKey || e.metaKey) this.zoomBy(0.999 ** e.deltaY, this.canvas.getViewportPoint(e));
    else this.panBy(-e.deltaX, -e.deltaY);
  }

  private erase(target: FabricObject | undefined): void {
    const record = (target as BoardObject | undefined)?.boardRecord;
    if (record) this.board.remove([record.id]);
  }

  private startEditing(target: BoardObject | undefined): void {
    const id = target?.boardRecord?.id;
    if (!id || this.applying) return;
    if (this.editing !== null && this.editing !== id) this.board.stopEditing(this.editing);
    this.editing = id;
    this.board.startEditing(id);
  }

  private modified(target: BoardObject | undefined): void {
    // Replacing the object being dragged makes Fabric end that transform again, firing `object:modified` for it once
    // more from inside the patch; that is not a second edit.
    if (!target?.boardRecord || this.applying) return;
    this.board.update(target.boardRecord.id, transformedProps(target));
  }

  private showPreview(from: Point, to: Point): void {
    if (this.preview) this.canvas.remove(this.preview);
    const style = { stroke: this.style.stroke, strokeWidth: this.style.strokeWidth, fill: 'transparent', selectable: false, evented: false, opacity: 0.6 };
    const box = { left: Math.min(from.x, to.x), top: Math.min(from.y, to.y), originX: 'left' as const, originY: 'top' as const };
    const w = Math.abs(to.x - from.x);
    const h = Math.abs(to.y - from.y);
    this.preview = this.tool === 'rect' ? new Rect({ ...style, ...box, width: w, height: h })
      : this.tool === 'ellipse' ? new Ellipse({ ...style, ...box, rx: w / 2, ry: h / 2 })
      : new Polyline([{ x: from.x, y: from.y }, { x: to.x, y: to.y }], { ...style });
    this.canvas.add(this.preview);
    this.canvas.requestRenderAll();
  }

  private commitShape(kind: Extract<ElementKind, 'line' | 'arrow' | 'rect' | 'ellipse'>, from: Point, to: Point): void {
    const x = Math.min(from.x, to.x);
    const y = Math.min(from.y, to.y);
    const width = Math.abs(to.x - from.x);
    const height = Math.abs(to.y - from.y);
    if (width < 2 && height < 2) return;
    const style = { stroke: this.style.stroke, strokeWidth: this.style.strokeWidth };
    if (kind === 'line' || kind === 'arrow') {
      this.board.create(kind, { x, y, width, height, ...style, points: [from.x - x, from.y - y, to.x - x, to.y - y] });
    } else {
      this.board.create(kind, { x, y, width, height, ...style });
    }
  }
}
