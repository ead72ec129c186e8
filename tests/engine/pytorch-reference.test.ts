// Every case PyTorch computed (shared/reference/pytorch-cases.json) must be reproduced to
// |got − expected| ≤ 1e-9 · max(1, |expected|), with exactly the keys and nesting of `expected`.
// The cases go through runReferenceFile, the same code path as scripts/replay.ts, once with each kernel path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kernelStatus, runReferenceFile, setKernels } from '../../src/engine/index.ts';
import { compareWithTolerance } from './helpers/compare.ts';

const CASES_URL = new URL('../../../shared/reference/pytorch-cases.json', import.meta.url);
const file = JSON.parse(readFileSync(CASES_URL, 'utf8')) as { cases: { kind: string; name?: string; expected: unknown }[] };

// Both kernel paths: WebAssembly for every dense forward product it can take, and TypeScript only.
for (const kernels of ['webassembly', 'typescript'] as const) {
  describe(`PyTorch reference cases, ${kernels} kernels`, () => {
    setKernels(kernels);
    const callsBefore = kernelStatus().calls;
    const { results } = runReferenceFile(file);
    const calls = kernelStatus().calls - callsBefore;
    setKernels('auto');
    it(kernels === 'webassembly' ? 'computed its dense products with WebAssembly' : 'never used WebAssembly', () => {
      if (kernels === 'webassembly') expect(calls).toBeGreaterThan(0);
      else expect(calls).toBe(0);
    });

    it('has one result per case, all 15 of them', () => {
      expect(file.cases).toHaveLength(15);
      expect(results).toHaveLength(file.cases.length);
    });

    file.cases.forEach((c, i) => {
      it(`case ${i}: ${c.kind}${c.name ? ` ${c.name}` : ''}`, () => {
        expect(compareWithTolerance(results[i], c.expected)).toEqual([]);
      });
    });
  });
}

describe('PyTorch reference comparison', () => {
  it('the comparison itself fails on a wrong number, a missing key and an extra key', () => {
    expect(compareWithTolerance({ y: [1 + 2e-9] }, { y: [1] })).toHaveLength(1);
    expect(compareWithTolerance({ y: [1] }, { y: [1], dx: [1] })).not.toEqual([]);
    expect(compareWithTolerance({ y: [1], da: 0 }, { y: [1] })).not.toEqual([]);
  });
});
