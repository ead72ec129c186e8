import { describe, expect, it } from 'vitest';
import { swipeCommand } from '../../src/deck/swipe.ts';

describe('swipeCommand', () => {
  it('turns mostly horizontal swipes into next/previous', () => {
    expect(swipeCommand(-120, 10)).toBe('next');
    expect(swipeCommand(120, -10)).toBe('previous');
    expect(swipeCommand(30, 0)).toBeNull();
    expect(swipeCommand(-80, 90)).toBeNull();
    expect(swipeCommand(NaN, 0)).toBeNull();
  });
});
