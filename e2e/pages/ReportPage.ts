import { expect, type Locator, type Page } from '@playwright/test';

/** The Reports screen: the list of class reports, one report's tables, and its CSV export. */
export class ReportPage {
  readonly screen: Locator;
  readonly view: Locator;
  readonly list: Locator;

  constructor(private readonly page: Page) {
    this.screen = page.getByTestId('reports-screen');
    this.view = page.getByTestId('report-view');
    this.list = page.getByTestId('report-list');
  }

  /** A teacher opens a class's report from the class list (offered after the class). */
  async openFromClassList(classId: string): Promise<void> {
    await this.page.locator(`[data-testid="class-row"][data-class-id="${classId}"]`).getByTestId('class-report').click();
    await expect(this.view).toHaveAttribute('data-class-id', classId);
  }

  /** Opens a report from the list (supervisors and admins). */
  async openFromList(classId: string): Promise<void> {
    await this.list.locator(`[data-testid="report-list-row"][data-class-id="${classId}"]`).getByTestId('report-open').click();
    await expect(this.view).toHaveAttribute('data-class-id', classId);
  }

  person(userId: string): Locator {
    return this.view.locator(`[data-testid="report-person"][data-user-id="${userId}"]`);
  }

  total(name: string): Locator {
    return this.view.locator(`[data-testid="report-total"][data-name="${name}"]`);
  }

  poll(pollId: string): Locator {
    return this.view.locator(`[data-testid="report-poll"][data-poll-id="${pollId}"]`);
  }

  get polls(): Locator {
    return this.view.getByTestId('report-poll');
  }

  get error(): Locator {
    return this.screen.getByTestId('report-error');
  }

  async back(): Promise<void> {
    await this.screen.getByTestId('reports-back').click();
  }

  /** Exports the report's CSV and resolves with the downloaded file's name and text. */
  async exportCsv(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.view.getByTestId('report-export').click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}
