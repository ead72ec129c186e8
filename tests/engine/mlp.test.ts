import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActivationSpec,
  type Matrix,
  type Mlp,
  activation,
  createMlp,
  createRng,
  matmul,
  sampleDropoutMask,
  setKernels,
  softmaxCrossEntropy,
} from '../../src/engine/index.ts';
import { centralDifference, expectAllClose } from './helpers/numeric.ts';

const SIZES = [3, 5, 4, 3];
const BATCH = 4;

function batch(seed: string): { x: Matrix; labels: Int32Array } {
  const rng = createRng(seed);
  return {
    x: { rows: BATCH, cols: SIZES[0], data: Float64Array.from({ length: BATCH * SIZES[0] }, () => rng.normal()) },
    labels: Int32Array.from({ length: BATCH }, () => rng.integer(SIZES[SIZES.length - 1])),
  };
}

function netWith(spec: ActivationSpec, dropoutP: number, seed = 'net'): Mlp {
  const net = createMlp({ sizes: SIZES, activation: spec, dropoutP }, { scheme: 'xavier-normal', rng: createRng(seed) });
  // Non-zero biases so that every gradient is exercised.
  const rng = createRng(`${seed} biases`);
  for (const layer of net.layers) layer.b.forEach((_, j) => (layer.b[j] = rng.normal(0, 0.3)));
  return net;
}

/** Masks of 0/1 for each hidden layer, with at least one dropped unit. */
function fixedMasks(p: number): Float64Array[] {
  return SIZES.slice(1, -1).map((units, h) => sampleDropoutMask(createRng(`mask ${h}`), p, BATCH * units));
}

/** A straightforward re-implementation: plain matmul, the vector activation, explicit masks. */
function referenceLogits(net: Mlp, x: Matrix, masks: Float64Array[] | null, p: number): Float64Array {
  let a = x;
  for (let l = 0; l < net.layers.length; l++) {
    const { W, b } = net.layers[l];
    const z = matmul(a, W);
    for (let i = 0; i < z.rows; i++) for (let j = 0; j < z.cols; j++) z.data[i * z.cols + j] += b[j];
    if (l === net.layers.length - 1) return z.data;
    const act = activation(net.config.hidden[l].activation, { units: z.cols });
    act.parameters.forEach((param, i) => param.value.set(net.hiddenLayers[l].activation.parameters[i].value));
    const y = act.forward(z.data.subarray(0, z.cols)); // per-row to respect per-unit slopes
    const out = new Float64Array(z.data.length);
    for (let i = 0; i < z.rows; i++) out.set(i === 0 ? y : act.forward(z.data.subarray(i * z.cols, (i + 1) * z.cols)), i * z.cols);
    if (masks !== null) for (let k = 0; k < out.length; k++) out[k] = (out[k] * masks[l][k]) / (1 - p);
    a = { rows: z.rows, cols: z.cols, data: out };
  }
  throw new Error('unreachable');
}

const SPECS: ActivationSpec[] = [
  { name: 'relu' },
  { name: 'leaky_relu', params: { negative_slope: 0.1 } },
  { name: 'prelu' },
  { name: 'prelu', params: { a: -0.2, per_unit: true } },
  { name: 'rrelu' },
  { name: 'elu', params: { alpha: 0.7 } },
  { name: 'tanh' },
  { name: 'sigmoid' },
  { name: 'softplus' },
];

describe('mlp: the zero-skipping forward pass equals a plain re-implementation', () => {
  for (const spec of SPECS) {
    it(`${spec.name} ${JSON.stringify(spec.params ?? {})}: evaluation and training with fixed masks (≤ 1e-12)`, () => {
      const net = netWith(spec, 0.4);
      const { x } = batch('data');
      expectAllClose(net.forward(x).logits.data, referenceLogits(net, x, null, 0), 1e-12, 'eval logits');
      if (spec.name === 'rrelu') return; // random slopes in training; covered by the gradient check below
      const masks = fixedMasks(0.4);
      const pass = net.forward(x, { training: true, masks });
      expectAllClose(pass.logits.data, referenceLogits(net, x, masks, 0.4), 1e-12, 'train logits');
      pass.hidden.forEach((a, h) => masks[h].forEach((m, k) => m === 0 && expect(a.data[k] === 0).toBe(true))); // +0 or −0
    });
  }
});

describe('mlp: every gradient matches central differences (dropout with a fixed mask)', () => {
  for (const spec of SPECS) {
    it(`${spec.name} ${JSON.stringify(spec.params ?? {})}: every weight, bias and PReLU slope`, () => {
      const p = 0.3;
      const net = netWith(spec, p);
      const { x, labels } = batch('data');
      const masks = fixedMasks(p);
      // RReLU draws its training slopes from the rng: a fresh rng per pass makes every pass use the same slopes.
      const mode = () => ({ training: true, masks, rng: createRng('rrelu slopes') });
      const lossOf = (): number => softmaxCrossEntropy(net.forward(x, mode()).logits, labels).loss;
      net.computeGradients(x, labels, mode());
      const analytic = net.parameters().map((param) => param.grad.slice());
      // Stay away from kinks: no pre-activation within 1e-4 of 0 (deterministic data, so this is a precondition).
      net.forward(x, mode()).preActivations.forEach((z) => expect(z.data.every((v) => Math.abs(v) > 1e-4)).toBe(true));
      expect(masks.some((m) => m.includes(0))).toBe(true);
      net.parameters().forEach((param, k) => {
        for (let i = 0; i < param.value.length; i++) {
          const numeric = centralDifference(lossOf, param.value, i);
          const a = analytic[k][i];
          if (!(Math.abs(a - numeric) <= 1e-6 * (Math.abs(a) + Math.abs(numeric)) + 1e-9)) {
            expect.fail(`${param.name}[${i}]: analytic ${a}, numeric ${numeric}`);
          }
        }
      });
      if (spec.name === 'prelu') expect(net.parameters().filter((q) => q.name.includes('prelu')).length).toBe(2);
    });
  }
});

describe('mlp: construction and modes', () => {
  it('the shorthand config equals the long form; explicit weights round-trip', () => {
    const short = createMlp({ sizes: [2, 3, 2], activation: { name: 'relu' }, dropoutP: 0.5 }, { scheme: 'he-normal', rng: createRng(1) });
    const long = createMlp({ sizes: [2, 3, 2], hidden: [{ activation: { name: 'relu' }, dropoutP: 0.5 }] }, { scheme: 'he-normal', rng: createRng(1) });
    expect(long.exportWeights()).toEqual(short.exportWeights());
    expect(long.config).toEqual(short.config);
    const copy = createMlp(short.config, { weights: short.exportWeights() });
    expect(copy.exportWeights()).toEqual(short.exportWeights());
    expect(copy.parameters().map((q) => q.name)).toEqual(['layers.0.W', 'layers.0.b', 'layers.1.W', 'layers.1.b']);
  });

  it('the same seed gives the same weights and the same dropout masks', () => {
    const make = () => createMlp({ sizes: [3, 8, 3], activation: { name: 'relu' }, dropoutP: 0.5 }, { scheme: 'he-uniform', rng: createRng(5) });
    const { x } = batch('data');
    const a = make().forward(x, { training: true, rng: createRng(9) });
    const b = make().forward(x, { training: true, rng: createRng(9) });
    expect(a.masks).toEqual(b.masks);
    expect(a.logits.data).toEqual(b.logits.data);
    const c = make().forward(x, { training: true, rng: createRng(10) });
    expect(c.masks).not.toEqual(a.masks);
  });

  it('evaluation mode applies no dropout; training needs an rng or masks when p > 0', () => {
    const net = netWith({ name: 'relu' }, 0.5);
    const { x, labels } = batch('data');
    expect(net.forward(x).masks).toEqual([null, null]);
    expect(() => net.forward(x, { training: true })).toThrow(/needs mode.rng or mode.masks/);
    expect(() => net.computeGradients(x, labels, { training: true })).toThrow(TypeError);
    expect(net.loss(x, labels)).toBe(softmaxCrossEntropy(net.forward(x).logits, labels).loss);
  });

  it('dropped units pass no gradient: with every unit of layer 1 dropped, layer-0 gradients are exactly 0', () => {
    const net = netWith({ name: 'tanh' }, 0.5);
    const { x, labels } = batch('data');
    const masks = [new Float64Array(BATCH * 5), new Float64Array(BATCH * 4).fill(1)];
    net.computeGradients(x, labels, { training: true, masks });
    expect(net.layers[0].dW.data.every((g) => g === 0)).toBe(true);
    expect(net.layers[1].dW.data.every((g) => g === 0)).toBe(true); // its input is all zeros
    expect(net.layers[2].dW.data.some((g) => g !== 0)).toBe(true);
  });

  it('rejects bad configs, weights, masks and inputs with the valid range in the message', () => {
    const init = { scheme: 'he-normal' as const, rng: createRng(1) };
    expect(() => createMlp({ sizes: [2], activation: { name: 'relu' } }, init)).toThrow(/at least 2 layer sizes/);
    expect(() => createMlp({ sizes: [2, 3, 2], activation: { name: 'relu' }, dropoutP: 1 }, init)).toThrow(/dropout p must be in \[0, 1\), got 1/);
    expect(() => createMlp({ sizes: [2, 3, 2], hidden: [] }, init)).toThrow(/1 entries/);
    expect(() => createMlp({ sizes: [2, 0, 2], activation: { name: 'relu' } }, init)).toThrow(RangeError);
    expect(() => createMlp({ sizes: [2, 3, 2], activation: { name: 'relu' } }, { weights: [{ W: [[1, 2]], b: [0, 0] }, { W: [[1, 2]], b: [0] }] })).toThrow(/2 × 3/);
    const net = netWith({ name: 'relu' }, 0.5);
    const { x, labels } = batch('data');
    expect(() => net.forward(x, { training: true, masks: [new Float64Array(3), new Float64Array(16)] })).toThrow(/length 20/);
    expect(() => net.forward(x, { training: true, masks: [new Float64Array(20).fill(2), new Float64Array(16)] })).toThrow(/0 \(dropped\) or 1/);
    expect(() => net.forward({ rows: 1, cols: 2, data: new Float64Array(2) })).toThrow(/3 columns/);
    expect(() => net.forward({ rows: 1, cols: 3, data: Float64Array.of(0, NaN, 0) })).toThrow(RangeError);
    expect(() => net.computeGradients(x, Int32Array.of(0, 1, 2, 3), { training: false })).toThrow(/\[0, 2\]/);
    expect(() => net.computeGradients(x, labels, undefined as never)).toThrow(TypeError);
  });
});

describe('Mlp with WebAssembly and TypeScript kernels', () => {
  // Every number the net produces (forward views, logits, every gradient) must be identical bit for bit whichever
  // kernels compute the dense products: random sizes, activations, dropout and batches.
  const nets = fc.record({
    seed: fc.integer(),
    sizes: fc.array(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 3 }).map((hidden) => [1 + (hidden[0] % 20), ...hidden, 3]),
    activation: fc.constantFrom<ActivationSpec>({ name: 'relu' }, { name: 'elu' }, { name: 'prelu' }, { name: 'tanh' }),
    dropoutP: fc.constantFrom(0, 0.5),
    rows: fc.integer({ min: 1, max: 70 }),
    zeroFraction: fc.constantFrom(0, 0.8),
  });
  type NetSpec = { seed: number; sizes: number[]; activation: ActivationSpec; dropoutP: number; rows: number; zeroFraction: number };
  const everything = (choice: 'typescript' | 'webassembly', { seed, sizes, activation: spec, dropoutP, rows, zeroFraction }: NetSpec): number[] => {
    setKernels(choice);
    const rng = createRng(seed);
    const net = createMlp({ sizes, activation: spec, dropoutP }, { scheme: 'he-normal', rng: rng.fork('init') });
    const x = { rows, cols: sizes[0], data: Float64Array.from({ length: rows * sizes[0] }, () => (rng.uniform() < zeroFraction ? 0 : rng.normal())) };
    const labels = Int32Array.from({ length: rows }, () => rng.integer(3));
    const pass = net.forward(x);
    const out = [...pass.logits.data, ...pass.preActivations.flatMap((z) => [...z.data]), ...pass.hidden.flatMap((a) => [...a.data])];
    out.push(net.computeGradients(x, labels, { training: true, rng: rng.fork('dropout') }));
    for (const p of net.parameters()) out.push(...p.grad);
    setKernels('auto');
    return out;
  };

  it('gives identical numbers', () => {
    fc.assert(
      fc.property(nets, (spec) => {
        const ts = everything('typescript', spec), wasm = everything('webassembly', spec);
        expect(wasm.findIndex((v, i) => !Object.is(v, ts[i]))).toBe(-1);
      }),
      { seed: 11, numRuns: 120 },
    );
  });
});
