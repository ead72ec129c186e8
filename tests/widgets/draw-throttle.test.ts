import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDrawThrottle } from '../../src/widgets/draw-throttle.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createDrawThrottle', () => {
  it('draws in a task of its own, once for many requests, at most every interval', () => {
    const draw = vi.fn();
    const throttle = createDrawThrottle(draw, 100);
    throttle.request();
    throttle.request();
    expect(draw).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(draw).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(30);
    throttle.request();
    vi.advanceTimersByTime(69);
    expect(draw).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(draw).toHaveBeenCalledTimes(2);
  });

  it('with immediateWhenDue, draws at once when due and leaves a trailing draw otherwise', () => {
    const draw = vi.fn();
    const throttle = createDrawThrottle(draw, 100, { immediateWhenDue: true });
    throttle.request();
    expect(draw).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(40);
    throttle.request();
    throttle.request();
    expect(draw).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60);
    expect(draw).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(150);
    throttle.request();
    expect(draw).toHaveBeenCalledTimes(3);
  });

  it('drops a pending draw when cancelled', () => {
    const draw = vi.fn();
    const throttle = createDrawThrottle(draw, 100);
    throttle.request();
    throttle.cancel();
    vi.advanceTimersByTime(500);
    expect(draw).not.toHaveBeenCalled();
    throttle.request();
    vi.advanceTimersByTime(0);
    expect(draw).toHaveBeenCalledTimes(1);
  });
});
