import { describe, expect, it } from 'vitest';
import { createPanelQueue } from '../../src/widgets/panel-queue.ts';

describe('createPanelQueue', () => {
  it('draws the first chart at once and each of the others in a task of its own, each once', () => {
    const drawn: string[] = [];
    const tasks: Array<() => void> = [];
    const queue = createPanelQueue<string>((p) => drawn.push(p), (run) => tasks.push(run));
    queue.draw(['a', 'b', 'c']);
    expect(drawn).toEqual(['a']);
    queue.draw(['c', 'd']); // c is already waiting
    tasks.shift()!();
    expect(drawn).toEqual(['a', 'b']);
    while (tasks.length) tasks.shift()!();
    expect(drawn).toEqual(['a', 'b', 'c', 'd']);
  });

  it('drops what is left when cancelled', () => {
    const drawn: string[] = [];
    const tasks: Array<() => void> = [];
    const queue = createPanelQueue<string>((p) => drawn.push(p), (run) => tasks.push(run));
    queue.draw(['a', 'b']);
    queue.cancel();
    while (tasks.length) tasks.shift()!();
    expect(drawn).toEqual(['a']);
    queue.draw(['c']);
    expect(drawn).toEqual(['a', 'c']);
  });
});
