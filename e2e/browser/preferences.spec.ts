import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '../fixtures';
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
