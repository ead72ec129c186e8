import { describe, expect, it } from 'vitest';
import { normalizeMlpConfig } from '../../src/engine/index.ts';

describe('normalizeMlpConfig', () => {
  it('expands the shorthand to one entry per hidden layer with dropoutP defaulting to 0', () => {
    expect(normalizeMlpConfig({ sizes: [2, 4, 4, 3], activation: { name: 'elu' } })).toEqual({
      sizes: [2, 4, 4, 3],
      inputDropoutP: 0,
      hidden: [{ activation: { name: 'elu' }, dropoutP: 0 }, { activation: { name: 'elu' }, dropoutP: 0 }],
    });
    expect(normalizeMlpConfig({ sizes: [2, 4, 3], activation: { name: 'relu' }, inputDropoutP: 0.2 }).inputDropoutP).toBe(0.2);
    const mixed = normalizeMlpConfig({ sizes: [2, 4, 4, 3], hidden: [{ activation: { name: 'relu' }, dropoutP: 0.5 }, { activation: { name: 'tanh' } }] });
    expect(mixed.hidden.map((h) => [h.activation.name, h.dropoutP])).toEqual([['relu', 0.5], ['tanh', 0]]);
  });

  it('rejects both forms at once, bad sizes, a single class and bad p', () => {
    expect(() => normalizeMlpConfig({ sizes: [2, 3], hidden: [], activation: { name: 'relu' } } as never)).toThrow(/either `hidden` or/);
    expect(() => normalizeMlpConfig({ sizes: [2, 1.5, 3], activation: { name: 'relu' } })).toThrow(RangeError);
    expect(() => normalizeMlpConfig({ sizes: [2, 3, 1], activation: { name: 'relu' } })).toThrow(/at least 2/);
    expect(() => normalizeMlpConfig({ sizes: [2, 3, 2], activation: { name: 'relu' }, dropoutP: -0.1 })).toThrow(/\[0, 1\)/);
    expect(() => normalizeMlpConfig({ sizes: [2, 3, 2], activation: { name: 'relu' }, dropoutP: NaN })).toThrow(RangeError);
    expect(() => normalizeMlpConfig({ sizes: [2, 3, 2], activation: { name: 'relu' }, inputDropoutP: 1 })).toThrow(/dropout p must be in \[0, 1\)/);
  });
});
