import { describe, expect, it } from 'vitest';
import { blankAfter, blankFromMessage, describeBlank, isModifierKey } from '../../src/deck/blank.ts';
import { commandForKey, KEY_HELP } from '../../src/deck/keys.ts';

describe('blackout and whiteout', () => {
  it('are on b, . and w, and listed in the help', () => {
    expect(commandForKey({ key: 'b' })).toBe('blackout');
    expect(commandForKey({ key: '.' })).toBe('blackout');
    expect(commandForKey({ key: 'w' })).toBe('whiteout');
    expect(commandForKey({ key: 'b', ctrlKey: true })).toBeNull();
    const help = KEY_HELP.map((row) => `${row.keys.join(' ')}: ${row.action}`).join('\n');
    expect(help).toMatch(/^b \.: Black screen.*any key returns/m);
    expect(help).toMatch(/^w: White screen.*any key returns/m);
  });

  it('toggle with their own key and switch with the other', () => {
    expect(blankAfter(null, 'blackout')).toBe('black');
    expect(blankAfter('black', 'blackout')).toBeNull();
    expect(blankAfter('black', 'whiteout')).toBe('white');
    expect(blankAfter('white', 'whiteout')).toBeNull();
  });

  it('are not undone by a modifier alone', () => {
    for (const key of ['Shift', 'Control', 'Alt', 'Meta']) expect(isModifierKey(key)).toBe(true);
    for (const key of ['a', 'Escape', ' ', 'ArrowRight', 'b']) expect(isModifierKey(key)).toBe(false);
  });

  it('accept only well-formed messages from another window', () => {
    expect(blankFromMessage({ type: 'blank', tone: 'black' })).toBe('black');
    expect(blankFromMessage({ type: 'blank', tone: null })).toBeNull();
    expect(blankFromMessage({ type: 'blank', tone: 'red' })).toBeUndefined();
    expect(blankFromMessage({ type: 'goto', tone: 'black' })).toBeUndefined();
    expect(blankFromMessage('<img src=x onerror=alert(1)>')).toBeUndefined();
    expect(blankFromMessage(null)).toBeUndefined();
  });

  it('say what happened in words', () => {
    expect(describeBlank('black', false)).toMatch(/screen is black; press any key/);
    expect(describeBlank('white', true)).toMatch(/projector is white/);
    expect(describeBlank(null, false)).toMatch(/back/);
  });
});
