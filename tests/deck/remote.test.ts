import { describe, expect, it } from 'vitest';
import { gotoMessage, positionFromMessage, positionMessage } from '../../src/deck/remote.ts';

const lesson = [0, 2, 4, 2, 3, 3, 2, 1];

describe('messages from other windows', () => {
  it('round-trips a position and clamps or rejects bad messages', () => {
    expect(positionFromMessage(lesson, gotoMessage({ slide: 4, step: 2 }))).toEqual({ slide: 4, step: 2 });
    expect(gotoMessage({ slide: 4, step: 2 })).toEqual({ type: 'goto', slide: 5, step: 2 });
    expect(positionFromMessage(lesson, { type: 'goto', slide: 1e12, step: 9 })).toEqual({ slide: 7, step: 1 });
    for (const bad of [null, 'goto', { type: 'goto', slide: '5', step: 1 }, { type: 'goto', slide: NaN, step: 1 },
      { type: 'goto', slide: 0, step: 1 }, { type: 'hello' }, { type: 'goto', slide: Infinity, step: 1 }]) {
      expect(positionFromMessage(lesson, bad)).toBeNull();
    }
    expect(positionFromMessage([], { type: 'goto', slide: 1, step: 0 })).toBeNull();
  });

  it('tells a "go here" from an "I am here" answer', () => {
    const answer = positionMessage({ slide: 2, step: 1 });
    expect(answer).toEqual({ type: 'position', slide: 3, step: 1 });
    expect(positionFromMessage(lesson, answer)).toBeNull();
    expect(positionFromMessage(lesson, answer, 'position')).toEqual({ slide: 2, step: 1 });
    expect(positionFromMessage(lesson, gotoMessage({ slide: 2, step: 1 }), 'position')).toBeNull();
  });
});
