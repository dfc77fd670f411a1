import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

// Waits for a round to reach every console: a loaded machine can take longer than the default.
const expect = baseExpect.configure({ timeout: 60_000 });

/** The teacher's (or an observing supervisor's) breakout panel: a new round's form, the running round, every group. */
export class BreakoutPanel {
  readonly panel: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId('breakouts-panel');
  }

  async open(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.page.getByTestId('breakouts-toggle').click();
    await this.panel.waitFor();
  }

  async close(): Promise<void> {
    if (await this.panel.isVisible()) await this.page.getByTestId('breakouts-panel-close').click();
  }

  /** Starts a round by hand: `groups[i]` are the user ids of group i + 1 (each must be in class). */
  async startByHand(groups: string[][], minutes: number): Promise<void> {
    await this.open();
    await this.panel.getByTestId('breakout-mode-manual').check();
    await this.panel.getByTestId('breakout-groups').fill(String(groups.length));
    await this.panel.getByTestId('breakout-minutes').fill(String(minutes));
    for (const [g, members] of groups.entries()) {
      for (const userId of members) await this.panel.getByTestId(`breakout-assign-${userId}`).selectOption(String(g));
    }
    await this.panel.getByTestId('breakout-start').click();
    await expect(this.round).toHaveAttribute('data-state', 'running');
  }

  /** The round's heading: `data-state` and `data-ends-at` (ms) say where it is. */
  get round(): Locator {
    return this.panel.getByTestId('breakout-round');
  }

  async endsAt(): Promise<number> {
    return Number(await this.round.getAttribute('data-ends-at'));
  }

  /** Moves the end: +5, +1 or −1 minutes. */
  async moveEnd(by: 'much-more' | 'more' | 'less'): Promise<void> {
    await this.panel.getByTestId(`breakout-${by}`).click();
  }

  async broadcast(text: string): Promise<void> {
    await this.panel.getByTestId('breakout-broadcast-text').fill(text);
    await this.panel.getByTestId('breakout-broadcast-send').click();
  }

  /** The keys of the round's groups, in order (`r1g1`, `r1g2`, …). */
  async keys(): Promise<string[]> {
    return this.panel.getByTestId('breakout-group').evaluateAll((items) => items.map((item) => item.getAttribute('data-group') ?? ''));
  }

  group(key: string): Locator {
    return this.panel.locator(`[data-testid="breakout-group"][data-group="${key}"]`);
  }

  /** The group's board at a glance; `data-elements` counts what is drawn on it. */
  thumbnail(key: string): Locator {
    return this.group(key).getByTestId('breakout-thumbnail');
  }

  /** Visits (or, after the round, views) a group: the class screen becomes the group's. */
  async visit(key: string): Promise<void> {
    await this.open();
    await this.group(key).getByTestId('breakout-visit').click();
    await expect(this.page.locator('[data-testid="breakout-bar"]')).toHaveAttribute('data-group', key);
  }

  async bringEveryoneBack(): Promise<void> {
    await this.open();
    await this.panel.getByTestId('breakout-end').click();
    await expect(this.round).toHaveAttribute('data-state', 'ended');
  }
}

/** Where a person is: the class, or a breakout group (its bar above the board). */
export class BreakoutRoom {
  readonly bar: Locator;

  constructor(private readonly page: Page) {
    this.bar = page.getByTestId('breakout-bar');
  }

  /** The class id of the room on screen: the class's, or `<classId>~<key>` in a group. */
  room(): Promise<string | null> {
    return this.page.getByTestId('class-screen').getAttribute('data-class-id');
  }

  get timer(): Locator {
    return this.bar.getByTestId('breakout-round');
  }

  get broadcast(): Locator {
    return this.bar.getByTestId('breakout-broadcast-shown');
  }

  async backToClass(): Promise<void> {
    await this.bar.getByTestId('breakout-back').click();
    await expect(this.bar).toHaveCount(0);
  }
}
