import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allPositions, clampPosition, firstPosition, firstStepOf, isFirstPosition, isLastPosition, lastPosition,
  nextPosition, positionIndex, previousPosition, progressFraction, startOfSlide,
} from '../../src/deck/position.ts';

// The lesson's shape: title slide (no steps), then 2, 4, 2, 3, 3, 2, 1 steps.
const lesson = [0, 2, 4, 2, 3, 3, 2, 1];
const shapes = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 12 });

describe('position model', () => {
  it('opens a slide with its first step shown, or step 0 when it has none', () => {
    expect(firstStepOf(0)).toBe(0);
    expect(firstStepOf(3)).toBe(1);
    expect(firstPosition(lesson)).toEqual({ slide: 0, step: 0 });
    expect(startOfSlide(lesson, 1)).toEqual({ slide: 1, step: 1 });
    expect(lastPosition(lesson)).toEqual({ slide: 7, step: 1 });
  });

  it('steps through builds, then on to the next slide', () => {
    expect(nextPosition(lesson, { slide: 0, step: 0 })).toEqual({ slide: 1, step: 1 });
    expect(nextPosition(lesson, { slide: 1, step: 1 })).toEqual({ slide: 1, step: 2 });
    expect(nextPosition(lesson, { slide: 1, step: 2 })).toEqual({ slide: 2, step: 1 });
    expect(nextPosition(lesson, lastPosition(lesson))).toEqual(lastPosition(lesson));
  });

  it('goes back one build, or to the previous slide fully built', () => {
    expect(previousPosition(lesson, { slide: 2, step: 2 })).toEqual({ slide: 2, step: 1 });
    expect(previousPosition(lesson, { slide: 2, step: 1 })).toEqual({ slide: 1, step: 2 });
    expect(previousPosition(lesson, { slide: 1, step: 1 })).toEqual({ slide: 0, step: 0 });
    expect(previousPosition(lesson, { slide: 0, step: 0 })).toEqual({ slide: 0, step: 0 });
  });

  it('clamps out-of-range and non-finite positions into the deck', () => {
    expect(clampPosition(lesson, { slide: -3, step: 9 })).toEqual({ slide: 0, step: 0 });
    expect(clampPosition(lesson, { slide: 99, step: 99 })).toEqual({ slide: 7, step: 1 });
    expect(clampPosition(lesson, { slide: 4, step: 0 })).toEqual({ slide: 4, step: 1 });
    expect(clampPosition(lesson, { slide: Number.NaN, step: Number.NaN })).toEqual({ slide: 0, step: 0 });
    expect(clampPosition(lesson, { slide: Infinity, step: -Infinity })).toEqual({ slide: 7, step: 1 });
    expect(clampPosition(lesson, { slide: 2.7, step: 3.9 })).toEqual({ slide: 2, step: 3 });
    expect(clampPosition([], { slide: 3, step: 3 })).toEqual({ slide: 0, step: 0 });
  });

  it('lists every position in walking order, one per slide without steps', () => {
    const walk = allPositions(lesson);
    expect(walk).toHaveLength(1 + 2 + 4 + 2 + 3 + 3 + 2 + 1);
    walk.forEach((p, i) => expect(positionIndex(lesson, p)).toBe(i));
    expect(progressFraction(lesson, firstPosition(lesson))).toBe(0);
    expect(progressFraction(lesson, lastPosition(lesson))).toBe(1);
  });

  it('walking next from the first position visits allPositions in order and ends at the last', () => {
    fc.assert(
      fc.property(shapes, (shape) => {
        const visited = [firstPosition(shape)];
        while (!isLastPosition(shape, visited[visited.length - 1])) visited.push(nextPosition(shape, visited[visited.length - 1]));
        expect(visited).toEqual(allPositions(shape));
      }),
    );
  });

  it('previous undoes next everywhere but at the end', () => {
    fc.assert(
      fc.property(shapes, fc.nat(), (shape, k) => {
        const walk = allPositions(shape);
        const at = walk[k % walk.length];
        if (!isLastPosition(shape, at)) expect(previousPosition(shape, nextPosition(shape, at))).toEqual(at);
        if (!isFirstPosition(shape, at)) expect(nextPosition(shape, previousPosition(shape, at))).toEqual(at);
      }),
    );
  });

  it('clamping is idempotent and always lands on a real position', () => {
    fc.assert(
      fc.property(shapes, fc.double(), fc.double(), (shape, slide, step) => {
        const p = clampPosition(shape, { slide, step });
        expect(clampPosition(shape, p)).toEqual(p);
        expect(allPositions(shape)).toContainEqual(p);
      }),
    );
  });
});
