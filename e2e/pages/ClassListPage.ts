import { expect, type Locator, type Page } from '@playwright/test';

/** The class list of the console screen. */
export class ClassListPage {
  readonly screen: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly filter: Locator;
  readonly stateFilter: Locator;

  constructor(private readonly page: Page) {
    this.screen = page.getByTestId('console-screen');
    this.rows = page.getByTestId('class-row');
    this.count = page.getByTestId('class-count');
    this.filter = page.getByTestId('class-filter');
    this.stateFilter = page.getByTestId('state-filter');
  }

  row(classId: string): Locator {
    return this.page.locator(`[data-testid="class-row"][data-class-id="${classId}"]`);
  }

  state(classId: string): Locator {
    return this.row(classId).getByTestId('class-state');
  }

  presence(classId: string): Locator {
    return this.row(classId).getByTestId('class-presence');
  }

  startButton(classId: string): Locator {
    return this.row(classId).getByTestId('class-start');
  }

  endButton(classId: string): Locator {
    return this.row(classId).getByTestId('class-end');
  }

  reopenButton(classId: string): Locator {
    return this.row(classId).getByTestId('class-reopen');
  }

  /** The confirmation that ending a class asks for. */
  get endDialog(): Locator {
    return this.page.getByTestId('end-class-dialog');
  }

  /** Ends a class from the list, confirming when asked. */
  async endClass(classId: string): Promise<void> {
    await this.endButton(classId).click();
    await this.endDialog.getByTestId('end-class-dialog-confirm').click();
    await expect(this.endDialog).toHaveCount(0);
  }

  unsentTag(classId: string): Locator {
    return this.row(classId).getByTestId('class-unsent');
  }

  /** Number of classes the console knows (before filtering). */
  async total(): Promise<number> {
    return Number(await this.count.getAttribute('data-total'));
  }

  async shown(): Promise<number> {
    return Number(await this.count.getAttribute('data-shown'));
  }

  async waitForClasses(total: number): Promise<void> {
    await expect(this.screen).toBeVisible();
    await this.open();
    await expect(this.count).toHaveAttribute('data-total', String(total));
  }

  /** Supervisors land on the supervisor console: the class list is its "All classes" tab. */
  async open(): Promise<void> {
    const tab = this.page.getByTestId('tab-classes');
    if (await tab.isVisible()) await tab.click();
  }

  /** Whether the window itself scrolls up and down (the list should scroll inside itself). */
  async windowScrollsVertically(): Promise<boolean> {
    return this.page.evaluate(() => document.scrollingElement!.scrollHeight > document.scrollingElement!.clientHeight);
  }

  /** Scrolls the list itself to its end. */
  async scrollToEnd(): Promise<void> {
    await this.page.getByTestId('class-list').evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
  }

  async visibleClassIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-class-id') ?? ''));
  }
}
