import { expect, type Locator, type Page } from '@playwright/test';

/** The Releases screen: publishing, the release table and its actions, adoption, health and the audit log. */
export class ReleasesScreen {
  readonly screen: Locator;
  readonly auditList: Locator;

  constructor(private readonly page: Page) {
    this.screen = page.getByTestId('releases-screen');
    this.auditList = page.getByTestId('release-audit-list');
  }

  async waitUntilShown(): Promise<void> {
    await expect(this.screen).toBeVisible();
  }

  row(version: string): Locator {
    return this.page.getByTestId(`release-${version}`);
  }

  percent(version: string, ring: 'canary' | 'pilot' | 'broad'): Locator {
    return this.row(version).getByTestId(`release-${ring}-percent`);
  }

  /** Publishes from the screen: version, notes, an installer file, the first ring and percentage, a reason. */
  async publish(input: { version: string; notes: string; fileName: string; bytes: Buffer; ring: string; percent: number; reason: string }): Promise<void> {
    await this.page.getByTestId('release-publish-open').click();
    await this.page.getByTestId('publish-version').fill(input.version);
    await this.page.getByTestId('publish-notes').fill(input.notes);
    await this.page.getByTestId('publish-file').setInputFiles({ name: input.fileName, mimeType: 'application/octet-stream', buffer: input.bytes });
    await this.page.getByTestId('publish-ring').selectOption(input.ring);
    await this.page.getByTestId('publish-percent').fill(String(input.percent));
    await this.page.getByTestId('publish-reason').fill(input.reason);
    await this.page.getByTestId('publish-submit').click();
    await expect(this.page.getByTestId('release-notice')).toContainText(input.version);
  }

  /** Presses an action on a release and confirms it with a reason. */
  async act(version: string, action: 'percent' | 'promote' | 'halt' | 'resume' | 'rollback', reason: string, percent?: number): Promise<void> {
    await this.row(version).getByTestId(`release-${action}`).click();
    const dialog = this.page.getByTestId('release-action-dialog');
    await expect(dialog).toBeVisible();
    if (percent !== undefined) await dialog.getByTestId('release-action-percent').fill(String(percent));
    await dialog.getByTestId('release-action-reason').fill(reason);
    await dialog.getByTestId('release-action-confirm').click();
    await expect(dialog).toBeHidden();
  }

  /** Installs on a version now, as the adoption chart's legend says (0 when it is not listed). */
  async installsOn(version: string): Promise<number> {
    const item = this.page.getByTestId(`adoption-${version}`);
    return (await item.count()) === 0 ? 0 : Number(await item.getAttribute('data-installs'));
  }

  async auditActions(): Promise<string[]> {
    return this.auditList.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-action') ?? ''));
  }

  /** Downloads the audit export and returns its JSONL lines, parsed. */
  async exportAudit(): Promise<{ action: string; actor: { id: string; kind: string }; detail: string }[]> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('audit-export-jsonl').click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as never);
  }
}
