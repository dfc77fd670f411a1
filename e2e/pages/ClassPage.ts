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

  handEntry(userId: string): Locator {
    return this.page.locator(`[data-testid="hand-entry"][data-user-id="${userId}"]`);
  }

  async grantDrawing(userId: string): Promise<void> {
    await this.person(userId).getByTestId('roster-grant').click();
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
}
