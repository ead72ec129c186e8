import { describe, expect, it } from 'vitest';
import { effectiveTheme, otherTheme, parseStoredTheme } from '../../src/deck/theme.ts';

describe('theme choice', () => {
  it('follows the system until a theme is chosen, and trusts only known values', () => {
    expect(effectiveTheme(null, true)).toBe('dark');
    expect(effectiveTheme(null, false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect(parseStoredTheme('dark')).toBe('dark');
    expect(parseStoredTheme('<b>')).toBeNull();
    expect(parseStoredTheme(null)).toBeNull();
    expect(otherTheme('dark')).toBe('light');
  });
});
