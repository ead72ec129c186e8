import { describe, expect, it } from 'vitest';
import { createRng, generateDataset } from '../../src/engine/index.ts';
import { createDropoutPair } from '../../src/widgets/dropout-pair.ts';

function pair(seed = 3, p = 0.5) {
  const rng = createRng(seed);
  const data = generateDataset({ name: 'spirals', noise: 0.05, count: 60 }, rng.fork('train'));
  return createDropoutPair({ sizes: [2, 8, 8, data.classes], data, p, lr: 0.1, batchSize: 10, seed, rng });
}

describe('createDropoutPair', () => {
  it('builds the net without dropout and the net with dropout p, labelled', () => {
    const { lanes } = pair(3, 0.3);
    expect(lanes.map(({ label, p }) => ({ label, p }))).toEqual([
      { label: 'no dropout', p: 0 },
      { label: 'dropout p = 0.3', p: 0.3 },
    ]);
  });

  it('starts both nets from the same initial weights, drawn from the run’s init stream', () => {
    const { initialWeights, lanes } = pair();
    for (const lane of lanes) expect(lane.trainer.net.exportWeights()).toEqual(initialWeights);
    expect(pair().initialWeights).toEqual(initialWeights);
    expect(pair(4).initialWeights).not.toEqual(initialWeights);
  });

  it('trains the two identically when p = 0 (same minibatches, no masks)', () => {
    const { lanes } = pair(5, 0);
    for (const lane of lanes) lane.trainer.step(5);
    expect(lanes[1].trainer.net.exportWeights()).toEqual(lanes[0].trainer.net.exportWeights());
  });
});
