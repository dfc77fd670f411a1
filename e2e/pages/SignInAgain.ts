import type { Locator, Page } from '@playwright/test';

/** The notice that asks for a new sign-in within the console, when the broker stopped accepting the session's token. */
export class SignInAgain {
  readonly notice: Locator;
  readonly unsent: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.notice = page.getByTestId('sign-in-again');
    this.unsent = page.getByTestId('sign-in-again-unsent');
    this.error = page.getByTestId('sign-in-again-error');
  }

  async submit(secret: string): Promise<void> {
    await this.page.getByTestId('sign-in-again-secret').fill(secret);
    await this.page.getByTestId('sign-in-again-submit').click();
  }
}
