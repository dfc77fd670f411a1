import { describe, expect, it } from 'vitest';
import { FIT_MARGIN, fitViewport, pageRect, type Size } from './fit';

const inside = (rect: ReturnType<typeof pageRect>, view: Size) =>
  rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= view.width + 1e-9 && rect.y + rect.height <= view.height + 1e-9;

describe('fitViewport', () => {
  const landscape = { width: 1280, height: 720 };
  const portrait = { width: 1280, height: 1811 };
  const views = [
    { width: 700, height: 580 },
    { width: 1270, height: 940 },
    { width: 300, height: 900 },
    { width: 1600, height: 200 },
  ];

  it('"page" shows the whole page, centred, touching the margin on one side', () => {
    for (const page of [landscape, portrait]) {
      for (const view of views) {
        const rect = pageRect(fitViewport('page', page, view), page);
        expect(inside(rect, view), `${page.width}x${page.height} in ${view.width}x${view.height}`).toBe(true);
        const spareX = view.width - rect.width;
        const spareY = view.height - rect.height;
        expect(Math.min(spareX, spareY)).toBeCloseTo(2 * FIT_MARGIN, 0);
        expect(Math.abs(rect.x - spareX / 2)).toBeLessThanOrEqual(0.5);
        expect(Math.abs(rect.y - spareY / 2)).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it('"width" spans the view\'s width and starts at the top; a tall page goes on below', () => {
    const view = { width: 700, height: 580 };
    const rect = pageRect(fitViewport('width', portrait, view), portrait);
    expect(rect.width).toBeCloseTo(view.width - 2 * FIT_MARGIN, 6);
    expect(rect.y).toBe(FIT_MARGIN);
    expect(rect.height).toBeGreaterThan(view.height);
  });

  it('keeps whole-pixel translations, and shows an empty or unknown size as it is', () => {
    const v = fitViewport('page', { width: 1280, height: 977 }, { width: 733, height: 611 });
    expect(Number.isInteger(v[4]) && Number.isInteger(v[5])).toBe(true);
    expect(fitViewport('page', { width: 0, height: 0 }, views[0]!)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(fitViewport('width', landscape, { width: 0, height: 10 })).toEqual([1, 0, 0, 1, 0, 0]);
  });
});
