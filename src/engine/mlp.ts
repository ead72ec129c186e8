// A multilayer perceptron for classification: optional inverted dropout on the inputs, dense layers z = x W + b,
// each hidden layer followed by its activation and inverted dropout, softmax cross-entropy on the logits. Parameters (W, b per layer, PReLU slopes)
// keep value and gradient side by side; one forward and one backward pass fill every gradient.
//
// Backward, per hidden layer h (a = f(z) ⊙ m / (1 − p)):
//   dz_h = (dz_{h+1} W_{h+1}ᵀ) ⊙ m / (1 − p) ⊙ f'(z_h)
// The product (m / (1 − p)) ⊙ f'(z) is precomputed in the forward pass as the layer's "gate"; the input-gradient
// kernel skips every unit whose gate is 0 (dropped, or f'(z) = 0 for ReLU). A learned slope also needs the
// gradient before f', du = (dz W ᵀ) ⊙ m / (1 − p), so for PReLU the gate is m / (1 − p) and f' is applied after
// dL/da += Σ du ⊙ min(z, 0) is accumulated.

import { activation as createActivation } from './activations/registry.ts';
import { denseForwardInto, denseInputGradientInto, denseParameterGradientInto, denseReluForwardInto } from './dense.ts';
import { assertInitScheme, initWeights } from './init.ts';
import { assertLabels, softmaxCrossEntropyInto } from './loss.ts';
import { type Matrix, assertMatrix, matrixFromRows, matrixToRows } from './matrix.ts';
import { checkForwardMode, checkInitWeights } from './mlp-checks.ts';
import { type MlpConfig, type NormalizedMlpConfig, normalizeMlpConfig } from './mlp-config.ts';
import { dropHidden, dropInputs } from './mlp-dropout.ts';
import type { DenseLayer, ForwardMode, ForwardPass, HiddenLayer, MlpInit } from './mlp-types.ts';
import { type Workspace, WorkspaceCache, ensureTrainingBuffers } from './mlp-workspace.ts';
import type { Parameter } from './parameter.ts';

export const EVALUATION_MODE: ForwardMode = { training: false };

export function createMlp(config: MlpConfig, init: MlpInit): Mlp {
  return new Mlp(normalizeMlpConfig(config), init);
}

export class Mlp {
  readonly config: NormalizedMlpConfig;
  readonly sizes: readonly number[];
  readonly layers: readonly DenseLayer[];
  readonly hiddenLayers: readonly HiddenLayer[];
  /** Drop probability of the inputs in training (0: none). */
  readonly inputDropoutP: number;
  readonly #parameters: Parameter[];
  readonly #workspaces: WorkspaceCache;

  constructor(config: NormalizedMlpConfig, init: MlpInit) {
    this.config = config;
    this.sizes = config.sizes;
    this.inputDropoutP = config.inputDropoutP;
    const L = this.sizes.length - 1;
    const weights: { W: Matrix; b: Float64Array }[] = [];
    if ('scheme' in init) {
      assertInitScheme(init.scheme);
      for (let l = 0; l < L; l++) {
        weights.push({ W: initWeights(init.scheme, this.sizes[l], this.sizes[l + 1], init.rng), b: new Float64Array(this.sizes[l + 1]) });
      }
    } else {
      weights.push(...checkInitWeights(init.weights, this.sizes));
    }
    this.layers = weights.map(({ W, b }) => ({ W, b, dW: { rows: W.rows, cols: W.cols, data: new Float64Array(W.data.length) }, db: new Float64Array(b.length) }));
    this.hiddenLayers = config.hidden.map((spec, h) => ({
      activation: createActivation(spec.activation, { units: this.sizes[h + 1] }),
      dropoutP: spec.dropoutP,
    }));
    if ('weights' in init && init.preluSlopes !== undefined) setLearnedSlopes(this.hiddenLayers, init.preluSlopes);
    this.#parameters = [
      ...this.layers.flatMap((layer, l) => [
        { name: `layers.${l}.W`, value: layer.W.data, grad: layer.dW.data },
        { name: `layers.${l}.b`, value: layer.b, grad: layer.db },
      ]),
      ...this.hiddenLayers.flatMap((layer, h) => layer.activation.parameters.map((p) => ({ name: `hidden.${h}.${p.name}`, value: p.value, grad: p.grad }))),
    ];
    this.#workspaces = new WorkspaceCache(this.sizes);
  }

  /** Every learned parameter with its gradient: W and b of each layer, then PReLU slopes. Stable order. */
  parameters(): readonly Parameter[] {
    return this.#parameters;
  }

  /** Forward pass of a batch (rows = examples). Evaluation mode unless told otherwise. */
  forward(x: Matrix, mode: ForwardMode = EVALUATION_MODE): ForwardPass {
    assertMatrix(x, 'mlp input', undefined, this.sizes[0]);
    checkForwardMode(mode, x.rows, this.sizes);
    return this.#forward(this.#workspaces.get(x.rows), x, mode, false);
  }

  /** Forward, loss and backward on one batch: fills every parameter's .grad and returns the mean loss (before
   * any update). Training mode by default (needs mode.rng if some layer has dropout and no mask is given). */
  computeGradients(x: Matrix, labels: Int32Array, mode: ForwardMode): number {
    assertMatrix(x, 'mlp input', undefined, this.sizes[0]);
    assertLabels(labels, x.rows, this.sizes[this.sizes.length - 1]);
    checkForwardMode(mode, x.rows, this.sizes);
    if (x.rows === 0) throw new RangeError('mlp batch must have at least 1 example, got 0');
    const workspace = this.#workspaces.get(x.rows);
    const { input } = this.#forward(workspace, x, mode, true);
    const training = ensureTrainingBuffers(workspace, this.sizes);
    const L = this.layers.length;
    const loss = softmaxCrossEntropyInto(workspace.z[L - 1], labels, training.dz[L - 1]);
    this.#backward(workspace, input);
    return loss;
  }

  /** Mean loss in evaluation mode. */
  loss(x: Matrix, labels: Int32Array): number {
    const { logits } = this.forward(x);
    assertLabels(labels, x.rows, logits.cols);
    return softmaxCrossEntropyInto(logits, labels, null);
  }

  /** Weights as nested arrays (W: `in` rows of `out` numbers), the layout of the reference cases. */
  exportWeights(): { W: number[][]; b: number[] }[] {
    return this.layers.map((layer) => ({ W: matrixToRows(layer.W), b: Array.from(layer.b) }));
  }

  #forward(workspace: Workspace, x: Matrix, mode: ForwardMode, withDerivatives: boolean): ForwardPass {
    const buffers = mode.training || withDerivatives ? ensureTrainingBuffers(workspace, this.sizes) : null;
    const L = this.layers.length;
    const masks = workspace.masks, pass = workspace.pass;
    const dropped = mode.training && buffers !== null ? dropInputs(x, this.inputDropoutP, mode, buffers) : { input: x, mask: null };
    pass.input = dropped.input;
    pass.inputMask = dropped.mask;
    let input = dropped.input;
    for (let l = 0; l < L; l++) {
      const { W, b } = this.layers[l], z = workspace.z[l];
      if (l === L - 1) {
        denseForwardInto(input, W, b, z);
        break;
      }
      const h = l;
      const { activation, dropoutP } = this.hiddenLayers[h];
      const a = workspace.a[h].data;
      const derivative = withDerivatives && buffers !== null ? buffers.derivative[h] : null;
      if (derivative === null && activation.name === 'relu') denseReluForwardInto(input, W, b, z, a); // one pass
      else {
        denseForwardInto(input, W, b, z);
        activation.forwardInto(z.data, a, derivative, z.cols, mode); // ForwardMode is an ActivationMode
      }
      const mask = mode.training && buffers !== null ? dropHidden(a, h, dropoutP, mode, buffers) : null;
      masks[h] = mask;
      if (withDerivatives && buffers !== null && derivative !== null) {
        buffers.gate[h] = this.#gate(buffers.gateBuffer[h], derivative, mask, dropoutP, activation.parameters.length > 0);
      }
      input = workspace.a[h];
    }
    return pass;
  }

  /** The factor that turns dz_{h+1} W ᵀ into what backward needs (see the header comment). */
  #gate(out: Float64Array, derivative: Float64Array, mask: Float64Array | null, p: number, learnedSlope: boolean): Float64Array | null {
    if (mask === null) return learnedSlope ? null : derivative;
    const scale = 1 / (1 - p);
    if (learnedSlope) for (let i = 0; i < out.length; i++) out[i] = mask[i] * scale;
    else for (let i = 0; i < out.length; i++) out[i] = mask[i] * scale * derivative[i];
    return out;
  }

  /** `x` is what the first layer saw (after input dropout). */
  #backward(workspace: Workspace, x: Matrix): void {
    const buffers = ensureTrainingBuffers(workspace, this.sizes);
    for (const { activation } of this.hiddenLayers) for (const p of activation.parameters) p.grad.fill(0);
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const layer = this.layers[l];
      const input = l === 0 ? x : workspace.a[l - 1];
      denseParameterGradientInto(input, buffers.dz[l], layer.dW, layer.db);
      if (l === 0) break; // no gradient with respect to the data
      const h = l - 1;
      const { activation } = this.hiddenLayers[h];
      const dz = buffers.dz[h];
      denseInputGradientInto(buffers.dz[l], layer.W, buffers.gate[h], dz);
      if (activation.parameters.length > 0) {
        // dz holds du = dL/df(z) here: accumulate the slope gradient, then apply f'(z).
        activation.accumulateParameterGradient(workspace.z[h].data, dz.data, dz.cols);
        const d = dz.data, derivative = buffers.derivative[h];
        for (let i = 0; i < d.length; i++) d[i] *= derivative[i];
      }
    }
  }
}

function setLearnedSlopes(hiddenLayers: readonly HiddenLayer[], slopes: readonly ArrayLike<number>[]): void {
  if (!Array.isArray(slopes) || slopes.length !== hiddenLayers.length) {
    throw new RangeError(`mlp preluSlopes must have ${hiddenLayers.length} entries (one per hidden layer)`);
  }
  hiddenLayers.forEach(({ activation }, h) => {
    const target = activation.parameters[0]?.value;
    const given = slopes[h];
    if (target === undefined) return;
    if (given.length !== target.length) throw new RangeError(`mlp preluSlopes[${h}] must have ${target.length} numbers, got ${given.length}`);
    const m = matrixFromRows([given], `mlp preluSlopes[${h}]`);
    target.set(m.data);
  });
}
