import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Serious and critical axe findings on the page as it is now, one line each (rule, impact, where, and why). */
export async function seriousFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 5).map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')}: ${why(node.failureSummary)}`));
}

/** The first reason axe gives, without its "Fix any of the following" heading. */
function why(summary: string | undefined): string {
  return (summary ?? '').split('\n').map((line) => line.trim()).find((line) => line && !line.endsWith(':')) ?? '';
}
