// The lazy-loading check: which widgets count as near the first screen, and which fetched code is flagged.
import { describe, expect, it } from 'vitest';
import { checkLazyLoading, isNear } from '../../scripts/bench-site/first-load.ts';

const at = (name: string, top: number | null, height = 400) => ({ name, id: name, top, bottom: top === null ? null : top + height });

describe('isNear', () => {
  it('is within half a screen above or below the first screen, as the loader sees it', () => {
    expect(isNear(at('a', 100), 800)).toBe(true);
    expect(isNear(at('a', 1200), 800)).toBe(true); // top at 1.5 screens
    expect(isNear(at('a', 1201), 800)).toBe(false);
    expect(isNear(at('a', -800), 800)).toBe(true); // bottom at -0.5 screens
    expect(isNear(at('a', -801), 800)).toBe(false);
  });
  it('a widget that is not rendered (a hidden slide) is never near', () => {
    expect(isNear(at('a', null), 800)).toBe(false);
    expect(isNear(at('a', 0, 0), 800)).toBe(false);
  });
});

describe('checkLazyLoading', () => {
  const widgets = [at('top', 300), at('far', 5000), at('hidden', null), at('also-top', 900), at('figure', 200)];
  it('flags code fetched for a widget with no instance near the first screen', () => {
    const check = checkLazyLoading({ viewportHeight: 800, widgets, fetchedWidgets: ['far', 'top'] }, new Set(['top', 'far', 'hidden', 'also-top']));
    expect(check.fetchedButFar).toEqual(['far']);
    // A near widget whose code did not come (not started); widgets without a controller are not expected.
    expect(check.nearButNotFetched).toEqual(['also-top']);
  });
  it('a widget with one near instance may be fetched even if another instance is far', () => {
    const check = checkLazyLoading({ viewportHeight: 800, widgets: [at('mask', 100), at('mask', 9000)], fetchedWidgets: ['mask'] }, new Set(['mask']));
    expect(check.fetchedButFar).toEqual([]);
  });
});
