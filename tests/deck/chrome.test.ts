import { describe, expect, it } from 'vitest';
import { type ChromeEvent, initialChrome, nextChrome, restartsIdle } from '../../src/deck/chrome.ts';

const run = (...events: ChromeEvent[]) => events.reduce(nextChrome, initialChrome);

describe('audience toolbar', () => {
  it('is shown at first and hides when the pointer rests', () => {
    expect(initialChrome.shown).toBe(true);
    expect(run('idle').shown).toBe(false);
  });

  it('comes back on pointer movement and on Tab', () => {
    expect(run('idle', 'pointer').shown).toBe(true);
    expect(run('idle', 'tab').shown).toBe(true);
  });

  it('stays while focus is inside it or the pointer rests on it', () => {
    expect(run('idle', 'focus-in', 'idle').shown).toBe(true);
    expect(run('focus-in', 'focus-out', 'idle').shown).toBe(false);
    expect(run('hover-in', 'idle').shown).toBe(true);
    expect(run('hover-in', 'hover-out', 'idle').shown).toBe(false);
  });

  it('hides at once on entering full screen, even under the pointer, and returns on movement', () => {
    expect(run('hover-in', 'fullscreen').shown).toBe(false);
    expect(run('hover-in', 'fullscreen', 'idle').shown).toBe(false);
    expect(run('fullscreen', 'pointer').shown).toBe(true);
  });

  it('restarts the idle countdown on every event but the countdown itself and full screen', () => {
    expect(restartsIdle('pointer')).toBe(true);
    expect(restartsIdle('focus-out')).toBe(true);
    expect(restartsIdle('idle')).toBe(false);
    expect(restartsIdle('fullscreen')).toBe(false);
  });
});
