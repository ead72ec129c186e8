/**
 * The numbers the MC-dropout widget's text quotes, computed by the engine over the test digits: for T = 1 … Tmax, the
 * error of the T-sample average and how often it picks the scaled network's class (createMcCurveJob). The widget's
 * worker runs the same job progressively; scripts/mc/measure.ts prints it for all 2,000 test digits.
 */
import { type Dataset, type McCurve, type Mlp, createMcCurveJob, createRng } from '../../src/engine/index.ts';

export const CURVE_TMAX = 200;
/** The stream every Monte Carlo sample on a test digit comes from: test digit i uses .fork(`example i`). */
export const curveRng = (seed: number) => createRng(`mc-dropout ${seed}`).fork('test digits');

export function measureCurve(net: Mlp, test: Dataset, seed: number, count = test.x.rows, Tmax = CURVE_TMAX): McCurve {
  const job = createMcCurveJob(net, test, { Tmax, rng: curveRng(seed), chunk: 50, count });
  while (!job.done) job.step();
  return job.curve();
}

export interface CurveRow {
  readonly T: number;
  readonly error: number;
  readonly agreement: number;
}

export function curveRows(curve: McCurve, Ts: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200]): CurveRow[] {
  return Ts.filter((T) => T <= curve.Tmax).map((T) => ({ T, error: curve.wrong[T - 1] / curve.count, agreement: curve.agree[T - 1] / curve.count }));
}

/**
 * The pre-trained network's whole curve as measure:mc stored it (pretrained-curve.json): the worker shows it at once
 * instead of spending some 20 s of a core re-measuring numbers that are the same on every visit (the samples are seeded).
 * A network the student trains is measured live.
 */
export interface StoredCurve {
  readonly seed: number;
  readonly Tmax: number;
  readonly count: number;
  readonly wrong: readonly number[];
  readonly agree: readonly number[];
  readonly scaledWrong: number;
  /** The test digits the sampled networks split on most, most first. */
  readonly disagree: ReadonlyArray<{ readonly index: number; readonly disagreement: number; readonly predicted: number }>;
}

export function storedCurve(curve: McCurve, seed: number, shown: number): StoredCurve {
  const order = Array.from(curve.disagreement.keys()).sort((a, b) => curve.disagreement[b] - curve.disagreement[a] || a - b).slice(0, shown);
  return {
    seed, Tmax: curve.Tmax, count: curve.count, wrong: Array.from(curve.wrong), agree: Array.from(curve.agree), scaledWrong: curve.scaledWrong,
    disagree: order.map((index) => ({ index, disagreement: curve.disagreement[index], predicted: curve.predicted[index] })),
  };
}
