// One workload's measurement, shared by every workload of `npm run bench`: (1) every contender learns from the same
// initial weights on the same batches (this also warms up the JIT), (2) every contender builds an inference model
// from the engine's trained weights and its logits are checked against the engine's, (3) timed rounds, interleaved
// (A B C, C B A, ...) so that load drifts on the machine hit every contender alike.

import type { Contender } from './contenders.ts';
import { type ContenderResult, round } from './report.ts';
import { checkLearning, compareOutputs, median, pairedRatios, summarize } from './stats.ts';
import { chunkSize, timeOnce, timeRound } from './timing.ts';

export interface MeasureOptions {
  readonly learnSteps: number;
  /** Window and minimum steps of the learning check (stats.ts checkLearning). */
  readonly learnWindow: number;
  readonly rounds: number;
  readonly roundMs: number;
  readonly inferWarmupMs: number;
  /** Examples in one inference pass. */
  readonly examplesPerPass: number;
  /** Agreement of logits with the engine's: peers (float32) and the engine's own variants. */
  readonly peerTolerance: number;
  readonly engineTolerance: number;
  /** Called after the learning phase (e.g. to compare the engine with its dense variant). */
  readonly afterLearning?: () => void;
  readonly say: (line?: string) => void;
  readonly fail: (message: string) => void;
}

export interface Measurement {
  readonly results: ContenderResult[];
  /** Paired ratios (below) of the first contender, the engine. */
  readonly trainPaired: number;
  readonly inferPaired: number;
  /** Median of the round-by-round ratios to the fastest peer, for every contender that is not a peer. */
  readonly paired: Record<string, { readonly train: number; readonly infer: number }>;
  readonly learning: Record<string, unknown>;
  readonly agreement: Record<string, number>;
}

const inferOp = (c: Contender) => (passes: number): void => {
  for (let i = 0; i < passes; i++) c.infer();
};

/** The first contender is the engine; contenders with `peer` are what it is compared with. */
export async function measure(contenders: readonly Contender[], options: MeasureOptions): Promise<Measurement> {
  const { say, fail } = options;
  const [engine] = contenders;
  const learning: Record<string, unknown> = {};
  const trainChunk = new Map<Contender, number>();
  for (const c of contenders) {
    await c.activate();
    const start = performance.now();
    const losses = c.train(options.learnSteps, true);
    trainChunk.set(c, chunkSize(options.learnSteps / ((performance.now() - start) / 1000)));
    const check = checkLearning(losses, options.learnWindow, options.learnSteps);
    learning[c.name] = { ok: check.ok, [`first${options.learnWindow}`]: round(check.firstMean, 4), [`last${options.learnWindow}`]: round(check.lastMean, 4) };
    say(`learns  ${c.name.padEnd(19)} mean loss of steps 1–${options.learnWindow} ${check.firstMean.toFixed(4)} → last ${options.learnWindow} ${check.lastMean.toFixed(4)}  ${check.ok ? 'ok' : 'FAILED'}`);
    if (!check.ok) fail(`${c.name} does not learn: ${check.reason}`);
  }
  options.afterLearning?.();

  const inferenceWeights = engine.trainedWeights();
  const agreement: Record<string, number> = {};
  const inferChunk = new Map<Contender, number>();
  let reference: Float64Array | null = null;
  for (const c of contenders) {
    await c.activate();
    c.prepareInference(inferenceWeights);
    const logits = Float64Array.from(c.infer());
    reference ??= logits;
    if (c !== engine) {
      const tolerance = c.peer ? options.peerTolerance : options.engineTolerance;
      const check = compareOutputs(logits, reference, tolerance);
      agreement[c.name] = check.maxScaledDiff;
      say(`agrees  ${c.name.padEnd(19)} logits vs the engine's, same weights: max |Δ|/max(1,|y|) ${check.maxScaledDiff.toExponential(2)} (≤ ${tolerance})  ${check.ok ? 'ok' : 'FAILED'}`);
      if (!check.ok) fail(`${c.name} logits differ from the engine's by ${check.maxScaledDiff} (tolerance ${tolerance})`);
    }
    let rate = timeOnce(inferOp(c), 1);
    const warmupEnd = performance.now() + options.inferWarmupMs;
    while (performance.now() < warmupEnd) rate = timeOnce(inferOp(c), chunkSize(rate));
    inferChunk.set(c, chunkSize(rate));
  }

  const trainRates = new Map<Contender, number[]>(contenders.map((c) => [c, []]));
  const inferRates = new Map<Contender, number[]>(contenders.map((c) => [c, []]));
  for (let r = 0; r < options.rounds; r++) {
    for (const c of r % 2 === 0 ? contenders : [...contenders].reverse()) {
      await c.activate();
      const tensorsBefore = c.liveTensors();
      trainRates.get(c)?.push(timeRound((n) => void c.train(n, false), trainChunk.get(c) ?? 1, options.roundMs));
      inferRates.get(c)?.push(options.examplesPerPass * timeRound(inferOp(c), inferChunk.get(c) ?? 1, options.roundMs));
      const leaked = c.liveTensors() - tensorsBefore;
      if (leaked !== 0) fail(`${c.name} leaked ${leaked} tensors in round ${r + 1}`);
    }
  }
  for (const c of contenders) c.dispose();

  const results: ContenderResult[] = contenders.map((c) => ({
    name: c.name,
    peer: c.peer,
    train: summarize(trainRates.get(c) ?? []),
    infer: summarize(inferRates.get(c) ?? []),
  }));
  const pairedOf = (c: Contender, rates: Map<Contender, number[]>): number =>
    round(median(pairedRatios(rates.get(c) ?? [], contenders.filter((p) => p.peer).map((p) => rates.get(p) ?? []))), 3);
  const paired = Object.fromEntries(contenders.filter((c) => !c.peer).map((c) => [c.name, { train: pairedOf(c, trainRates), infer: pairedOf(c, inferRates) }]));
  return { results, trainPaired: pairedOf(engine, trainRates), inferPaired: pairedOf(engine, inferRates), paired, learning, agreement };
}
