import { expect, type Locator, type Page } from '@playwright/test';

/** The supervisor console: metrics, the class wall, the help queue and the alerts feed. */
export class SupervisorConsole {
  readonly screen: Locator;
  readonly wall: Locator;
  readonly helpQueue: Locator;
  readonly alerts: Locator;
  /** The note that the wall's order holds while the pointer is on it. */
  readonly wallHeld: Locator;

  constructor(private readonly page: Page) {
    this.screen = page.getByTestId('supervisor-console');
    this.wall = page.getByTestId('class-wall');
    this.helpQueue = page.getByTestId('help-queue');
    this.alerts = page.getByTestId('alerts-feed');
    this.wallHeld = page.getByTestId('wall-held');
  }

  async waitUntilShown(): Promise<void> {
    await expect(this.screen).toBeVisible();
  }

  metric(name: 'live' | 'open' | 'escalated' | 'auto' | 'median' | 'critical'): Locator {
    return this.page.getByTestId(`metric-${name}`);
  }

  // ---- the wall

  row(classId: string): Locator {
    return this.wall.locator(`[data-testid="wall-row"][data-class-id="${classId}"]`);
  }

  /** A tag chip on a class's wall row, optionally about one participant. */
  tag(classId: string, tag: string, userId?: string): Locator {
    const chips = this.row(classId).locator(`[data-testid="tag-chip"][data-tag="${tag}"]`);
    return userId ? chips.and(this.page.locator(`[data-user-id="${userId}"]`)) : chips;
  }

  /** How long a class's oldest problem has lasted, as its wall row shows it. */
  duration(classId: string): Locator {
    return this.row(classId).getByTestId('wall-duration');
  }

  async showOnly(classId: string): Promise<void> {
    await this.page.getByTestId('wall-filter-text').fill(classId);
  }

  async filter(name: 'severity' | 'tag' | 'duration' | 'region' | 'version', value: string): Promise<void> {
    await this.page.getByTestId(`wall-filter-${name}`).selectOption(value);
  }

  async sortBy(key: string, reverse = false): Promise<void> {
    await this.page.getByTestId('wall-sort').selectOption(key);
    await this.page.getByTestId('wall-sort-reverse').setChecked(reverse);
  }

  async shownClassIds(): Promise<string[]> {
    return this.wall.getByTestId('wall-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-class-id') ?? ''));
  }

  /** Moves the pointer onto a class's row, as a supervisor does before clicking it. */
  async pointAt(classId: string): Promise<void> {
    await this.row(classId).hover();
  }

  /** Moves the pointer off the wall, onto the headline figures. */
  async pointAway(): Promise<void> {
    await this.metric('live').hover();
  }

  async openClassDetail(classId: string): Promise<void> {
    await this.row(classId).getByTestId('wall-detail').click();
    await expect(this.page.getByTestId('class-detail')).toBeVisible();
  }

  async observe(classId: string): Promise<void> {
    await this.row(classId).getByTestId('wall-observe').click();
  }

  // ---- help queue and alerts

  async showRequests(filter: 'person' | 'mine' | 'open' | 'all'): Promise<void> {
    await this.page.getByTestId('help-filter').selectOption(filter);
  }

  /** Help requests of a class in the queue. */
  requestsOf(classId: string): Locator {
    return this.helpQueue.locator(`[data-testid="help-item"][data-class-id="${classId}"]`);
  }

  async openRequest(item: Locator): Promise<void> {
    await item.getByTestId('help-open').click();
    await expect(this.page.getByTestId('request-detail')).toBeVisible();
  }

  alert(id: string): Locator {
    return this.alerts.locator(`[data-testid="alert-item"][data-alert-id="${id}"]`);
  }

  alertsOf(classId: string): Locator {
    return this.alerts.locator(`[data-testid="alert-item"][data-class-id="${classId}"]`);
  }

  request(id: string): Locator {
    return this.helpQueue.locator(`[data-testid="help-item"][data-request-id="${id}"]`);
  }

  /** The classes of the alerts in the feed, in the order shown. */
  async shownAlertClasses(): Promise<string[]> {
    return this.alerts.getByTestId('alert-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-class-id') ?? ''));
  }

  /** The requests in the help queue, in the order shown. */
  async shownRequestIds(): Promise<string[]> {
    return this.helpQueue.getByTestId('help-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-request-id') ?? ''));
  }

  /** The footer a side panel shows while its order is held. */
  heldNote(panel: Locator): Locator {
    return panel.getByTestId('held-note');
  }
}
