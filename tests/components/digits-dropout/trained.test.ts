// The dropout net a finished run hands to mc-dropout (trained.ts): its shape is mc-dropout's contract, and the
// weights handed over are the trained net's, so they reproduce the run's own test error.
import { describe, expect, it } from 'vitest';
import { createMlp, createRng, evaluateMlp } from '../../../src/engine/index.ts';
import { digitsDataset } from '../../../src/digits/dataset.ts';
import { DIGITS_DEFAULTS } from '../../../components/digits-dropout/model.ts';
import { REQUEST_EVENT, TRAINED_EVENT, announce, networkBuffers, trainedDetail, trainedNetwork } from '../../../components/digits-dropout/trained.ts';
import { createDigitsSession } from '../../../components/digits-dropout/session.ts';
import type { DigitsMessage } from '../../../components/digits-dropout/protocol.ts';
import { barAsset } from './fixtures.ts';

const net = () =>
  createMlp(
    { sizes: [784, 6, 5, 10], inputDropoutP: 0.2, hidden: [{ activation: { name: 'relu' }, dropoutP: 0.5 }, { activation: { name: 'relu' }, dropoutP: 0.5 }] },
    { scheme: 'he-normal', rng: createRng(4) },
  );

describe('trainedNetwork', () => {
  it('copies every layer (W fanIn × fanOut row-major, b fanOut) and reads the dropout from the net', () => {
    const mlp = net();
    const network = trainedNetwork(mlp);
    expect(network.sizes).toEqual([784, 6, 5, 10]);
    expect(network.weights.map(({ W, b }) => [W.length, b.length])).toEqual([[784 * 6, 6], [6 * 5, 5], [5 * 10, 10]]);
    expect(network.dropout).toEqual({ input: 0.2, hidden: [0.5, 0.5] });
    network.weights.forEach(({ W, b }, l) => {
      expect(W).toBeInstanceOf(Float64Array);
      expect(W).toEqual(mlp.layers[l].W.data);
      expect(W.buffer).not.toBe(mlp.layers[l].W.data.buffer); // a copy: transferring it leaves the net whole
      expect(b).toEqual(mlp.layers[l].b);
    });
    expect(networkBuffers(network)).toHaveLength(6);
  });
});

describe('trainedDetail and announce', () => {
  it('makes mc-dropout\'s detail: label, sizes, weights, dropout per hidden layer, test error as a fraction', () => {
    const network = trainedNetwork(net());
    const detail = trainedDetail(network, DIGITS_DEFAULTS, 0.0695);
    expect(detail.label).toBe('your dropout network (2,000 digits, 40 epochs)');
    expect(detail).toMatchObject({ sizes: [784, 6, 5, 10], dropout: { input: 0.2, hidden: [0.5, 0.5] }, testError: 0.0695 });
    expect(detail.weights[0].W).toBe(network.weights[0].W);
    expect(trainedDetail(network, { ...DIGITS_DEFAULTS, epochs: 1 }, 0.1).label).toBe('your dropout network (2,000 digits, 1 epoch)');
  });

  it('dispatches digits-dropout:trained on the target it is given, with the detail', () => {
    const target = new EventTarget();
    const seen: unknown[] = [];
    target.addEventListener(TRAINED_EVENT, (event) => seen.push((event as CustomEvent).detail));
    const detail = trainedDetail(trainedNetwork(net()), DIGITS_DEFAULTS, 0.07);
    announce(target, detail);
    expect(seen).toEqual([detail]);
    expect(TRAINED_EVENT).toBe('digits-dropout:trained');
    expect(REQUEST_EVENT).toBe('digits-dropout:request');
  });
});

describe('the session hands over the dropout net when a run finishes', () => {
  it('posts it with done, transferred, and it scores the run\'s own final test error', async () => {
    const asset = barAsset(200, 50);
    const posted: { message: DigitsMessage; transfer?: Transferable[] }[] = [];
    const queue: (() => void)[] = [];
    let clock = 0;
    const session = createDigitsSession({
      post: (message, transfer) => posted.push({ message, transfer }),
      load: () => Promise.resolve({ ok: true, digits: asset }),
      now: () => clock++,
      schedule: (fn) => queue.push(fn),
      sliceMs: 3,
    });
    const settings = { trainCount: 200, width: 8, epochs: 3, lr: 0.05, momentum: 0.9, seed: 3 };
    session.handle({ type: 'start', assetUrl: '/x', settings });
    await new Promise((resolve) => setTimeout(resolve, 0)); // the download settles
    while (queue.length) queue.shift()!();
    const { message, transfer } = posted.find((p) => p.message.type === 'done')!;
    if (message.type !== 'done') throw new Error('unreachable');
    const network = message.network!;
    expect(network.sizes).toEqual([784, 8, 8, 10]);
    expect(network.dropout).toEqual({ input: 0.2, hidden: [0.5, 0.5] });
    expect(transfer).toEqual(networkBuffers(network));
    const mlp = createMlp(
      { sizes: network.sizes, inputDropoutP: network.dropout.input, hidden: network.dropout.hidden.map((dropoutP) => ({ activation: { name: 'relu' }, dropoutP })) },
      { weights: network.weights.map(({ W, b }, l) => ({ W: { rows: network.sizes[l], cols: network.sizes[l + 1], data: W }, b })) },
    );
    const { accuracy } = evaluateMlp(mlp, digitsDataset(asset.test, 10));
    expect(1 - accuracy).toBeCloseTo(message.finalTestError[1], 12);
  });
});
