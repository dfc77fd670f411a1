import { expect, type Locator, type Page } from '@playwright/test';

export type FoldPanel = 'course' | 'side' | 'video' | 'roster' | 'chat';

/** The class screen's layout: folding panels, what the board covers, reaching controls, the shortcuts help. */
export class ClassLayout {
  constructor(private readonly page: Page) {}

  /** A panel's fold toggle; aria-expanded says whether the panel is open. */
  foldToggle(panel: FoldPanel): Locator {
    return this.page.getByTestId(`fold-${panel}`);
  }

  async setFolded(panel: FoldPanel, folded: boolean): Promise<void> {
    const toggle = this.foldToggle(panel);
    if ((await toggle.getAttribute('aria-expanded')) !== String(!folded)) await toggle.click();
    await expect(this.foldToggle(panel)).toHaveAttribute('aria-expanded', String(!folded));
  }

  /** The share (0..1) of the window that an element covers on screen: its box clipped to the viewport. */
  async shareOfWindow(testId: string): Promise<number> {
    return this.page.getByTestId(testId).first().evaluate((element) => {
      const r = element.getBoundingClientRect();
      const width = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
      const height = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
      return (width * height) / (innerWidth * innerHeight);
    });
  }

  /** Whether the page is wider than the window (it would scroll sideways). */
  async scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(() => {
      const root = document.scrollingElement!;
      return root.scrollWidth > root.clientWidth;
    });
  }

  /**
   * The controls (CSS selectors) that cannot be reached, each with why: a control is reached when, scrolled into
   * view within whatever scrolls around it, it lies wholly in the window and is what a click at its centre hits.
   * One round trip for all of them.
   */
  async unreachable(selectors: readonly string[]): Promise<string[]> {
    return this.page.evaluate((list) => {
      const problems: string[] = [];
      for (const selector of list) {
        const element = document.querySelector(selector);
        if (!element) {
          problems.push(`${selector} is not on the page`);
          continue;
        }
        element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const r = element.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) {
          problems.push(`${selector} has no size (hidden)`);
          continue;
        }
        if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
          problems.push(`${selector} is at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}, outside the ${innerWidth}x${innerHeight} window`);
          continue;
        }
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!hit || !(hit === element || element.contains(hit))) problems.push(`${selector} is covered by ${hit?.outerHTML.slice(0, 100) ?? 'nothing'}`);
      }
      return problems;
    }, selectors);
  }

  get shortcutsButton(): Locator {
    return this.page.getByTestId('shortcuts-open');
  }

  get shortcutsHelp(): Locator {
    return this.page.getByTestId('shortcuts-help');
  }

  /** One shortcut's entry in the help, by what it does (undo, redo, pen, nextPage, …). */
  shortcut(action: string): Locator {
    return this.shortcutsHelp.locator(`[data-testid="shortcut"][data-action="${action}"]`);
  }
}
