/** How a courseware page is placed on the board: wholly visible, or as wide as the board (scrolled down to read). */
export type FitMode = 'page' | 'width';

export interface Size {
  width: number;
  height: number;
}

/** A viewport transform as Fabric keeps it: [scaleX, skewY, skewX, scaleY, translateX, translateY]. */
export type Viewport = [number, number, number, number, number, number];

export const IDENTITY: Viewport = [1, 0, 0, 1, 0, 0];
/** Space left around a fitted page, in canvas pixels, so its edges are seen as edges. */
export const FIT_MARGIN = 8;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 8;

/**
 * The viewport that shows a page of size `page` (board units) in a view of size `view` (canvas pixels): "page" scales
 * it to fit both ways and centres it; "width" scales it to the view's width, top aligned. Translations are whole
 * pixels, so the board's cached layer is copied, not resampled.
 */
export function fitViewport(mode: FitMode, page: Size, view: Size, margin = FIT_MARGIN): Viewport {
  if (page.width <= 0 || page.height <= 0 || view.width <= 0 || view.height <= 0) return [...IDENTITY];
  const across = Math.max(1, view.width - 2 * margin) / page.width;
  const down = Math.max(1, view.height - 2 * margin) / page.height;
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, mode === 'page' ? Math.min(across, down) : across));
  const x = Math.round((view.width - page.width * zoom) / 2);
  const y = mode === 'page' ? Math.round((view.height - page.height * zoom) / 2) : margin;
  return [zoom, 0, 0, zoom, x, y];
}

/** Where a page of size `page`, placed at the board's origin, lands on the canvas under viewport `v`. */
export function pageRect(v: Viewport, page: Size): { x: number; y: number; width: number; height: number } {
  return { x: v[4], y: v[5], width: page.width * v[0], height: page.height * v[3] };
}
