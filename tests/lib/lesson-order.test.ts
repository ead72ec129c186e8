import { describe, expect, it } from 'vitest';
import { compareLessonNumbers, withBase } from '../../src/lib/lesson-order.ts';

describe('compareLessonNumbers', () => {
  it('orders course numbers part by part, numerically', () => {
    expect(['6.10', '6.2', '10.1', '6'].sort(compareLessonNumbers)).toEqual(['6', '6.2', '6.10', '10.1']);
  });
});

describe('withBase', () => {
  it('joins a base path and a site path with exactly one slash', () => {
    expect(withBase('/', 'lessons/x/')).toBe('/lessons/x/');
    expect(withBase('/repo/', '/lessons/x/')).toBe('/repo/lessons/x/');
    expect(withBase('/a/b', 'c')).toBe('/a/b/c');
  });
});
