import type { Locator, Page } from '@playwright/test';

/** The header's connection indicator and the "unsent (n)" badge. */
export class ConnectionIndicator {
  readonly indicator: Locator;
  readonly unsent: Locator;

  constructor(page: Page) {
    this.indicator = page.getByTestId('connection-indicator');
    this.unsent = page.getByTestId('unsent-count');
  }

  state(): Promise<string | null> {
    return this.indicator.getAttribute('data-state');
  }
}
