// On real test digits with the committed network: the T-sample average settles, and at large T it picks the scaled
// network's class on almost every digit. (All 2,000 test digits, seed 1, by `npm run measure:mc`: agreement 87.90% at
// T = 1, 97.30% at 10, 98.45% at 50, 98.75% at 200; the figures here are for the first 400, a stratified prefix.)
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../../components/mc-dropout/network-file.ts';
import { mlpFromSpec, specFromStored } from '../../../components/mc-dropout/network.ts';
import { curveRows, measureCurve } from '../../../components/mc-dropout/measure.ts';
import { committedNetworkBytes, realDigits } from './real-digits.ts';

describe('MC dropout on the real test digits', () => {
  it('agrees with the scaled network more as T grows, on most digits at T = 200, with about its error', () => {
    const file = parseNetwork(committedNetworkBytes());
    if (!file.ok) throw new Error(file.error);
    const { test } = realDigits();
    const curve = measureCurve(mlpFromSpec(specFromStored(file.network)), test, 1, 400);
    const rows = Object.fromEntries(curveRows(curve).map((r) => [r.T, r]));
    expect(rows[200].agreement).toBeGreaterThanOrEqual(0.97);
    expect(rows[50].agreement).toBeGreaterThan(rows[1].agreement);
    expect(rows[200].agreement).toBeGreaterThan(rows[1].agreement);
    // One thinned network alone is clearly worse than the scaled network; the 200-sample average is within a point.
    const scaled = curve.scaledWrong / curve.count;
    expect(rows[1].error).toBeGreaterThan(scaled + 0.03);
    expect(Math.abs(rows[200].error - scaled)).toBeLessThanOrEqual(0.01);
    // It settles: from T = 100 on, the average's predicted class changes on at most 1% of the digits.
    expect(Math.abs(curve.agree[99] - curve.agree[199])).toBeLessThanOrEqual(0.01 * curve.count);
  });
});
