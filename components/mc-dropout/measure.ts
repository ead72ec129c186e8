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
