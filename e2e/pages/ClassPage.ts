import { expect, type Locator, type Page } from '@playwright/test';

/** The class screen: course, board, roster and chat of one open class. */
export class ClassPage {
  constructor(private readonly page: Page) {}

  get screen(): Locator {
    return this.page.getByTestId('class-screen');
  }

  async open(classId: string, how: 'open' | 'observe' = 'open'): Promise<void> {
    await this.page.locator(`[data-testid="class-row"][data-class-id="${classId}"]`).getByTestId(`class-${how}`).click();
    await expect(this.screen).toBeVisible();
  }

  async back(): Promise<void> {
    await this.page.getByTestId('class-back').click();
  }

  // ---- chat
  async say(text: string): Promise<void> {
    await this.page.getByTestId('chat-input').fill(text);
    await this.page.getByTestId('chat-send').click();
  }

  get chatInput(): Locator {
    return this.page.getByTestId('chat-input');
  }

  get chatTexts(): Locator {
    return this.page.getByTestId('chat-text');
  }

  outcome(status: 'replaced' | 'rejected' | 'unavailable' | 'sending'): Locator {
    return this.page.locator(`[data-testid="chat-outcome"][data-status="${status}"]`);
  }

  // ---- roster
  person(userId: string): Locator {
    return this.page.locator(`[data-testid="roster-entry"][data-user-id="${userId}"]`);
  }

  get handToggle(): Locator {
    return this.page.getByTestId('hand-toggle');
  }

  /** Raises or lowers this participant's own hand, whatever it was, and waits until the roster shows it. */
  async setHand(raised: boolean): Promise<void> {
    const lower = this.handToggle.filter({ hasText: 'Lower hand' });
    if ((await lower.count()) > 0 !== raised) await this.handToggle.click();
    await expect(lower).toHaveCount(raised ? 1 : 0);
  }

  handEntry(userId: string): Locator {
    return this.page.locator(`[data-testid="hand-entry"][data-user-id="${userId}"]`);
  }

  /** Grants drawing (idempotent: a grant already given stays). */
  async grantDrawing(userId: string): Promise<void> {
    await this.setDrawing(userId, true);
  }

  /** Grants or revokes drawing from the roster, whatever the state was, and waits until the roster shows it. */
  async setDrawing(userId: string, allowed: boolean): Promise<void> {
    const tag = this.person(userId).getByTestId('roster-drawing');
    // Once their presence is in, so is the class's retained room, which the toggle changes.
    await expect(this.person(userId)).toHaveAttribute('data-online', 'true');
    if ((await tag.count()) > 0 !== allowed) await this.person(userId).getByTestId('roster-grant').click();
    await expect(tag).toHaveCount(allowed ? 1 : 0);
  }

  async resyncBoard(userId: string): Promise<void> {
    await this.person(userId).getByTestId('roster-resync').click();
  }

  async remove(userId: string): Promise<void> {
    await this.person(userId).getByTestId('roster-remove').click();
  }

  /** What became of the last command sent to this person: data-action and data-status (pending, done, failed). */
  commandOutcome(userId: string): Locator {
    return this.person(userId).getByTestId('roster-command');
  }

  /** The roster's sync column for this person: "page · rN in sync" or "behind". */
  syncOf(userId: string): Locator {
    return this.person(userId).getByTestId('roster-sync');
  }

  /** Shown to a participant the teacher removed. */
  get removedBanner(): Locator {
    return this.page.getByTestId('class-removed');
  }

  // ---- course
  get pageList(): Locator {
    return this.page.getByTestId('page-list');
  }

  async addBlankPage(): Promise<void> {
    const begin = this.page.getByTestId('course-begin');
    if (await begin.isVisible()) await begin.click();
    else await this.page.getByTestId('page-add-blank').click();
  }

  async currentPage(): Promise<string | null> {
    return this.pageList.getAttribute('data-current');
  }

  /** Adds a blank page, which becomes the current one, and returns its id. */
  async turnToNewBlankPage(): Promise<string> {
    const before = (await this.currentPage()) ?? '';
    await this.addBlankPage();
    await expect(this.pageList).not.toHaveAttribute('data-current', before);
    const current = await this.currentPage();
    if (!current) throw new Error('no current page after adding one');
    return current;
  }

  /** Waits until this participant's course shows `pageId` as the current page. */
  async follows(pageId: string): Promise<void> {
    await expect(this.pageList).toHaveAttribute('data-current', pageId);
  }
}
