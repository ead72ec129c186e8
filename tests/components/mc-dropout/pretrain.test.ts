// The committed network is what `npm run train:mc` makes: train it again here and compare every stored byte.
import { describe, expect, it } from 'vitest';
import { encodeNetwork, parseNetwork } from '../../../components/mc-dropout/network-file.ts';
import { MC_ARCHITECTURE, MC_TRAINING, trainMcNetwork } from '../../../components/mc-dropout/pretrain.ts';
import { committedNetworkBytes, realDigits } from './real-digits.ts';

describe('the pre-trained MC-dropout network', () => {
  it('is reproduced byte for byte by the training script (seeded), and its stored test error is that of its weights', () => {
    const { train, test } = realDigits();
    const network = trainMcNetwork(train, test);
    const committed = committedNetworkBytes();
    const made = encodeNetwork(network);
    expect(made.length).toBe(committed.length);
    expect(Buffer.compare(Buffer.from(made), Buffer.from(committed))).toBe(0);
    const parsed = parseNetwork(committed);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.network.sizes).toEqual([...MC_ARCHITECTURE.sizes]);
    expect(parsed.network.training).toEqual(MC_TRAINING);
    expect(parsed.network.test).toEqual(network.test);
    expect(parsed.network.test.count).toBe(2000);
  });
});
