/**
 * Light/dark theme choice. With nothing stored the page follows prefers-color-scheme (no
 * data-theme attribute); once the reader toggles, the explicit choice is remembered.
 */
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'theme';

/** A stored value is only trusted if it is exactly one of the two themes. */
export function parseStoredTheme(raw: unknown): Theme | null {
  return raw === 'light' || raw === 'dark' ? raw : null;
}

export function effectiveTheme(stored: Theme | null, prefersDark: boolean): Theme {
  return stored ?? (prefersDark ? 'dark' : 'light');
}

export function otherTheme(theme: Theme): Theme {
  return theme === 'dark' ? 'light' : 'dark';
}
