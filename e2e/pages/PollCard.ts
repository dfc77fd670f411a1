import type { Locator, Page } from '@playwright/test';

/** The student's poll card above the board. */
export class PollCard {
  readonly card: Locator;
  readonly myResult: Locator;
  readonly results: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.card = page.getByTestId('poll-card');
    this.myResult = this.card.getByTestId('poll-my-result');
    this.results = this.card.getByTestId('poll-card-results');
    this.error = this.card.getByTestId('poll-error');
  }

  /** Answers the card's questions in order: option ids to tick, or a text; then sends. */
  async answer(...answers: (string[] | string)[]): Promise<void> {
    for (const [i, answer] of answers.entries()) {
      const question = this.card.locator('.poll-card-question').nth(i);
      if (typeof answer === 'string') await question.getByTestId('poll-text').fill(answer);
      else for (const id of answer) await question.locator(`[data-testid="poll-option"][data-option-id="${id}"]`).check();
    }
    await this.card.getByTestId('poll-submit').click();
    await this.card.getByTestId('poll-sent').waitFor();
  }
}
