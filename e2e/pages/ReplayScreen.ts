import { expect, type Locator, type Page } from '@playwright/test';
import { BoardPage } from './BoardPage';

type ReplayHook = { seek(at: number): void; at(): number; durationMs: number };
type Hooked = Window & { __replay?: ReplayHook };

/** The replay screen of a recorded class: its board (the real one, read through `window.__board`), timeline and controls. */
export class ReplayScreen {
  readonly screen: Locator;
  readonly board: BoardPage;
  /** The note that the recording breaks, and where. */
  readonly broken: Locator;
  /** The red mark on the timeline where the file breaks. */
  readonly breakMark: Locator;
  readonly chat: Locator;
  readonly clock: Locator;
  readonly slider: Locator;

  constructor(private readonly page: Page) {
    this.screen = page.getByTestId('replay-screen');
    this.board = new BoardPage(page);
    this.broken = page.getByTestId('replay-broken');
    this.breakMark = page.getByTestId('replay-break-mark');
    this.chat = page.getByTestId('replay-chat');
    this.clock = page.getByTestId('replay-clock');
    this.slider = page.getByTestId('replay-slider');
  }

  /** Waits until the recording is loaded and the replayed board mounted. */
  async ready(): Promise<void> {
    await expect(this.screen).toBeVisible();
    await expect(this.page.getByTestId('replay-board').getByTestId('board')).toBeVisible({ timeout: 30_000 });
  }

  markers(kind: 'page' | 'hand' | 'chat' | 'poll' | 'pollClosed'): Locator {
    return this.page.locator(`[data-testid="replay-marker"][data-kind="${kind}"]`);
  }

  get playButton(): Locator {
    return this.page.getByTestId('replay-play');
  }

  async setSpeed(speed: number): Promise<void> {
    await this.page.getByTestId('replay-speed').selectOption(String(speed));
  }

  /** Where the replay is, in ms from the recording's start. */
  async at(): Promise<number> {
    return this.page.evaluate(() => (window as Hooked).__replay?.at() ?? -1);
  }

  async durationMs(): Promise<number> {
    return this.page.evaluate(() => (window as Hooked).__replay?.durationMs ?? -1);
  }

  /** Drags nothing: moves the timeline's slider to its end with the keyboard, as a user can. */
  async seekToEnd(): Promise<void> {
    await this.slider.focus();
    await this.page.keyboard.press('End');
  }
}
