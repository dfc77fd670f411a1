import type { Locator, Page } from '@playwright/test';

/**
 * The console's own settings (theme, language) and the About box: side by side on the connect screen, folded behind
 * the header's Settings button once signed in.
 */
export class Preferences {
  readonly theme: Locator;
  readonly language: Locator;
  readonly about: Locator;
  readonly headerToggle: Locator;
  readonly header: Locator;

  constructor(private readonly page: Page) {
    this.theme = page.getByTestId('theme-choice');
    this.language = page.getByTestId('language-choice');
    this.about = page.getByTestId('about-dialog');
    this.headerToggle = page.getByTestId('settings-toggle');
    this.header = page.locator('header.topbar');
  }

  /** Unfolds the header's settings (signed in). */
  async openInHeader(): Promise<void> {
    if ((await this.headerToggle.getAttribute('aria-expanded')) !== 'true') await this.headerToggle.click();
  }

  async openAbout(): Promise<void> {
    await this.page.getByTestId('about-open').click();
  }

  /** The header's height, and the header controls that lie partly outside the window. */
  async headerFit(): Promise<{ height: number; outside: string[] }> {
    return this.header.evaluate((header) => {
      const outside = [...header.querySelectorAll<HTMLElement>('button, select, [data-testid]')]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.left < 0 || box.right > window.innerWidth);
        })
        .map((element) => element.dataset.testid ?? element.tagName);
      return { height: header.getBoundingClientRect().height, outside };
    });
  }
}
