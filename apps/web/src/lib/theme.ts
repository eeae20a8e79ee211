/**
 * Light or dark. Dark is the default (index.html starts with class "dark", as Web3 members expect);
 * a member's choice is remembered in this browser only.
 */
export type Theme = 'dark' | 'light';
const KEY = 'puffy.theme';

export function storedTheme(): Theme {
  try {
    return localStorage.getItem(KEY) === 'light' ? 'light' : 'dark';
  } catch {
    // Storage can be blocked (private modes, strict settings): fall back to the default.
    return 'dark';
  }
}

export function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle('dark', theme === 'dark');
}

export function saveTheme(theme: Theme): void {
  applyTheme(theme);
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Not remembered; still applied for this visit.
  }
}
