import { Ellipse, FabricText, Path, Polyline, Rect, controlsUtils, type FabricObject } from 'fabric';

/**
 * Board shapes built for thousands of elements. Fabric gives every object nine control objects of its own and works
 * out where they are whenever it places the object, though it only ever uses (and keeps current) the controls of the
 * selected one; for strokes arriving by the thousand that was most of the cost of an object. These shapes share one
 * set of controls (Fabric's documented way) and place them only while selected; BoardCanvas places them on selection.
 */
const SHARED_CONTROLS = controlsUtils.createObjectDefaultControls();
const sharedControls = () => ({ controls: SHARED_CONTROLS });

function setCoords(object: FabricObject, withControls: () => void): void {
  if (object.canvas?.getActiveObject() === object) return withControls();
  object.aCoords = object.calcACoords();
  object.oCoords = {};
}

export class BoardPolyline extends Polyline {
  static override createControls = sharedControls;

  override setCoords(): void {
    setCoords(this, () => super.setCoords());
  }
}

export class BoardPath extends Path {
  static override createControls = sharedControls;

  override setCoords(): void {
    setCoords(this, () => super.setCoords());
  }
}

export class BoardRect extends Rect {
  static override createControls = sharedControls;

  override setCoords(): void {
    setCoords(this, () => super.setCoords());
  }
}

export class BoardEllipse extends Ellipse {
  static override createControls = sharedControls;

  override setCoords(): void {
    setCoords(this, () => super.setCoords());
  }
}

export class BoardText extends FabricText {
  static override createControls = sharedControls;

  override setCoords(): void {
    setCoords(this, () => super.setCoords());
  }
}
