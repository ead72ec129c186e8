import { describe, expect, it } from 'vitest';
import { moveInGrid } from '../../src/deck/grid.ts';

describe('overview grid', () => {
  it('moves by one sideways and by a row up and down, staying inside', () => {
    expect(moveInGrid(0, 'ArrowRight', 8, 4)).toBe(1);
    expect(moveInGrid(0, 'ArrowLeft', 8, 4)).toBe(0);
    expect(moveInGrid(1, 'ArrowDown', 8, 4)).toBe(5);
    expect(moveInGrid(5, 'ArrowDown', 8, 4)).toBe(5);
    expect(moveInGrid(5, 'ArrowUp', 8, 4)).toBe(1);
    expect(moveInGrid(7, 'ArrowRight', 8, 4)).toBe(7);
    expect(moveInGrid(3, 'Home', 8, 4)).toBe(0);
    expect(moveInGrid(3, 'End', 8, 4)).toBe(7);
    expect(moveInGrid(3, 'ArrowDown', 8, 0)).toBe(4);
  });
});
