import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/widgets/store.ts';

describe('createStore', () => {
  it('notifies subscribers of changes with their origin, and not of equal values', () => {
    const store = createStore(1);
    const seen: Array<[number, string]> = [];
    const stop = store.subscribe((v, origin) => seen.push([v, origin]));
    store.set(2);
    store.set(2);
    store.set(3, 'remote');
    stop();
    store.set(4);
    expect(seen).toEqual([
      [2, 'local'],
      [3, 'remote'],
    ]);
    expect(store.get()).toBe(4);
  });
});
