import { Canvas, type FabricObject, type TMat2D, type XY } from 'fabric';

/** The cached layer reaches this far (as a share of the canvas size) beyond each edge, so panning is a copy. */
const MARGIN = 0.25;
/** Zoom steps closer together than this are one gesture: the layer is scaled, and redrawn sharp once it pauses. */
const GESTURE_MS = 200;

/**
 * Fabric's canvas tuned for boards of thousands of elements.
 *
 * - Off-screen objects are skipped by their axis-aligned box (from the corners Fabric already keeps, in scene
 *   coordinates) instead of Fabric's polygon intersection, which cost more than drawing a stroke.
 * - The board's elements are painted once into a cached layer somewhat larger than the view, and each frame copies
 *   it: panning within the margin is a copy, new elements on top are painted into the layer as they come, and during
 *   a zoom gesture the layer is scaled until the gesture pauses. Anything else (an element removed or replaced
 *   below the top, a selected element, a zoom after a pause) repaints the layer once.
 * - Objects that `cacheable` refuses (a shape preview) are kept on top and painted live each frame.
 */
export class BoardCanvas extends Canvas {
  /** Which objects may be kept in the layer; the others must stay above them in the stack. */
  cacheable: (object: FabricObject) => boolean = () => true;
  private readonly layer = document.createElement('canvas');
  /** The viewport the layer was painted for; null when it must be painted again. */
  private layerVpt: TMat2D | null = null;
  /** Objects [0, drawn) of the stack are in the layer; `lastDrawn` is the top one of them. */
  private drawn = 0;
  private lastDrawn: FabricObject | null = null;
  private lastZoomAt = -Infinity;
  private lastFrameZoom = 1;
  private sharpenTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(element: HTMLCanvasElement, options: ConstructorParameters<typeof Canvas>[1]) {
    super(element, { ...options, skipOffscreen: false });
  }

  /** Board shapes place their controls only while selected (boardShapes.ts): the newly selected one needs them now. */
  override _setActiveObject(object: FabricObject, e?: Parameters<Canvas['_setActiveObject']>[1]): boolean {
    const changed = super._setActiveObject(object, e);
    object.setCoords();
    return changed;
  }

  override _onObjectRemoved(object: FabricObject): void {
    this.layerVpt = null;
    super._onObjectRemoved(object);
  }

  override dispose(): Promise<boolean> {
    clearTimeout(this.sharpenTimer);
    return super.dispose();
  }

  override _renderObjects(ctx: CanvasRenderingContext2D, objects: FabricObject[]): void {
    const active = this.getActiveObject();
    // Other targets (an export) and a selection, which Fabric moves in place, are painted directly.
    if (ctx !== this.getContext() || active) {
      if (active) this.layerVpt = null;
      this.renderCulled(ctx, objects, 0, objects.length, this.vptCoords);
      return;
    }
    const v = this.viewportTransform;
    const zoomChanged = v[0] !== this.lastFrameZoom;
    this.lastFrameZoom = v[0];
    const inGesture = performance.now() - this.lastZoomAt < GESTURE_MS;

    // Objects below the layer's top are known to be cacheable while nothing below it changed.
    let top = this.layerVpt && this.drawn <= objects.length && (this.drawn === 0 || objects[this.drawn - 1] === this.lastDrawn) ? this.drawn : 0;
    while (top < objects.length && this.cacheable(objects[top]!)) top++;
    const fit = this.layerFit(objects, top, v, inGesture && zoomChanged);
    if (fit === 'none') this.paintLayer(objects, top, v);
    else this.paintOnLayer(objects, this.drawn, top);

    if (fit === 'resampled') {
      clearTimeout(this.sharpenTimer);
      this.sharpenTimer = setTimeout(() => {
        this.sharpenTimer = undefined;
        this.layerVpt = null;
        this.requestRenderAll();
      }, GESTURE_MS);
    }
    ctx.save();
    ctx.setTransform(...this.layerToCanvas(v));
    ctx.drawImage(this.layer, 0, 0);
    ctx.restore();
    this.renderCulled(ctx, objects, top, objects.length, this.vptCoords);
    // Measured from the end of this frame's painting, so a slow repaint does not end the gesture.
    if (zoomChanged) this.lastZoomAt = performance.now();
  }

  /**
   * How the layer can show viewport `v`: 'exact' (a copy by whole pixels), 'resampled' (scaled or moved by part of a
   * pixel: only during a zoom gesture, sharpened after it) or 'none' (paint it again). It must cover the view, and
   * nothing below its top may have changed.
   */
  private layerFit(objects: FabricObject[], top: number, v: TMat2D, zooming: boolean): 'exact' | 'resampled' | 'none' {
    const layerVpt = this.layerVpt;
    if (!layerVpt || this.drawn > top || (this.drawn > 0 && objects[this.drawn - 1] !== this.lastDrawn)) return 'none';
    const { width, height } = this.lowerCanvasEl;
    if (this.layer.width !== Math.round(width * (1 + 2 * MARGIN)) || this.layer.height !== Math.round(height * (1 + 2 * MARGIN))) return 'none';
    const [a, , , d, e, f] = this.layerToCanvas(v);
    if (e > 0 || f > 0 || e + a * this.layer.width < width || f + d * this.layer.height < height) return 'none';
    if (a === 1 && d === 1 && Number.isInteger(e) && Number.isInteger(f)) return 'exact';
    return zooming || this.sharpenTimer !== undefined ? 'resampled' : 'none';
  }

  /** Paints objects [0, top) into a fresh layer for viewport `v`. */
  private paintLayer(objects: FabricObject[], top: number, v: TMat2D): void {
    clearTimeout(this.sharpenTimer);
    this.sharpenTimer = undefined;
    const { width, height } = this.lowerCanvasEl;
    const layerWidth = Math.round(width * (1 + 2 * MARGIN));
    const layerHeight = Math.round(height * (1 + 2 * MARGIN));
    // Resizing a canvas gives it new pixels, made on its next use; one of the same size is only cleared.
    if (this.layer.width !== layerWidth || this.layer.height !== layerHeight) {
      this.layer.width = layerWidth;
      this.layer.height = layerHeight;
    } else {
      const ctx = this.layer.getContext('2d')!;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, layerWidth, layerHeight);
    }
    this.layerVpt = [...v] as TMat2D;
    this.paintOnLayer(objects, 0, top);
  }

  /** Paints objects [from, top) over what the layer holds. */
  private paintOnLayer(objects: FabricObject[], from: number, top: number): void {
    if (from < top) {
      const ctx = this.layer.getContext('2d')!;
      const t = this.canvasToLayer(this.layerVpt!);
      ctx.save();
      ctx.setTransform(...t);
      const zoom = t[0];
      const bounds = { tl: { x: -t[4] / zoom, y: -t[5] / t[3] }, br: { x: (this.layer.width - t[4]) / zoom, y: (this.layer.height - t[5]) / t[3] } };
      this.renderCulled(ctx, objects, from, top, bounds);
      ctx.restore();
    }
    this.drawn = top;
    this.lastDrawn = top > 0 ? objects[top - 1]! : null;
  }

  /** Scene → layer pixels: the canvas's own transform (retina and viewport), moved by the margin. */
  private canvasToLayer(v: TMat2D): TMat2D {
    const r = this.getRetinaScaling();
    const { width, height } = this.lowerCanvasEl;
    return [r * v[0], r * v[1], r * v[2], r * v[3], r * v[4] + Math.round(width * MARGIN), r * v[5] + Math.round(height * MARGIN)];
  }

  /** Layer pixels → canvas pixels for viewport `v` (a copy when the layer was painted for `v`'s zoom). */
  private layerToCanvas(v: TMat2D): TMat2D {
    const l = this.canvasToLayer(this.layerVpt!);
    const r = this.getRetinaScaling();
    const scale = v[0] / this.layerVpt![0];
    // Canvas = r·v·scene and layer = l·scene, so canvas = (r·v)·l⁻¹·layer; neither has rotation or skew.
    return [scale, 0, 0, scale, snap(r * v[4] - scale * l[4]), snap(r * v[5] - scale * l[5])];
  }

  private renderCulled(ctx: CanvasRenderingContext2D, objects: FabricObject[], from: number, to: number, bounds: { tl: XY; br: XY }): void {
    const active = this.getActiveObject();
    const zoom = this.getZoom();
    for (let i = from; i < to; i++) {
      const object = objects[i]!;
      if (object === active || touches(object, bounds.tl, bounds.br, zoom)) object.render(ctx);
    }
  }
}

/** Whole pixels stay whole despite floating-point noise in the viewport's translation. */
function snap(n: number): number {
  const whole = Math.round(n);
  return Math.abs(n - whole) < 1e-6 ? whole : n;
}

function touches(object: FabricObject, tl: XY, br: XY, zoom: number): boolean {
  const corners = object.aCoords;
  if (!corners) return true;
  // Strokes of constant screen width reach further into the scene when zoomed out.
  const margin = (object.strokeUniform ? object.strokeWidth / zoom : object.strokeWidth) + 1;
  const { tl: a, tr: b, br: c, bl: d } = corners;
  const minX = Math.min(a.x, b.x, c.x, d.x) - margin;
  const maxX = Math.max(a.x, b.x, c.x, d.x) + margin;
  const minY = Math.min(a.y, b.y, c.y, d.y) - margin;
  const maxY = Math.max(a.y, b.y, c.y, d.y) + margin;
  return maxX >= tl.x && minX <= br.x && maxY >= tl.y && minY <= br.y;
}
