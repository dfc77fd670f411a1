import { expect, type Locator, type Page } from '@playwright/test';

/** The connect screen: local mode (demo accounts, password or token) and remote mode. */
export class ConnectPage {
  readonly screen: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.screen = page.getByTestId('connect-screen');
    this.error = page.getByTestId('sign-in-error');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.screen).toBeVisible();
  }

  demoAccount(username: string): Locator {
    return this.page.getByTestId(`demo-account-${username}`);
  }

  async signInAsDemo(username: string): Promise<void> {
    await this.demoAccount(username).click();
  }

  async signInWithPassword(username: string, password: string): Promise<void> {
    await this.page.getByTestId('credential-password').click();
    await this.page.getByTestId('username').fill(username);
    await this.page.getByTestId('password').fill(password);
    await this.page.getByTestId('sign-in').click();
  }

  async signInWithToken(token: string): Promise<void> {
    await this.page.getByTestId('credential-token').click();
    await this.page.getByTestId('token').fill(token);
    await this.page.getByTestId('sign-in').click();
  }

  async signInRemote(brokerUrl: string, username: string, secret: string): Promise<void> {
    await this.page.getByTestId('mode-remote').click();
    await this.page.getByTestId('broker-url').fill(brokerUrl);
    await this.page.getByTestId('remote-username').fill(username);
    await this.page.getByTestId('remote-secret').fill(secret);
    await this.page.getByTestId('sign-in').click();
  }

  /** Waits for the sign-in to fail and returns the failure code the screen explains. */
  async failure(): Promise<string | null> {
    await expect(this.error).toBeVisible();
    return this.error.getAttribute('data-failure');
  }
}
