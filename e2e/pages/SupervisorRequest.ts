import { expect, type Locator, type Page } from '@playwright/test';

/** The detail of one help request in the supervisor console, with the actions a supervisor takes on it. */
export class SupervisorRequest {
  readonly panel: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId('request-detail');
  }

  get status(): Locator {
    return this.panel.getByTestId('request-status');
  }

  get error(): Locator {
    return this.panel.getByTestId('request-error');
  }

  get tags(): Locator {
    return this.panel.getByTestId('request-tags').getByTestId('tag-chip');
  }

  /** The remedies sent for the request, oldest first. */
  get remedies(): Locator {
    return this.panel.getByTestId('remedy-attempt');
  }

  get audit(): Locator {
    return this.panel.getByTestId('audit-entry');
  }

  async id(): Promise<string> {
    return (await this.panel.getAttribute('data-request-id')) ?? '';
  }

  async claim(): Promise<void> {
    await this.panel.getByTestId('request-claim').click();
  }

  async sendRemedy(action: string, to?: string): Promise<void> {
    await this.panel.getByTestId('request-remedy-action').selectOption(action);
    if (to) await this.panel.getByTestId('request-remedy-target').selectOption(to);
    await this.panel.getByTestId('request-remedy-send').click();
  }

  async resolve(note: string, force = false): Promise<void> {
    await this.panel.getByTestId('request-note').fill(note);
    if (force) await this.panel.getByTestId('request-force').check();
    await this.panel.getByTestId('request-resolve').click();
  }

  async escalate(note: string): Promise<void> {
    await this.panel.getByTestId('request-note').fill(note);
    await this.panel.getByTestId('request-escalate').click();
  }

  async release(): Promise<void> {
    await this.panel.getByTestId('request-release').click();
  }

  async whisper(text: string): Promise<void> {
    await this.panel.getByTestId('whisper-text').fill(text);
    await this.panel.getByTestId('whisper-send').click();
    await expect(this.panel.getByTestId('whisper-sent').filter({ hasText: text })).toHaveAttribute('data-delivered', 'true');
  }

  async observe(): Promise<void> {
    await this.panel.getByTestId('request-observe').click();
  }

  async close(): Promise<void> {
    await this.panel.getByTestId('drawer-close').click();
  }
}
