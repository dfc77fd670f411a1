import type { Locator, Page } from '@playwright/test';
import type { DropReason } from '../../shared/protocol';

/** The diagnostics panel: dropped-message counters per reason and recent diagnostics. */
export class DiagnosticsPanel {
  readonly panel: Locator;
  readonly toggle: Locator;
  readonly recentDrops: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId('diagnostics-panel');
    this.toggle = page.getByTestId('diagnostics-toggle');
    this.recentDrops = page.getByTestId('recent-drops');
  }

  async open(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.toggle.click();
  }

  count(reason: DropReason | 'total'): Locator {
    return this.page.getByTestId(`drop-count-${reason}`);
  }
}
