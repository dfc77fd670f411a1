import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '../fixtures';
import { ClassLayout } from '../pages/ClassLayout';
import { ClassListPage } from '../pages/ClassListPage';
import { ConnectPage } from '../pages/ConnectPage';
import { Preferences } from '../pages/Preferences';

const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };

test('the language is switched in the app, sets <html lang>, and is remembered', async ({ page, consoleUrl }) => {
  const connect = new ConnectPage(page);
  const preferences = new Preferences(page);
  await connect.open(consoleUrl);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await preferences.language.selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 2 }).first()).not.toHaveText(/[A-Za-z]{4,}/);

  await page.reload();
  await expect(connect.screen).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(preferences.language).toHaveValue('zh-CN');

  // Signed in, the header offers the same switch; back to English.
  await connect.signInAsDemo('teacher1');
  await new ClassListPage(page).waitForClasses(1);
  await expect(page.getByTestId('sign-out')).toHaveText('退出登录');
  await preferences.openInHeader();
  await preferences.language.selectOption('en');
  await expect(page.getByTestId('sign-out')).toHaveText('Sign out');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('dark mode follows the system until a theme is chosen, and the choice is remembered', async ({ page, consoleUrl }) => {
  const connect = new ConnectPage(page);
  const preferences = new Preferences(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await connect.open(consoleUrl);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  const background = () => page.getByTestId('connect-screen').locator('.connect-card').evaluate((card) => getComputedStyle(card).backgroundColor);
  const lightBackground = await background();

  await preferences.theme.selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await background()).not.toBe(lightBackground);
  await page.reload();
  await expect(connect.screen).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(preferences.theme).toHaveValue('dark');

  await preferences.theme.selectOption('system');
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test('the About box shows the version, the build and where the console runs', async ({ page, consoleUrl }) => {
  const preferences = new Preferences(page);
  await new ConnectPage(page).open(consoleUrl);
  await preferences.openAbout();
  await expect(preferences.about).toBeVisible();
  await expect(preferences.about.getByTestId('about-version')).toHaveText(version);
  await expect(preferences.about.getByTestId('about-build')).toHaveText(/^[0-9a-f]{7,}/);
  await expect(preferences.about.getByTestId('about-mode')).toHaveAttribute('data-mode', 'browser');
  await expect(preferences.about.getByTestId('about-mode')).toContainText(/browser mode · Chromium \d+/);
  await page.keyboard.press('Escape');
  await expect(preferences.about).toHaveCount(0);
});

test('at 1024×768 the header is one line in English and in Chinese: settings fold behind one button, the update line shortens, nothing scrolls sideways', async ({
  page,
  consoleUrl,
}) => {
  const connect = new ConnectPage(page);
  const preferences = new Preferences(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await connect.open(consoleUrl);
  await connect.signInAsDemo('supervisor1');
  await expect(page.getByTestId('user-name')).toBeVisible();
  const layout = new ClassLayout(page);
  for (const language of ['zh-CN', 'en'] as const) {
    await preferences.openInHeader();
    await preferences.language.selectOption(language);
    await page.keyboard.press('Escape');
    await expect(preferences.language).toHaveCount(0);
    await expect(preferences.headerToggle).toBeFocused();
    const fit = await preferences.headerFit();
    expect(fit.outside).toEqual([]);
    expect(fit.height).toBeLessThan(60);
    expect(await layout.scrollsSideways()).toBe(false);
    await page.screenshot({ path: test.info().outputPath(`header-1024-${language}.png`) });
  }
  // The whole update line is still there for whoever points at it.
  const updateLine = page.getByTestId('update-status').locator('.update-line');
  await expect(updateLine).toHaveAttribute('title', /the desktop app updates itself/);

  // A click elsewhere folds the settings away.
  await preferences.openInHeader();
  await expect(preferences.language).toBeVisible();
  await page.mouse.click(500, 600);
  await expect(preferences.language).toHaveCount(0);

  // About, from the folded settings; closing it gives focus back to the Settings button.
  await preferences.openInHeader();
  await preferences.openAbout();
  await expect(preferences.about).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(preferences.about).toHaveCount(0);
  await expect(preferences.headerToggle).toBeFocused();
});
