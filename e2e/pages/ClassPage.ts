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

  /** Where the message box is for a silent observer: says so, and offers the whisper to the teacher. */
  get observingNote(): Locator {
    return this.page.getByTestId('chat-observing');
  }

  /** Where the message box is once the class has ended. */
  get chatClosed(): Locator {
    return this.page.getByTestId('chat-closed');
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

  /** Opens the roster's menu of actions for a person and picks one (`roster-grant`, `roster-star`, …). */
  async rosterAction(userId: string, action: string): Promise<void> {
    await this.person(userId).getByTestId('roster-menu').click();
    await this.person(userId).getByTestId(action).click();
  }

  /** Whether the roster shows this person's hand as raised. */
  handOf(userId: string): Locator {
    return this.person(userId).getByTestId('roster-hand');
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
    if ((await tag.count()) > 0 !== allowed) await this.rosterAction(userId, 'roster-grant');
    await expect(tag).toHaveCount(allowed ? 1 : 0);
  }

  async resyncBoard(userId: string): Promise<void> {
    await this.rosterAction(userId, 'roster-resync');
  }

  /** The confirmation that removing a student asks for. */
  get removeDialog(): Locator {
    return this.page.getByTestId('remove-dialog');
  }

  /** Asks to remove a person from the roster's menu; the confirmation is then open. */
  async askToRemove(userId: string): Promise<void> {
    await this.rosterAction(userId, 'roster-remove');
    await expect(this.removeDialog).toBeVisible();
  }

  /** Removes a person from the class, confirming when asked. */
  async remove(userId: string): Promise<void> {
    await this.askToRemove(userId);
    await this.removeDialog.getByTestId('remove-dialog-confirm').click();
    await expect(this.removeDialog).toHaveCount(0);
  }

  /** A person the teacher removed, in the list of removed people (out of the roster). */
  removedEntry(userId: string): Locator {
    return this.page.locator(`[data-testid="removed-entry"][data-user-id="${userId}"]`);
  }

  async allowBack(userId: string): Promise<void> {
    await this.removedEntry(userId).getByTestId('roster-allow-back').click();
  }

  /**
   * What became of the last command sent to this person: data-action and data-status (pending, done, failed). Shown
   * in their roster row, or in the removed list once they were removed.
   */
  commandOutcome(userId: string): Locator {
    return this.person(userId).or(this.removedEntry(userId)).getByTestId('roster-command');
  }

  /** The roster's sync state for this person, in words: "on page 2, in sync", "1 page behind". */
  syncOf(userId: string): Locator {
    return this.person(userId).getByTestId('roster-sync');
  }

  /** The roster's word for this person's connection (data-connection: good, fair, poor, online, offline). */
  connectionOf(userId: string): Locator {
    return this.person(userId).getByTestId('roster-connection');
  }

  // ---- class state
  get endButton(): Locator {
    return this.page.getByTestId('class-end');
  }

  /** The confirmation that ending the class asks for. */
  get endDialog(): Locator {
    return this.page.getByTestId('end-class-dialog');
  }

  /** Ends the class from its bar, confirming when asked. */
  async endClass(): Promise<void> {
    await this.endButton.click();
    await this.endDialog.getByTestId('end-class-dialog-confirm').click();
    await expect(this.endDialog).toHaveCount(0);
  }

  /** The banner an ended class shows everyone in it. */
  get endedBanner(): Locator {
    return this.page.getByTestId('class-ended');
  }

  get reopenButton(): Locator {
    return this.page.getByTestId('class-reopen');
  }

  get countdown(): Locator {
    return this.page.getByTestId('class-countdown');
  }

  // ---- observing
  /** An observer's take-over control; data-taking-part says whether they have taken over. */
  get takeOver(): Locator {
    return this.page.getByTestId('take-over');
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

  /** The page's number in the course, as the page list shows it (1-based). */
  async pageNumberOf(pageId: string): Promise<number> {
    const ids = await this.page.getByTestId('page-entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-page-id')));
    return ids.indexOf(pageId) + 1;
  }

  /** The confirmation that removing a page asks for. */
  get removePageDialog(): Locator {
    return this.page.getByTestId('remove-page-dialog');
  }

  /** Asks to remove a page from the course panel; the confirmation is then open. */
  async askToRemovePage(pageId: string): Promise<void> {
    await this.page.locator(`[data-testid="page-entry"][data-page-id="${pageId}"]`).getByTestId('page-remove').click();
    await expect(this.removePageDialog).toBeVisible();
  }

  /** Waits until this participant's course shows `pageId` as the current page. */
  async follows(pageId: string): Promise<void> {
    await expect(this.pageList).toHaveAttribute('data-current', pageId);
  }
}
