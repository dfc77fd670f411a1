import type { Locator, Page } from '@playwright/test';

export interface ComposedQuestion {
  type: 'single' | 'multiple' | 'truefalse' | 'text';
  prompt: string;
  options?: string[];
  /** A quiz: the indexes of the correct options (true/false: 0 is true), or the accepted text. */
  correct?: number[] | string;
}

/** The teacher's poll panel: the composer and, per poll, its live tally and actions. */
export class PollPanel {
  readonly panel: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId('polls-panel');
  }

  async open(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.page.getByTestId('polls-toggle').click();
    await this.panel.waitFor();
  }

  /** Writes and launches a poll or quiz; resolves once it is listed. */
  async launch(poll: { kind: 'poll' | 'quiz'; title: string; anonymous?: boolean; questions: ComposedQuestion[] }): Promise<Locator> {
    await this.open();
    const composer = this.panel.getByTestId('poll-composer');
    await composer.getByTestId(`poll-kind-${poll.kind}`).check();
    await composer.getByTestId('poll-title').fill(poll.title);
    await composer.getByTestId('poll-anonymous').setChecked(poll.anonymous ?? false);
    for (const [i, q] of poll.questions.entries()) {
      if (i > 0) await composer.getByTestId('poll-add-question').click();
      const block = composer.getByTestId('poll-compose-question').nth(i);
      await block.getByTestId('poll-question-type').selectOption(q.type);
      await block.getByTestId('poll-prompt').fill(q.prompt);
      const options = q.options ?? [];
      for (let o = 2; o < options.length; o++) await block.getByTestId('poll-add-option').click();
      for (const [o, text] of options.entries()) await block.getByTestId('poll-option-text').nth(o).fill(text);
      if (typeof q.correct === 'string') await block.getByTestId('poll-accepted-text').fill(q.correct);
      else for (const o of q.correct ?? []) await block.getByTestId('poll-correct').nth(o).check();
    }
    const before = await this.panel.getByTestId('poll-summary').count();
    await composer.getByTestId('poll-launch').click();
    await this.panel.getByTestId('poll-summary').nth(before).waitFor();
    return this.poll(poll.title);
  }

  poll(title: string): Locator {
    return this.panel.getByTestId('poll-summary').filter({ hasText: title });
  }

  respondents(title: string): Locator {
    return this.poll(title).getByTestId('poll-respondents');
  }

  /** The count of students who chose an option of a question. */
  bar(title: string, questionId: string, optionId: string): Locator {
    return this.poll(title).locator(`[data-testid="poll-question-result"][data-question-id="${questionId}"] [data-testid="poll-bar"][data-option-id="${optionId}"]`);
  }

  accuracy(title: string, questionId: string): Locator {
    return this.poll(title).locator(`[data-testid="poll-question-result"][data-question-id="${questionId}"] [data-testid="poll-accuracy"]`);
  }

  student(title: string, userId: string): Locator {
    return this.poll(title).locator(`[data-testid="poll-student"][data-user-id="${userId}"]`);
  }

  async close(title: string): Promise<void> {
    await this.poll(title).getByTestId('poll-close').click();
  }

  async show(title: string): Promise<void> {
    await this.poll(title).getByTestId('poll-show').click();
  }

  async placeOnBoard(title: string): Promise<void> {
    await this.poll(title).getByTestId('poll-to-board').click();
  }

  /** Exports the poll's CSV and resolves with its text. */
  async exportCsv(title: string): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.poll(title).getByTestId('poll-export').click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}
