// Every case PyTorch computed (shared/reference/pytorch-cases.json) must be reproduced to
// |got − expected| ≤ 1e-9 · max(1, |expected|), with exactly the keys and nesting of `expected`.
// The cases go through runReferenceFile, the same code path as scripts/replay.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReferenceFile } from '../../src/engine/index.ts';
import { compareWithTolerance } from './helpers/compare.ts';

const CASES_URL = new URL('../../../shared/reference/pytorch-cases.json', import.meta.url);
const file = JSON.parse(readFileSync(CASES_URL, 'utf8')) as { cases: { kind: string; name?: string; expected: unknown }[] };

describe('PyTorch reference cases', () => {
  const { results } = runReferenceFile(file);

  it('has one result per case, all 15 of them', () => {
    expect(file.cases).toHaveLength(15);
    expect(results).toHaveLength(file.cases.length);
  });

  file.cases.forEach((c, i) => {
    it(`case ${i}: ${c.kind}${c.name ? ` ${c.name}` : ''}`, () => {
      expect(compareWithTolerance(results[i], c.expected)).toEqual([]);
    });
  });

  it('the comparison itself fails on a wrong number, a missing key and an extra key', () => {
    expect(compareWithTolerance({ y: [1 + 2e-9] }, { y: [1] })).toHaveLength(1);
    expect(compareWithTolerance({ y: [1] }, { y: [1], dx: [1] })).not.toEqual([]);
    expect(compareWithTolerance({ y: [1], da: 0 }, { y: [1] })).not.toEqual([]);
  });
});
