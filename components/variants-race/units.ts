/**
 * What the variants race measures about one network at a checkpoint, from one evaluation-mode pass over the whole
 * training set (and one over the test set):
 *
 * - training loss (mean cross-entropy) and test accuracy;
 * - per hidden layer, the units that are INACTIVE on every training example: pre-activation z ≤ 0 for all of them
 *   (the engine's inactiveUnits). One criterion for every activation, so the comparison is fair. For ReLU such a
 *   unit is dead: it outputs 0 and f'(z) = 0, so no gradient reaches its weights. Leaky ReLU, PReLU, RReLU and ELU
 *   have f'(z) > 0 there (0.01, the learned a, the random r, α eᶻ), so the same unit still learns and can come back.
 *   For tanh the criterion only means "never positive"; tanh'(z) = 1 − tanh²(z) is large near 0;
 * - per hidden layer, how many units have been inactive at some checkpoint so far, and how many of those are
 *   active again now ("revived");
 * - per hidden layer, the mean activation over examples and units (Clevert et al. 2015: ELU's is closer to zero).
 */
import { evaluateMlp, inactiveUnits, meanActivation, softmaxCrossEntropyInto, type Dataset, type Mlp } from '../../src/engine/index.ts';

export interface Checkpoint {
  /** Training steps taken when this was measured. */
  readonly step: number;
  /** Mean cross-entropy over the whole training set, evaluation mode. */
  readonly trainLoss: number;
  /** Fraction of the test set classified correctly. */
  readonly testAccuracy: number;
  /** Per hidden layer: units with z ≤ 0 on every training example, now. */
  readonly inactive: readonly number[];
  /** Per hidden layer: units that were inactive at this or any earlier checkpoint. */
  readonly everInactive: readonly number[];
  /** Per hidden layer: units that were inactive at some checkpoint and are active now. */
  readonly revived: readonly number[];
  /** Per hidden layer: mean activation f(z) over training examples and units. */
  readonly meanActivation: readonly number[];
}

/** Remembers, per hidden unit, whether it has ever been inactive; one per network. */
export interface UnitTracker {
  measure(step: number): Checkpoint;
}

export const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);

/** Fraction of all hidden units (every layer together) that are inactive now. */
export function inactiveFraction(checkpoint: Checkpoint, units: number): number {
  return sum(checkpoint.inactive) / units;
}

export function createUnitTracker(net: Mlp, train: Dataset, test: Dataset): UnitTracker {
  const widths = net.sizes.slice(1, -1);
  const ever = widths.map((width) => new Uint8Array(width));
  return {
    measure(step) {
      const pass = net.forward(train.x);
      // The pass's buffers are reused by the next forward pass with the same batch size: read them first.
      const trainLoss = softmaxCrossEntropyInto(pass.logits, train.labels, null);
      const inactive: number[] = [], everInactive: number[] = [], revived: number[] = [];
      const means = pass.hidden.map((a) => meanActivation(a.data));
      pass.preActivations.forEach((z, h) => {
        const now = new Uint8Array(widths[h]);
        for (const j of inactiveUnits(z)) now[j] = ever[h][j] = 1;
        let everCount = 0, revivedCount = 0;
        for (let j = 0; j < now.length; j++) {
          everCount += ever[h][j];
          if (ever[h][j] === 1 && now[j] === 0) revivedCount++;
        }
        inactive.push(sum(Array.from(now)));
        everInactive.push(everCount);
        revived.push(revivedCount);
      });
      const testAccuracy = evaluateMlp(net, test).accuracy;
      return { step, trainLoss, testAccuracy, inactive, everInactive, revived, meanActivation: means };
    },
  };
}
