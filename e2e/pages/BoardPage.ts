import { expect, type Locator, type Page } from '@playwright/test';
import type { ElementRecord } from '../../shared/whiteboard/element';
import type { BoardStatus } from '../../renderer/board/model/boardEvents';

export type Point = readonly [x: number, y: number];
export type BoardTool = 'select' | 'pen' | 'highlighter' | 'line' | 'arrow' | 'rect' | 'ellipse' | 'text' | 'eraser' | 'laser' | 'pan';

/** `window.__board`, as renderer/board/mount.ts installs it. */
interface BoardDebugHook {
  serialize(pageId?: string): string;
  status(): BoardStatus;
  laserDots(): { userId: string; x: number; y: number }[];
  pageRect(): PageRect | null;
}

/** Where a courseware page lies on the board's canvas, in CSS pixels from the canvas's top left. */
export interface PageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The board's colour swatches, by name. */
export type SwatchName = 'black' | 'grey' | 'red' | 'orange' | 'yellow' | 'green' | 'blue' | 'purple' | 'white';
type Hooked = Window & { __board?: BoardDebugHook };

/**
 * The whiteboard of the class screen. Input goes through the real mouse onto the canvas, at canvas coordinates
 * (the scene coordinates while the view is not panned or zoomed); the model is read back through `window.__board`.
 */
export class BoardPage {
  constructor(private readonly page: Page) {}

  get canvas(): Locator {
    return this.page.getByTestId('board-canvas').locator('canvas.upper-canvas');
  }

  toolButton(tool: BoardTool): Locator {
    return this.page.getByTestId(`board-tool-${tool}`);
  }

  /** A colour swatch; aria-pressed says whether it is the current colour. */
  swatch(name: SwatchName): Locator {
    return this.page.getByTestId(`board-swatch-${name}`);
  }

  async chooseColour(name: SwatchName): Promise<void> {
    await this.swatch(name).click();
    await expect(this.swatch(name)).toHaveAttribute('aria-pressed', 'true');
  }

  fitButton(mode: 'page' | 'width'): Locator {
    return this.page.getByTestId(`board-fit-${mode}`);
  }

  async fit(mode: 'page' | 'width'): Promise<void> {
    await this.fitButton(mode).click();
    await expect(this.page.getByTestId('board-canvas')).toHaveAttribute('data-fit', mode);
  }

  /** Where the shown courseware page lies on the canvas; null while none is drawn. */
  async pageRect(): Promise<PageRect | null> {
    return this.page.evaluate(() => (window as Hooked).__board?.pageRect() ?? null);
  }

  get blockReason(): Locator {
    return this.page.getByTestId('board-block-reason');
  }

  get unsent(): Locator {
    return this.page.getByTestId('board-unsent');
  }

  async unsentCount(): Promise<number> {
    return Number((await this.unsent.getAttribute('data-count')) ?? '0');
  }

  /** Waits until the board is mounted and shows `pageId`. */
  async shows(pageId: string): Promise<void> {
    await expect.poll(() => this.status().then((s) => s?.pageId ?? null)).toBe(pageId);
  }

  async use(tool: BoardTool): Promise<void> {
    await this.toolButton(tool).click();
    await expect(this.toolButton(tool)).toHaveAttribute('aria-pressed', 'true');
  }

  /** A freehand stroke through `points` with the button held down. */
  async stroke(points: readonly Point[]): Promise<void> {
    const [first, ...rest] = points;
    if (!first) return;
    const at = await this.locate(points);
    await this.page.mouse.move(...at(first));
    await this.page.mouse.down();
    for (const point of rest) await this.page.mouse.move(...at(point), { steps: 4 });
    await this.page.mouse.up();
  }

  /** Presses at `from`, moves to `to` and releases: draws a shape, or moves what is under `from` with select. */
  async drag(from: Point, to: Point): Promise<void> {
    const at = await this.locate([from, to]);
    await this.page.mouse.move(...at(from));
    await this.page.mouse.down();
    await this.page.mouse.move(...at(to), { steps: 8 });
    await this.page.mouse.up();
  }

  async moveTo(point: Point): Promise<void> {
    const at = await this.locate([point]);
    await this.page.mouse.move(...at(point));
  }

  /** Brings the canvas into view and maps canvas points to page points, refusing any outside the canvas. */
  private async locate(points: readonly Point[]): Promise<(point: Point) => [number, number]> {
    await this.canvas.scrollIntoViewIfNeeded();
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the board canvas is not visible');
    for (const [x, y] of points) {
      if (x < 0 || y < 0 || x >= box.width || y >= box.height) {
        throw new Error(`(${x}, ${y}) is outside the board canvas, which is ${Math.round(box.width)} x ${Math.round(box.height)} px here`);
      }
    }
    return ([x, y]) => [box.x + x, box.y + y];
  }

  // ---- the model, through window.__board

  async status(): Promise<BoardStatus | null> {
    return this.page.evaluate(() => (window as Hooked).__board?.status() ?? null);
  }

  /** The canonical serialized page: the shown one, or `pageId`. Byte-identical on converged peers. */
  async serialize(pageId?: string): Promise<string> {
    return this.page.evaluate((id) => (window as Hooked).__board?.serialize(id) ?? '', pageId);
  }

  /** Every record of the page, tombstones included. */
  async records(pageId?: string): Promise<ElementRecord[]> {
    const text = await this.serialize(pageId);
    return text ? (JSON.parse(text) as { elements: ElementRecord[] }).elements : [];
  }

  /** Live (not deleted) elements of the page. */
  async elements(pageId?: string): Promise<ElementRecord[]> {
    return (await this.records(pageId)).filter((r) => !r.deleted);
  }

  async laserDots(): Promise<{ userId: string; x: number; y: number }[]> {
    return this.page.evaluate(() => (window as Hooked).__board?.laserDots() ?? []);
  }

  /** The colour painted on the board canvas at a canvas point, as [r, g, b, a]. */
  async pixel([x, y]: Point): Promise<number[]> {
    return this.page.getByTestId('board-canvas').locator('canvas.lower-canvas').evaluate((canvas: HTMLCanvasElement, [px, py]) => {
      const ratio = canvas.width / canvas.clientWidth;
      const data = canvas.getContext('2d')!.getImageData(Math.round(px * ratio), Math.round(py * ratio), 1, 1).data;
      return [...data];
    }, [x, y] as const);
  }
}
