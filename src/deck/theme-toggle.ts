/**
 * Wires every `[data-theme-toggle]` button: a toggle ("Dark theme", aria-pressed) that starts from
 * prefers-color-scheme and remembers an explicit choice in localStorage, in step across windows.
 */
import { THEME_STORAGE_KEY, effectiveTheme, otherTheme, parseStoredTheme, type Theme } from './theme.ts';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

function readStored(): Theme | null {
  try {
    return parseStoredTheme(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return null;
  }
}

function current(): Theme {
  return parseStoredTheme(document.documentElement.dataset.theme) ?? effectiveTheme(readStored(), darkQuery.matches);
}

function render(): void {
  const dark = current() === 'dark';
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.setAttribute('aria-pressed', String(dark));
  }
}

function apply(theme: Theme | null): void {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  render();
}

export function startThemeToggles(): void {
  apply(readStored());
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('[data-theme-toggle]');
    if (!button) return;
    const next = otherTheme(current());
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      /* storage blocked: the choice lasts for this page only */
    }
    apply(next);
  });
  // Another window of the site changed the theme; or the system did while nothing is stored.
  window.addEventListener('storage', (event) => {
    if (event.key === THEME_STORAGE_KEY || event.key === null) apply(readStored());
  });
  darkQuery.addEventListener('change', render);
}
