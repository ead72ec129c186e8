// Input dropout (Srivastava et al. drop 0.2 of the MNIST pixels) and the masks' statistics.
import { describe, expect, it } from 'vitest';
import { type Matrix, type Mlp, createMlp, createRng, sampleDropoutMask, softmaxCrossEntropy } from '../../src/engine/index.ts';
import { centralDifference, expectAllClose } from './helpers/numeric.ts';

const SIZES = [6, 5, 4, 3];
const BATCH = 5;

function batch(seed: string, zeros = 0.5): { x: Matrix; labels: Int32Array } {
  const rng = createRng(seed);
  // Like pixels: many exact zeros, the rest in (0, 1].
  const data = Float64Array.from({ length: BATCH * SIZES[0] }, () => (rng.uniform() < zeros ? 0 : 0.05 + 0.95 * rng.uniform()));
  return { x: { rows: BATCH, cols: SIZES[0], data }, labels: Int32Array.from({ length: BATCH }, () => rng.integer(3)) };
}

function nets(inputDropoutP: number, dropoutP: number): { withInput: Mlp; without: Mlp } {
  const withInput = createMlp({ sizes: SIZES, activation: { name: 'relu' }, dropoutP, inputDropoutP }, { scheme: 'he-normal', rng: createRng('w') });
  const rng = createRng('biases');
  for (const layer of withInput.layers) layer.b.forEach((_, j) => (layer.b[j] = rng.normal(0, 0.3)));
  const without = createMlp({ sizes: SIZES, activation: { name: 'relu' }, dropoutP }, { weights: withInput.exportWeights() });
  return { withInput, without };
}

describe('mlp input dropout', () => {
  const p = 0.2;
  const { x, labels } = batch('data');
  const inputMask = sampleDropoutMask(createRng('input mask'), p, BATCH * SIZES[0]);
  const hiddenMasks = SIZES.slice(1, -1).map((n, h) => sampleDropoutMask(createRng(`mask ${h}`), 0.5, BATCH * n));

  it('is the same as feeding x ⊙ m / (1 − p) to the net without it: logits, loss and every gradient', () => {
    const { withInput, without } = nets(p, 0.5);
    expect(inputMask.includes(0)).toBe(true);
    const scaled: Matrix = { rows: x.rows, cols: x.cols, data: x.data.map((v, i) => v * inputMask[i] * (1 / (1 - p))) }; // the engine's own order
    const lossA = withInput.computeGradients(x, labels, { training: true, inputMask, masks: hiddenMasks });
    const lossB = without.computeGradients(scaled, labels, { training: true, masks: hiddenMasks });
    expect(lossA).toBe(lossB);
    withInput.parameters().forEach((param, k) => expectAllClose(param.grad, without.parameters()[k].grad, 1e-15, param.name));
    const pass = withInput.forward(x, { training: true, inputMask, masks: hiddenMasks });
    expect(Array.from(pass.input.data)).toEqual(Array.from(scaled.data));
    expect(pass.inputMask).toEqual(inputMask);
  });

  it('gradients match central differences with a fixed input mask', () => {
    const { withInput: net } = nets(p, 0.3);
    const { x, labels } = batch('finite differences'); // a batch with no pre-activation near a ReLU kink
    const mode = { training: true, inputMask, masks: hiddenMasks };
    const lossOf = (): number => softmaxCrossEntropy(net.forward(x, mode).logits, labels).loss;
    net.computeGradients(x, labels, mode);
    const analytic = net.parameters().map((param) => param.grad.slice());
    net.forward(x, mode).preActivations.forEach((z) => expect(Math.min(...z.data.map(Math.abs))).toBeGreaterThan(1e-4)); // no kinks
    net.parameters().forEach((param, k) => {
      for (let i = 0; i < param.value.length; i++) {
        const numeric = centralDifference(lossOf, param.value, i);
        if (!(Math.abs(analytic[k][i] - numeric) <= 1e-6 * (Math.abs(analytic[k][i]) + Math.abs(numeric)) + 1e-9)) {
          expect.fail(`${param.name}[${i}]: analytic ${analytic[k][i]}, numeric ${numeric}`);
        }
      }
    });
  });

  it('a pixel dropped for the whole batch gets no weight gradient; zero pixels stay exactly zero', () => {
    const { withInput: net } = nets(p, 0);
    const mask = new Float64Array(BATCH * SIZES[0]).fill(1);
    for (let i = 0; i < BATCH; i++) mask[i * SIZES[0] + 2] = 0; // input 2 dropped everywhere
    const pass = net.forward(x, { training: true, inputMask: mask });
    x.data.forEach((v, i) => v === 0 && expect(pass.input.data[i]).toBe(0));
    net.computeGradients(x, labels, { training: true, inputMask: mask });
    const dW = net.layers[0].dW;
    expect(Array.from(dW.data.subarray(2 * dW.cols, 3 * dW.cols)).every((g) => g === 0)).toBe(true);
    expect(Array.from(dW.data).some((g) => g !== 0)).toBe(true);
  });

  it('does nothing in evaluation, and p = 0 draws nothing (the hidden masks are those of a net without it)', () => {
    const { withInput, without } = nets(p, 0.5);
    expect(withInput.forward(x).logits.data).toEqual(without.forward(x).logits.data);
    const { withInput: zeroP } = nets(0, 0.5);
    const a = zeroP.forward(x, { training: true, rng: createRng('drops') }).masks.map((m) => m?.slice());
    const b = without.forward(x, { training: true, rng: createRng('drops') }).masks.map((m) => m?.slice());
    expect(a).toEqual(b);
    expect(zeroP.forward(x, { training: true, rng: createRng('drops') }).inputMask).toBeNull();
  });

  it('keeps a fraction 1 − p of each layer: inputs 0.8, hidden 0.5, within 4 standard deviations', () => {
    // Kept count ~ Binomial(n, 1 − p): sd √(p(1 − p) / n) of the fraction; 4 sd fails once in ~16,000 seeds, and the
    // seed is fixed. 20 passes of batch 5 give n = 600 inputs and 500 / 400 hidden units.
    const { withInput: net } = nets(p, 0.5);
    const rng = createRng('kept fraction');
    const kept = [0, 0, 0], total = [0, 0, 0];
    for (let pass = 0; pass < 20; pass++) {
      const out = net.forward(x, { training: true, rng });
      [out.inputMask, ...out.masks].forEach((m, layer) => {
        for (const v of m ?? []) kept[layer] += v;
        total[layer] += m?.length ?? 0;
      });
    }
    [0.2, 0.5, 0.5].forEach((drop, layer) => {
      const sd = Math.sqrt((drop * (1 - drop)) / total[layer]);
      expect(Math.abs(kept[layer] / total[layer] - (1 - drop)), `layer ${layer}`).toBeLessThan(4 * sd);
    });
  });

  it('rejects a bad p, a bad mask and a missing rng with the valid range in the message', () => {
    expect(() => nets(1, 0)).toThrow(/\[0, 1\)/);
    const { withInput: net } = nets(p, 0);
    expect(() => net.forward(x, { training: true })).toThrow(/input dropout p = 0.2 needs mode.rng or mode.masks/);
    expect(() => net.forward(x, { training: true, inputMask: new Float64Array(3) })).toThrow(/length 30/);
    expect(() => net.forward(x, { training: true, inputMask: new Float64Array(30).fill(0.5) })).toThrow(RangeError);
  });
});
