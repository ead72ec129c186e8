import { describe, expect, it } from 'vitest';
import {
  describeElapsed, elapsedMs, formatElapsed, isRunning, pauseStopwatch, startStopwatch, stoppedStopwatch,
} from '../../src/deck/timer.ts';

describe('presenter stopwatch', () => {
  it('counts only while running, across pauses', () => {
    let w = startStopwatch(stoppedStopwatch, 1000);
    expect(isRunning(w)).toBe(true);
    expect(elapsedMs(w, 4000)).toBe(3000);
    w = pauseStopwatch(w, 5000);
    expect(elapsedMs(w, 60_000)).toBe(4000);
    w = startStopwatch(w, 70_000);
    expect(elapsedMs(w, 71_000)).toBe(5000);
    expect(startStopwatch(w, 99_999)).toBe(w); // starting twice changes nothing
    expect(pauseStopwatch(stoppedStopwatch, 5)).toBe(stoppedStopwatch);
  });

  it('formats m:ss and h:mm:ss, and in words', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(247_900)).toBe('4:07');
    expect(formatElapsed(3_847_000)).toBe('1:04:07');
    expect(formatElapsed(-5)).toBe('0:00');
    expect(formatElapsed(NaN)).toBe('0:00');
    expect(describeElapsed(247_000)).toBe('4 minutes 7 seconds');
    expect(describeElapsed(3_661_000)).toBe('1 hour 1 minute 1 second');
  });
});
