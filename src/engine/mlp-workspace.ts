// Preallocated buffers for one batch size, so that a training step allocates nothing.
// Layer l (0-based, L dense layers) computes z[l] = input · W_l + b_l; hidden layer h = l (for l < L − 1) then
// produces a[h] = f(z[h]) ⊙ mask[h] / (1 − p). Training buffers are created on first use, so a large
// evaluation batch (e.g. a 4096-point decision-boundary grid) only pays for z and a.

import { type Matrix, createMatrix } from './matrix.ts';
import type { ForwardPass } from './mlp-types.ts';

export interface TrainingBuffers {
  /** f'(z[h]) for each hidden layer. */
  readonly derivative: Float64Array[];
  /** Dropout masks (0/1) for each hidden layer. */
  readonly mask: Float64Array[];
  /** Storage for the gates below. */
  readonly gateBuffer: Float64Array[];
  /** What the backward input-gradient kernel multiplies dz Wᵀ by, per hidden layer, set by each training forward
   * pass (see mlp.ts); null means 1 everywhere. */
  readonly gate: (Float64Array | null)[];
  /** dL/dz[l] for every layer (dz[L − 1] = dL/dlogits). */
  readonly dz: Matrix[];
  /** Input dropout's mask and x ⊙ m / (1 − p) (batch × inputs), created on first use. */
  inputDropout: { readonly mask: Float64Array; readonly dropped: Matrix } | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface Workspace {
  readonly batchSize: number;
  /** z[l]: pre-activations of every dense layer; z[L − 1] are the logits. */
  readonly z: Matrix[];
  /** a[h]: outputs of hidden layer h after activation (and dropout in training). */
  readonly a: Matrix[];
  /** The mask applied to each hidden layer in the last forward pass, or null. */
  readonly masks: (Float64Array | null)[];
  /** What forward() returns: one object per workspace, its views refreshed by every pass (no allocation). */
  readonly pass: Mutable<ForwardPass>;
  training: TrainingBuffers | null;
}

export function createWorkspace(sizes: readonly number[], batchSize: number): Workspace {
  const L = sizes.length - 1;
  const z = Array.from({ length: L }, (_, l) => createMatrix(batchSize, sizes[l + 1]));
  const a = Array.from({ length: L - 1 }, (_, h) => createMatrix(batchSize, sizes[h + 1]));
  const masks = new Array<Float64Array | null>(L - 1).fill(null);
  const pass: Mutable<ForwardPass> = { logits: z[L - 1], preActivations: z.slice(0, L - 1), hidden: a, masks, input: createMatrix(0, sizes[0]), inputMask: null };
  return { batchSize, z, a, masks, pass, training: null };
}

export function ensureTrainingBuffers(workspace: Workspace, sizes: readonly number[]): TrainingBuffers {
  if (workspace.training !== null) return workspace.training;
  const B = workspace.batchSize;
  const L = sizes.length - 1;
  const hiddenLength = (h: number): number => B * sizes[h + 1];
  workspace.training = {
    derivative: Array.from({ length: L - 1 }, (_, h) => new Float64Array(hiddenLength(h))),
    mask: Array.from({ length: L - 1 }, (_, h) => new Float64Array(hiddenLength(h))),
    gateBuffer: Array.from({ length: L - 1 }, (_, h) => new Float64Array(hiddenLength(h))),
    gate: new Array<Float64Array | null>(L - 1).fill(null),
    dz: Array.from({ length: L }, (_, l) => createMatrix(B, sizes[l + 1])),
    inputDropout: null,
  };
  return workspace.training;
}

/** A small cache of workspaces by batch size (a widget may evaluate several sizes; keep the most recent few). */
export class WorkspaceCache {
  readonly #sizes: readonly number[];
  readonly #byBatchSize = new Map<number, Workspace>();
  readonly #capacity: number;

  constructor(sizes: readonly number[], capacity = 4) {
    this.#sizes = sizes;
    this.#capacity = capacity;
  }

  get(batchSize: number): Workspace {
    let workspace = this.#byBatchSize.get(batchSize);
    if (workspace === undefined) {
      workspace = createWorkspace(this.#sizes, batchSize);
      if (this.#byBatchSize.size >= this.#capacity) {
        const oldest = this.#byBatchSize.keys().next().value as number;
        this.#byBatchSize.delete(oldest);
      }
      this.#byBatchSize.set(batchSize, workspace);
    }
    return workspace;
  }
}
