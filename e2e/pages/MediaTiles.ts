import { expect, type Locator, type Page } from '@playwright/test';

/** `window.__media`, as renderer/media/MediaCall.ts installs it. */
interface MediaDebugHook {
  inbound(): Promise<Record<string, Inbound>>;
  ignoredSignals(): Record<string, number>;
}
type MediaHooked = Window & { __media?: MediaDebugHook };

export interface Inbound {
  state: string;
  framesDecoded: number;
  totalAudioEnergy: number;
  bytesReceived: number;
  path: string | null;
}

/** The class screen's audio and video: the device check, the tiles, the controls, and what getStats says arrives. */
export class MediaTiles {
  constructor(private readonly page: Page) {}

  get stage(): Locator {
    return this.page.getByTestId('media-stage');
  }

  get deviceCheck(): Locator {
    return this.page.getByTestId('device-check');
  }

  get guidance(): Locator {
    return this.page.getByTestId('media-guidance');
  }

  get remedyStatus(): Locator {
    return this.page.getByTestId('media-remedy');
  }

  get micLevel(): Locator {
    return this.page.getByTestId('media-controls').getByTestId('level-meter');
  }

  tile(userId: string): Locator {
    return this.page.locator(`[data-testid="video-tile"][data-user-id="${userId}"]`);
  }

  get tiles(): Locator {
    return this.page.getByTestId('video-tile');
  }

  /** Joins the call from the device check with the devices it opened. */
  async joinWithDevices(): Promise<void> {
    const join = this.page.getByTestId('device-check-join');
    await expect(join).toBeEnabled();
    await join.click();
    await expect(this.deviceCheck).toHaveCount(0);
  }

  async joinWithoutDevices(): Promise<void> {
    await this.page.getByTestId('device-check-join-without').click();
    await expect(this.deviceCheck).toHaveCount(0);
  }

  async toggleMic(): Promise<void> {
    await this.page.getByTestId('mic-toggle').click();
  }

  async toggleCamera(): Promise<void> {
    await this.page.getByTestId('camera-toggle').click();
  }

  /** Picks another microphone, camera or speaker from the controls' device menu, by its label. */
  async chooseDevice(kind: 'audioInput' | 'videoInput' | 'audioOutput', label: string): Promise<void> {
    const select = this.page.getByTestId(`device-${kind}`);
    if (!(await select.isVisible())) await this.page.getByTestId('devices-toggle').click();
    await select.selectOption({ label });
  }

  /** The output device the audio of someone's tile plays on ('' for the system default). */
  async sinkOf(userId: string): Promise<string> {
    return this.tile(userId).getByTestId('tile-audio').evaluate((audio) => (audio as HTMLAudioElement & { sinkId: string }).sinkId);
  }

  async toggleScreenShare(): Promise<void> {
    await this.page.getByTestId('share-toggle').click();
  }

  async lineId(): Promise<string | null> {
    return this.page.getByTestId('media-line').getAttribute('data-line-id');
  }

  /** Opens the quality details of someone's tile. */
  async openQuality(userId: string): Promise<Locator> {
    await this.tile(userId).getByTestId('quality-badge').click();
    return this.tile(userId).getByTestId('quality-details');
  }

  /** What arrives from each peer now, from getStats in the page. */
  async inbound(): Promise<Record<string, Inbound>> {
    return this.page.evaluate(async () => (await (window as MediaHooked).__media?.inbound()) ?? {});
  }

  /** Why signalling was ignored, counted by reason. */
  async ignoredSignals(): Promise<Record<string, number>> {
    return this.page.evaluate(() => (window as MediaHooked).__media?.ignoredSignals() ?? {});
  }

  async from(userId: string): Promise<Inbound | undefined> {
    return (await this.inbound())[userId];
  }

  /** Waits until both video frames and audio energy from `userId` keep growing: media from them flows and plays. */
  async expectReceiving(userId: string): Promise<void> {
    const baseline = await this.from(userId);
    await expect.poll(async () => flowBetween(baseline, await this.from(userId)), { message: `media from ${userId}`, timeout: 30_000 }).toBe('flowing');
  }

  /**
   * Waits until video frames and audio energy from `userId` grow between two readings a second apart, whatever
   * connection carries them (a new connection's counters start again from zero).
   */
  async expectFlowingNow(userId: string): Promise<void> {
    await expect
      .poll(async () => {
        const { before, after } = await this.secondApart(userId);
        return flowBetween(before, after);
      }, { message: `media from ${userId} now`, timeout: 45_000 })
      .toBe('flowing');
  }

  get elsewhere(): Locator {
    return this.page.getByTestId('media-elsewhere');
  }

  /** From a window whose media moved to another one: brings it back here. */
  async takeBack(): Promise<void> {
    await this.page.getByTestId('media-take-back').click();
  }

  /** Waits until audio energy from `userId` stops growing between two readings a second apart (silence arrives). */
  async expectSilenceFrom(userId: string): Promise<void> {
    await expect
      .poll(async () => {
        const { before, after } = await this.secondApart(userId);
        if (!before || !after) return 'nothing from them';
        const growth = after.totalAudioEnergy - before.totalAudioEnergy;
        return growth < 1e-6 ? 'silent' : `energy still grows by ${growth}`;
      }, { message: `silence from ${userId}`, timeout: 20_000 })
      .toBe('silent');
  }

  /** Two readings of what arrives from `userId`, a second apart. */
  private async secondApart(userId: string): Promise<{ before: Inbound | undefined; after: Inbound | undefined }> {
    const before = await this.from(userId);
    await this.page.waitForTimeout(1_000);
    return { before, after: await this.from(userId) };
  }
}

/** 'flowing' when both video frames and audio energy grew from one reading to the next; otherwise what did not. */
function flowBetween(before: Inbound | undefined, after: Inbound | undefined): string {
  if (!before || !after) return 'nothing from them yet';
  if (after.framesDecoded <= before.framesDecoded) return `frames stuck at ${after.framesDecoded}`;
  if (after.totalAudioEnergy <= before.totalAudioEnergy) return `audio energy stuck at ${after.totalAudioEnergy}`;
  return 'flowing';
}
