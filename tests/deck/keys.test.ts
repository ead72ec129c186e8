import { describe, expect, it } from 'vitest';
import {
  commandForKey, emptyNumberBuffer, isDigitKey, KEY_HELP, NUMBER_TIMEOUT_MS, typeDigit, typedSlideNumber,
} from '../../src/deck/keys.ts';

describe('commandForKey', () => {
  it('maps the reveal.js / Slidev keys', () => {
    const expected: Record<string, string> = {
      ArrowRight: 'next', ' ': 'next', PageDown: 'next', ArrowDown: 'next',
      ArrowLeft: 'previous', PageUp: 'previous', ArrowUp: 'previous',
      Home: 'first', End: 'last', f: 'fullscreen', o: 'overview', s: 'presenter', '?': 'help',
    };
    for (const [key, command] of Object.entries(expected)) expect(commandForKey({ key }), key).toBe(command);
  });

  it('Shift+Space goes back; Shift with ? is still help', () => {
    expect(commandForKey({ key: ' ', shiftKey: true })).toBe('previous');
    expect(commandForKey({ key: '?', shiftKey: true })).toBe('help');
  });

  it('ignores keys held with Ctrl, Meta or Alt, and unknown keys', () => {
    expect(commandForKey({ key: 'ArrowRight', ctrlKey: true })).toBeNull();
    expect(commandForKey({ key: 'f', metaKey: true })).toBeNull();
    expect(commandForKey({ key: 'ArrowLeft', altKey: true })).toBeNull();
    expect(commandForKey({ key: 'x' })).toBeNull();
    expect(commandForKey({ key: 'Enter' })).toBeNull();
    expect(commandForKey({ key: 'constructor' })).toBeNull();
    expect(commandForKey({ key: '__proto__' })).toBeNull();
  });

  it('documents every command in the help table', () => {
    expect(KEY_HELP.map((row) => row.action).join(' ')).toMatch(/Next.*Previous.*First.*Go to.*Full screen.*Overview.*presenter.*keys/s);
  });
});

describe('number then Enter', () => {
  it('collects digits typed in quick succession', () => {
    let buffer = typeDigit(emptyNumberBuffer, '1', 100);
    buffer = typeDigit(buffer, '2', 300);
    expect(typedSlideNumber(buffer, 500)).toBe(12);
  });

  it('starts a new number after a pause and forgets a stale one', () => {
    let buffer = typeDigit(emptyNumberBuffer, '4', 0);
    buffer = typeDigit(buffer, '5', NUMBER_TIMEOUT_MS + 10);
    expect(typedSlideNumber(buffer, NUMBER_TIMEOUT_MS + 20)).toBe(5);
    expect(typedSlideNumber(buffer, 3 * NUMBER_TIMEOUT_MS)).toBeNull();
    expect(typedSlideNumber(emptyNumberBuffer, 0)).toBeNull();
  });

  it('keeps at most four digits', () => {
    let buffer = emptyNumberBuffer;
    for (const d of '123456') buffer = typeDigit(buffer, d, 10);
    expect(typedSlideNumber(buffer, 10)).toBe(3456);
  });

  it('recognises digit keys only', () => {
    expect(['0', '5', '9'].every(isDigitKey)).toBe(true);
    expect(['a', '10', '', ' ', '٣'].some(isDigitKey)).toBe(false);
  });
});
