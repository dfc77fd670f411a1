import { create } from 'zustand';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'console.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme shown: the person's choice, or the system's when they follow it. */
export function effectiveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** A stored choice, or `system` for anything else (nothing stored, an old or damaged value). */
export function parseThemeChoice(stored: string | null): ThemeChoice {
  return (THEME_CHOICES as readonly string[]).includes(stored ?? '') ? (stored as ThemeChoice) : 'system';
}

export const useTheme = create<{ choice: ThemeChoice; theme: Theme }>(() => ({ choice: 'system', theme: 'light' }));

function systemDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

function apply(choice: ThemeChoice): void {
  const theme = effectiveTheme(choice, systemDark());
  document.documentElement.dataset.theme = theme;
  useTheme.setState({ choice, theme });
}

/** Remembers the person's choice (on this machine) and shows it at once. */
export function setThemeChoice(choice: ThemeChoice): void {
  try {
    localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Storage refused (a private window): the choice holds for this session only.
  }
  apply(choice);
}

/** Shows the remembered theme and follows the system's while the choice is `system`; returns the stop function. */
export function startTheme(): () => void {
  let stored: string | null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  apply(parseThemeChoice(stored));
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia(DARK_QUERY);
  const onChange = () => apply(useTheme.getState().choice);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
