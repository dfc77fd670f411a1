import type { Locator, Page } from '@playwright/test';

/** The console's own settings (theme, language) and the About box, on the connect screen and in the header. */
export class Preferences {
  readonly theme: Locator;
  readonly language: Locator;
  readonly about: Locator;

  constructor(private readonly page: Page) {
    this.theme = page.getByTestId('theme-choice');
    this.language = page.getByTestId('language-choice');
    this.about = page.getByTestId('about-dialog');
  }

  async openAbout(): Promise<void> {
    await this.page.getByTestId('about-open').click();
  }
}
