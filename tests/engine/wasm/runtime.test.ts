// The kernel switch and the silent fallback: with no WebAssembly, no SIMD, or a compile refused (as a page's
// Content-Security-Policy without 'wasm-unsafe-eval' refuses it), every result still comes, from TypeScript.
import { afterEach, describe, expect, it } from 'vitest';
import { createRng, dense, kernelStatus, setKernels } from '../../../src/engine/index.ts';
import { resetKernelsForTesting } from '../../../src/engine/wasm/runtime.ts';

function product(): Float64Array {
  const rng = createRng('runtime');
  const x = { rows: 40, cols: 30, data: Float64Array.from({ length: 1200 }, () => (rng.bernoulli(0.7) ? 0 : rng.normal())) };
  const W = { rows: 30, cols: 17, data: Float64Array.from({ length: 510 }, () => rng.normal()) };
  return dense(x, W, Float64Array.from({ length: 17 }, (_, j) => j / 10)).data;
}

afterEach(() => {
  resetKernelsForTesting();
  setKernels('auto');
});

describe('kernel switch', () => {
  it('compiles on first use in Node (WebAssembly with SIMD) and reports it', () => {
    resetKernelsForTesting();
    setKernels('webassembly');
    expect(kernelStatus()).toMatchObject({ choice: 'webassembly', webassembly: 'untried', reason: '' });
    const before = kernelStatus().calls;
    product();
    expect(kernelStatus()).toMatchObject({ choice: 'webassembly', webassembly: 'ready', reason: '' });
    expect(kernelStatus().calls).toBe(before + 1);
  });

  it("'typescript' never compiles", () => {
    resetKernelsForTesting();
    setKernels('typescript');
    product();
    expect(kernelStatus().webassembly).toBe('untried');
  });

  it('rejects an unknown choice, naming the valid ones', () => {
    expect(() => setKernels('wasm' as never)).toThrow(new RangeError("kernels must be one of 'auto', 'webassembly', 'typescript', got \"wasm\""));
    expect(() => setKernels(1 as never)).toThrow(TypeError);
  });

  const broken: [string, unknown, RegExp][] = [
    ['no WebAssembly at all', {}, /no WebAssembly/],
    ['WebAssembly without SIMD', { validate: () => false, Memory: WebAssembly.Memory, Instance: WebAssembly.Instance, Module: WebAssembly.Module }, /without SIMD/],
    ['a compile refused by the Content-Security-Policy', {
      validate: WebAssembly.validate,
      Memory: WebAssembly.Memory,
      Instance: WebAssembly.Instance,
      Module: function Module() {
        throw new WebAssembly.CompileError("WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'wasm-unsafe-eval' is not an allowed source");
      },
    }, /Refused to compile/],
  ];
  broken.forEach(([what, api, reason]) => {
    it(`falls back to TypeScript silently with ${what}, and the numbers are the same`, () => {
      setKernels('typescript');
      const expected = product();
      resetKernelsForTesting(api);
      setKernels('webassembly');
      expect(product()).toEqual(expected);
      expect(kernelStatus().webassembly).toBe('unavailable');
      expect(kernelStatus().reason).toMatch(reason);
    });
  });
});
