// The numbers the lesson quotes: read from the committed network and measured.json (npm run measure:mc).
import { describe, expect, it } from 'vitest';
import { mcMeasured, mcNet, mcRows } from '../../../components/mc-dropout/findings.ts';
import stored from '../../../components/mc-dropout/pretrained-curve.json';

describe('the MC-dropout findings the lesson quotes', () => {
  it('were measured with the committed network over all 2,000 test digits, up to T = 200', () => {
    expect(mcMeasured.count).toBe(2000);
    expect(mcMeasured.Tmax).toBe(200);
    expect(mcMeasured.scaledError).toBe(mcNet.test.error); // the curve's scaled network is the stored one
    for (const T of [1, 10, 50, 200]) expect(mcRows[T].T).toBe(T);
  });

  it('say what the text says: one thinned network is worse, the average at large T agrees with the scaled network', () => {
    expect(mcRows[1].error).toBeGreaterThan(mcNet.test.error + 0.03);
    expect(Math.abs(mcRows[200].error - mcNet.test.error)).toBeLessThanOrEqual(0.005);
    expect(mcRows[200].agreement).toBeGreaterThan(0.97);
    expect(mcRows[50].agreement).toBeGreaterThan(mcRows[10].agreement);
    expect(mcRows[10].agreement).toBeGreaterThan(mcRows[1].agreement);
  });

  it('come from the same run as the stored curve the widget shows for the pre-trained network', () => {
    expect([stored.seed, stored.count, stored.Tmax]).toEqual([mcMeasured.seed, mcMeasured.count, mcMeasured.Tmax]);
    expect(stored.scaledWrong / stored.count).toBe(mcMeasured.scaledError);
    for (const row of mcMeasured.rows) {
      expect(stored.wrong[row.T - 1] / stored.count).toBe(row.error);
      expect(stored.agree[row.T - 1] / stored.count).toBe(row.agreement);
    }
    expect(stored.disagree).toHaveLength(8);
  });
});
