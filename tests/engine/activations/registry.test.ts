import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, activation, createRng } from '../../../src/engine/index.ts';

describe('activation registry', () => {
  it('knows the PyTorch names and fills in defaults', () => {
    expect([...ACTIVATION_NAMES].sort()).toEqual(['elu', 'leaky_relu', 'prelu', 'relu', 'rrelu', 'sigmoid', 'softplus', 'tanh']);
    expect(activation({ name: 'rrelu' }).params).toEqual({ lower: 1 / 8, upper: 1 / 3 });
    expect(activation({ name: 'softplus' }).params).toEqual({ beta: 1, threshold: 20 });
    expect(activation({ name: 'prelu' }).params).toEqual({ a: 0.25, per_unit: false });
  });

  it('every activation: batch kernel = vector forward; backward = upstream ⊙ the kernel derivative', () => {
    const z = Float64Array.of(-2.5, -0.3, -0, 0, 0.4, 1.7, -7, 25);
    const upstream = Float64Array.from(z, (_, i) => 0.5 + i);
    for (const name of ACTIVATION_NAMES) {
      const act = activation({ name });
      const y = new Float64Array(z.length), d = new Float64Array(z.length);
      act.forwardInto(z, y, d, 4, { training: false, rng: createRng(1) });
      expect(y, name).toEqual(act.forward(z));
      expect(act.backward(z, upstream), name).toEqual(d.map((v, i) => v * upstream[i]));
    }
  });

  it('each call makes a fresh PReLU with its own slope', () => {
    const a = activation({ name: 'prelu' });
    const b = activation({ name: 'prelu' });
    a.parameters[0].value[0] = 1;
    expect(b.parameters[0].value[0]).toBe(0.25);
  });

  it('rejects unknown names and keys, naming the valid ones', () => {
    expect(() => activation({ name: 'gelu' as 'relu' })).toThrow(/must be one of relu, leaky_relu/);
    expect(() => activation({ name: 'toString' as 'relu' })).toThrow(TypeError);
    expect(() => activation({ name: 'elu', params: { a: 1 } })).toThrow(/valid: alpha/);
    expect(() => activation(null as unknown as { name: 'relu' })).toThrow(TypeError);
  });
});
