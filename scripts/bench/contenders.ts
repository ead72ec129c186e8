// What the benchmark runs: each contender trains on the shared batch sequence and evaluates the shared grid.
// The engine contenders live here; the tfjs ones in tfjs-contender.ts.

import { type KernelChoice, type Mlp, type Sgd, createMlp, createRng, createSgd, setKernels } from '../../src/engine/index.ts';
import { type DenseMlp, createDenseMlp } from './dense-mlp.ts';
import { type NetSpec, type Weights, type Workload, copyWeights } from './workload.ts';

export interface Contender {
  readonly name: string;
  /** Compared against (tfjs) or shown for information (the engine's own variants). */
  readonly peer: boolean;
  readonly description: string;
  /** Called before each block of this contender's rounds (tfjs: selects its backend). */
  activate(): Promise<void>;
  /** n training steps, continuing through the batch sequence; the loss of each step when `record` is set. */
  train(n: number, record: boolean): number[];
  /** The current training weights (float64 copies). */
  trainedWeights(): Weights[];
  /** Builds the inference model from these weights (kept apart from the training model). */
  prepareInference(weights: readonly Weights[]): void;
  /** One evaluation-mode pass over the grid; the logits, row-major. */
  infer(): ArrayLike<number>;
  /** Live tensors (tfjs), for the leak check; 0 for the engine. */
  liveTensors(): number;
  dispose(): void;
}

const configOf = (spec: NetSpec) => ({ sizes: [...spec.sizes], activation: { name: 'relu' as const }, dropoutP: spec.dropoutP, inputDropoutP: spec.inputDropoutP });

/** The engine's own dropout stream: both engine variants draw the same masks (the check that they agree needs it). */
const dropoutRng = (workload: Workload) => createRng(workload.seed).fork('dropout');

/** The engine's two kernel paths, as benchmark rows: 'auto' (WebAssembly SIMD where it pays, the default) and
 * TypeScript only (the fallback where WebAssembly is unavailable). Their numbers are identical bit for bit. */
export const ENGINE_ROWS: Readonly<Record<'auto' | 'typescript', { name: string; kernels: string }>> = {
  auto: { name: 'engine', kernels: "WebAssembly SIMD (f64x2) where available, else TypeScript: setKernels('auto'), the default" },
  typescript: { name: 'engine (TypeScript)', kernels: "TypeScript kernels only: setKernels('typescript'), the fallback" },
};

export function engineContender(workload: Workload, kernels: Exclude<KernelChoice, 'webassembly'> = 'auto'): Contender {
  const config = configOf(workload.spec);
  const net = createMlp(config, { weights: copyWeights(workload.initialWeights) });
  const sgd: Sgd = createSgd({ lr: workload.spec.lr, momentum: workload.spec.momentum });
  const parameters = net.parameters();
  const mode = { training: true, rng: dropoutRng(workload) };
  const { batches, grid } = workload;
  let cursor = 0, inferNet: Mlp | null = null;
  const row = ENGINE_ROWS[kernels];
  return {
    name: row.name,
    peer: false,
    description: `this engine: float64, zero-skipping kernels (Mlp.computeGradients + createSgd; Mlp.forward on the grid); ${row.kernels}`,
    activate: async () => setKernels(kernels), // the switch is module-wide: every engine row sets its own
    train(n, record) {
      const losses: number[] = [];
      for (let s = 0; s < n; s++) {
        const batch = batches[cursor];
        cursor = (cursor + 1) % batches.length;
        const loss = net.computeGradients(batch.x, batch.labels, mode);
        sgd.step(parameters);
        if (record) losses.push(loss);
      }
      return losses;
    },
    trainedWeights: () => copyWeights(net.layers),
    prepareInference(weights) {
      inferNet = createMlp(config, { weights: copyWeights(weights) });
    },
    infer: () => (inferNet as Mlp).forward(grid).logits.data,
    liveTensors: () => 0,
    dispose() {},
  };
}

/** Workload A only (plain SGD, no input dropout). */
export function engineDenseContender(workload: Workload): Contender {
  if (workload.spec.momentum !== 0 || workload.spec.inputDropoutP !== 0) throw new RangeError('engine (dense) runs plain SGD without input dropout');
  const net = createDenseMlp(workload.initialWeights, workload.spec.dropoutP, workload.spec.lr, dropoutRng(workload));
  const { batches, grid } = workload;
  let cursor = 0, inferNet: DenseMlp | null = null;
  return {
    name: 'engine (dense)',
    peer: false,
    description: 'the same arithmetic without zero-skipping (scripts/bench/dense-mlp.ts, the engine row kernel on every entry)',
    activate: async () => {},
    train(n, record) {
      const losses: number[] = [];
      for (let s = 0; s < n; s++) {
        const batch = batches[cursor];
        cursor = (cursor + 1) % batches.length;
        const loss = net.step(batch.x, batch.labels);
        if (record) losses.push(loss);
      }
      return losses;
    },
    trainedWeights: () => copyWeights(net.layers),
    prepareInference(weights) {
      inferNet = createDenseMlp(weights, workload.spec.dropoutP, workload.spec.lr, createRng('unused'));
    },
    infer: () => (inferNet as DenseMlp).forward(grid).data,
    liveTensors: () => 0,
    dispose() {},
  };
}
