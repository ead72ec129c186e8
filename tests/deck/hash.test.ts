import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHash, MAX_HASH_LENGTH, parseHash, positionFromHash } from '../../src/deck/hash.ts';
import { allPositions } from '../../src/deck/position.ts';

const lesson = [0, 2, 4, 2, 3, 3, 2, 1];

describe('parseHash', () => {
  it('reads #/slide/step, with or without #, a trailing slash or a step', () => {
    expect(parseHash('#/5/2')).toEqual({ slide: 5, step: 2 });
    expect(parseHash('/5/2')).toEqual({ slide: 5, step: 2 });
    expect(parseHash('#/5/2/')).toEqual({ slide: 5, step: 2 });
    expect(parseHash('#/5')).toEqual({ slide: 5, step: null });
    expect(parseHash('#/007/01')).toEqual({ slide: 7, step: 1 });
  });

  it('rejects anything else', () => {
    for (const bad of ['', '#', '#/', '#/abc', '#/5/x', '#/-1/2', '#/1.5/2', '#/5/2/3', '#5/2', '#/ 5/2', '#/<script>alert(1)</script>',
      '#/5/2?x=1', '#/%35/2', '#/５/２', '#/1e3/1', '#/0x10/1', 'javascript:alert(1)']) {
      expect(parseHash(bad), bad).toBeNull();
    }
    expect(parseHash(`#/1/${'1'.repeat(MAX_HASH_LENGTH)}`)).toBeNull();
    expect(parseHash(undefined as unknown as string)).toBeNull();
  });

  it('treats numbers past the safe range as very large instead of losing digits', () => {
    expect(parseHash('#/99999999999999999999/5')?.slide).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('positionFromHash', () => {
  it('clamps huge or zero numbers into the deck', () => {
    expect(positionFromHash(lesson, '#/99999999999999/5')).toEqual({ slide: 7, step: 1 });
    expect(positionFromHash(lesson, '#/3/99')).toEqual({ slide: 2, step: 4 });
    expect(positionFromHash(lesson, '#/3/0')).toEqual({ slide: 2, step: 1 });
    expect(positionFromHash(lesson, '#/0/0')).toEqual({ slide: 0, step: 0 });
    expect(positionFromHash(lesson, '#/1/7')).toEqual({ slide: 0, step: 0 });
  });

  it('opens a slide at its first step when the hash names no step', () => {
    expect(positionFromHash(lesson, '#/5')).toEqual({ slide: 4, step: 1 });
  });

  it('falls back to the first slide for malformed hashes', () => {
    expect(positionFromHash(lesson, '#/abc')).toEqual({ slide: 0, step: 0 });
    expect(positionFromHash(lesson, '#/<script>')).toEqual({ slide: 0, step: 0 });
    expect(positionFromHash(lesson, '#rectifiers')).toEqual({ slide: 0, step: 0 });
  });

  it('round-trips every position of the deck', () => {
    for (const p of allPositions(lesson)) expect(positionFromHash(lesson, formatHash(p))).toEqual(p);
    expect(formatHash({ slide: 4, step: 2 })).toBe('#/5/2');
  });

  it('never throws and always returns a real position, whatever the input', () => {
    const positions = allPositions(lesson);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (hash) => {
        expect(positions).toContainEqual(positionFromHash(lesson, hash));
      }),
    );
  });
});
