import { describe, expect, it } from 'vitest';
import { createSgd } from '../../src/engine/index.ts';
import { createParameter } from '../../src/engine/parameter.ts';

const parameter = (value: number[], grad: number[]) => {
  const p = createParameter('p', Float64Array.from(value));
  p.grad.set(grad);
  return p;
};

describe('sgd', () => {
  it('plain: w ← w − lr·g', () => {
    const p = parameter([1, -2], [0.5, -1]);
    createSgd({ lr: 0.1 }).step([p]);
    expect(Array.from(p.value)).toEqual([1 - 0.05, -2 + 0.1]);
  });

  it('momentum (PyTorch form): v ← μv + g, w ← w − lr·v', () => {
    const p = parameter([0], [1]);
    const sgd = createSgd({ lr: 0.5, momentum: 0.9 });
    sgd.step([p]); // v = 1, w = −0.5
    sgd.step([p]); // v = 1.9, w = −0.5 − 0.95
    expect(p.value[0]).toBeCloseTo(-1.45, 15);
    sgd.reset();
    sgd.step([p]); // v = 1 again
    expect(p.value[0]).toBeCloseTo(-1.95, 15);
  });

  it('the learning rate can change between steps but must stay positive and finite', () => {
    const p = parameter([0], [1]);
    const sgd = createSgd({ lr: 1 });
    sgd.lr = 0.25;
    sgd.step([p]);
    expect(p.value[0]).toBe(-0.25);
    expect(() => (sgd.lr = 0)).toThrow(/lr must be in \(0, ∞\)/);
    expect(() => createSgd({ lr: NaN })).toThrow(RangeError);
    expect(() => createSgd({ lr: 0.1, momentum: 1 })).toThrow(/momentum must be in \[0, 1\)/);
  });
});
