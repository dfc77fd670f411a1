import { Canvas, type FabricObject, type XY } from 'fabric';

/**
 * Fabric's canvas with a cheaper off-screen test. Fabric's own (`skipOffscreen`) intersects each object's corner
 * polygon with the viewport, which costs more than drawing a stroke; with thousands of strokes a pan frame went to the
 * test. Here an object is drawn when its axis-aligned box (from the corners Fabric already keeps, in scene
 * coordinates) touches the viewport; rotated boxes are only ever drawn a little more often than needed. The object
 * being transformed is always drawn, since its corners are updated only when the transform ends.
 */
export class BoardCanvas extends Canvas {
  constructor(element: HTMLCanvasElement, options: ConstructorParameters<typeof Canvas>[1]) {
    super(element, { ...options, skipOffscreen: false });
  }

  override _renderObjects(ctx: CanvasRenderingContext2D, objects: FabricObject[]): void {
    const { tl, br } = this.vptCoords;
    const active = this.getActiveObject();
    const zoom = this.getZoom();
    for (const object of objects) {
      if (object === active || touches(object, tl, br, zoom)) object.render(ctx);
    }
  }
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
