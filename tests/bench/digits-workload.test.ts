// Workload C is the digits-dropout widget's network with the widget's settings, on the real digits.
import { describe, expect, it } from 'vitest';
import { DIGITS_DEFAULTS, DIGITS_DROPOUT } from '../../components/digits-dropout/model.ts';
import { DIGITS_BATCH_COUNT, DIGITS_SPEC, createDigitsWorkload } from '../../scripts/bench/digits-workload.ts';

describe('createDigitsWorkload', () => {
  it('uses the widget’s defaults and dropout rates, its training digits and the whole test part', () => {
    expect(DIGITS_SPEC).toEqual({
      sizes: [784, DIGITS_DEFAULTS.width, DIGITS_DEFAULTS.width, 10],
      inputDropoutP: DIGITS_DROPOUT.inputP,
      dropoutP: DIGITS_DROPOUT.hiddenP,
      lr: DIGITS_DEFAULTS.lr,
      momentum: DIGITS_DEFAULTS.momentum,
    });
    const w = createDigitsWorkload();
    expect(w.data.x.rows).toBe(DIGITS_DEFAULTS.trainCount);
    expect(w.batches).toHaveLength(DIGITS_BATCH_COUNT);
    expect([w.batches[0].x.rows, w.batches[0].x.cols]).toEqual([DIGITS_DROPOUT.batchSize, 784]);
    expect([w.grid.rows, w.grid.cols]).toEqual([2000, 784]);
    expect(w.initialWeights.map(({ W }) => [W.rows, W.cols])).toEqual([[784, DIGITS_DEFAULTS.width], [DIGITS_DEFAULTS.width, DIGITS_DEFAULTS.width], [DIGITS_DEFAULTS.width, 10]]);
    // About 80% of the pixels are exact zeros: the work a zero-skipping engine skips.
    const zeros = w.grid.data.reduce((n, v) => n + +(v === 0), 0) / w.grid.data.length;
    expect(zeros).toBeGreaterThan(0.75);
    expect(zeros).toBeLessThan(0.85);
  });
});
