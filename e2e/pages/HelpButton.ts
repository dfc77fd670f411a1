import type { Locator, Page } from '@playwright/test';

/** The help button of a teacher's or student's class screen, and the line that follows the request. */
export class HelpButton {
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByTestId('help').getByTestId('help-status');
  }

  async ask(topic: 'audio' | 'video' | 'courseware' | 'board' | 'other', text: string): Promise<void> {
    await this.page.getByTestId('help-button').click();
    await this.page.getByTestId('help-topic').selectOption(topic);
    await this.page.getByTestId('help-text').fill(text);
    await this.page.getByTestId('help-send').click();
  }
}
