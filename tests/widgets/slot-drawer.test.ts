import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { createSlotDrawer, type SlotDraw } from '../../src/widgets/slot-drawer.ts';

const { document } = new JSDOM('').window;

describe('createSlotDrawer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const slots = [document.createElement('div'), document.createElement('div'), document.createElement('div')];
  const drawn: string[] = [];
  const wanted = (keys: string[]): SlotDraw[] =>
    keys.map((key, i) => ({ slot: slots[i], key, render: () => (drawn.push(key), document.createTextNode(key)) }));

  it('draws one out-of-date slot per task and skips slots whose key did not change', () => {
    const drawer = createSlotDrawer();
    let keys = ['a1', 'b1', 'c1'];
    const again = () => drawer.draw(wanted(keys), again);
    again();
    expect(drawn).toEqual(['a1']);
    vi.runAllTimers();
    expect(drawn).toEqual(['a1', 'b1', 'c1']);
    expect(slots.map((s) => s.textContent)).toEqual(['a1', 'b1', 'c1']);
    keys = ['a1', 'b2', 'c1'];
    again();
    vi.runAllTimers();
    expect(drawn).toEqual(['a1', 'b1', 'c1', 'b2']);
  });

  it('takes turns, so a chart that changes at every redraw never starves the others', () => {
    const drawer = createSlotDrawer();
    const [busy, quiet] = [document.createElement('div'), document.createElement('div')];
    const order: string[] = [];
    let tick = 0;
    const again = () => {
      tick++;
      drawer.draw(
        [
          { slot: busy, key: `busy ${tick}`, render: () => (order.push('busy'), document.createTextNode('b')) },
          { slot: quiet, key: 'quiet', render: () => (order.push('quiet'), document.createTextNode('q')) },
        ],
        again,
      );
    };
    again();
    vi.advanceTimersByTime(0);
    expect(order).toEqual(['busy', 'quiet']);
    drawer.cancel();
  });

  it('keeps a slot with nothing to draw as it is and draws the next one instead', () => {
    const drawer = createSlotDrawer();
    const [empty, next, last] = [document.createElement('div'), document.createElement('div'), document.createElement('div')];
    empty.textContent = 'old';
    const again = vi.fn();
    const node = (text: string) => () => document.createTextNode(text);
    drawer.draw([{ slot: empty, key: 'k', render: () => null }, { slot: next, key: 'n', render: node('n') }, { slot: last, key: 'l', render: node('l') }], again);
    expect([empty.textContent, next.textContent, last.textContent]).toEqual(['old', 'n', '']);
    drawer.cancel();
    vi.runAllTimers();
    expect(again).not.toHaveBeenCalled();
    drawer.draw([{ slot: empty, key: 'k', render: () => null }], again);
    vi.runAllTimers();
    expect(again).not.toHaveBeenCalled(); // nothing drawable is left: no follow-up
  });
});
