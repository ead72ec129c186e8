// The engine's benchmark against TensorFlow.js, in one process: `npm run bench` (or `node scripts/bench.ts
// [--quick]` under Node 24). Workloads in scripts/bench/workload.ts. Prints a table, the checks, and as its LAST
// line one JSON object. Exits non-zero when a check fails: a contender that does not learn, outputs that disagree
// with the engine's for the same weights, or leaked tensors. The figures are only meaningful relative to each
// other (same machine, same moment), so the rounds of all contenders are interleaved (A B C D, D C B A, ...).

import { cpus, loadavg } from 'node:os';
import { type Contender, engineContender, engineDenseContender } from './bench/contenders.ts';
import { type ContenderResult, jsonLine, resultsTable, round, summaryObject } from './bench/report.ts';
import { compareOutputs, checkLearning, median, pairedRatios, summarize } from './bench/stats.ts';
import { initTfjs, tfjsContender } from './bench/tfjs-contender.ts';
import { chunkSize, timeOnce, timeRound } from './bench/timing.ts';
import { BATCH_SIZE, DATA_COUNT, DROPOUT_P, GRID_SIDE, LEARNING_RATE, SIZES, type Weights, createWorkload } from './bench/workload.ts';

const quick = process.argv.includes('--quick'); // a smoke run: same checks, short rounds
const LEARN_STEPS = quick ? 500 : 600;
const ROUNDS = quick ? 2 : 10; // per contender and workload
const ROUND_MS = quick ? 150 : 500;
const INFER_WARMUP_MS = quick ? 100 : 300;
const ENGINE_TOLERANCE = 1e-12; // the engine without zero-skipping computes the same numbers
const FLOAT32_TOLERANCE = 1e-4; // tfjs computes in float32

const inferOp = (c: Contender) => (passes: number): void => {
  for (let i = 0; i < passes; i++) c.infer();
};

const flatten = (weights: readonly Weights[]): Float64Array =>
  Float64Array.from(weights.flatMap(({ W, b }) => [...W.data, ...b]));

async function main(): Promise<number> {
  const started = performance.now();
  const load0 = loadavg()[0];
  const workload = createWorkload();
  const contenders: Contender[] = [
    engineContender(workload),
    engineDenseContender(workload),
    await tfjsContender('cpu', workload),
    await tfjsContender('wasm', workload),
  ];
  const [engine, dense] = contenders;
  const failures: string[] = [];
  const fail = (message: string): void => {
    failures.push(message);
    process.stderr.write(`bench: FAILED: ${message}\n`);
  };
  const say = (line = ''): void => void process.stdout.write(`${line}\n`);

  say(`Workload A: MLP ${SIZES.join('→')}, ReLU, inverted dropout p = ${DROPOUT_P}, softmax cross-entropy, SGD lr ${LEARNING_RATE}, batch ${BATCH_SIZE}, ${DATA_COUNT}-point 3-class spiral`);
  say(`Workload B: the same net in evaluation mode on a ${GRID_SIDE}×${GRID_SIDE} grid (${GRID_SIDE * GRID_SIDE} points per pass, logits read back)`);
  for (const c of contenders) say(`  ${c.name.padEnd(15)} ${c.description}`);
  say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; ${ROUNDS} rounds of ≥ ${ROUND_MS} ms per contender and workload`);
  say();

  // 1. Every contender learns from the same initial weights on the same batches (this also warms up the JIT).
  const learning: Record<string, unknown> = {};
  const trainChunk = new Map<Contender, number>();
  for (const c of contenders) {
    await c.activate();
    const start = performance.now();
    const losses = c.train(LEARN_STEPS, true);
    trainChunk.set(c, chunkSize(LEARN_STEPS / ((performance.now() - start) / 1000)));
    const check = checkLearning(losses);
    learning[c.name] = { ok: check.ok, first50: round(check.firstMean, 4), last50: round(check.lastMean, 4) };
    say(`learns  ${c.name.padEnd(15)} mean loss of steps 1–50 ${check.firstMean.toFixed(4)} → last 50 ${check.lastMean.toFixed(4)}  ${check.ok ? 'ok' : 'FAILED'}`);
    if (!check.ok) fail(`${c.name} does not learn: ${check.reason}`);
  }
  const sameTraining = compareOutputs(flatten(dense.trainedWeights()), flatten(engine.trainedWeights()), ENGINE_TOLERANCE);
  say(`same    engine vs engine (dense) weights after ${LEARN_STEPS} steps with the same masks: max |Δ| ${sameTraining.maxAbsDiff.toExponential(2)}  ${sameTraining.ok ? 'ok' : 'FAILED'}`);
  if (!sameTraining.ok) fail(`engine and engine (dense) weights differ by ${sameTraining.maxAbsDiff} after training`);

  // 2. Inference uses one set of weights for everyone: the engine's after its learning phase. Cross-check outputs.
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
      const tolerance = c.peer ? FLOAT32_TOLERANCE : ENGINE_TOLERANCE;
      const check = compareOutputs(logits, reference, tolerance);
      agreement[c.name] = check.maxScaledDiff;
      say(`agrees  ${c.name.padEnd(15)} grid logits vs the engine's, same weights: max |Δ|/max(1,|y|) ${check.maxScaledDiff.toExponential(2)} (≤ ${tolerance})  ${check.ok ? 'ok' : 'FAILED'}`);
      if (!check.ok) fail(`${c.name} grid logits differ from the engine's by ${check.maxScaledDiff} (tolerance ${tolerance})`);
    }
    let rate = timeOnce(inferOp(c), 1);
    const warmupEnd = performance.now() + INFER_WARMUP_MS;
    while (performance.now() < warmupEnd) rate = timeOnce(inferOp(c), chunkSize(rate));
    inferChunk.set(c, chunkSize(rate));
  }
  say();

  // 3. Timed rounds, interleaved so that the machine's load drifts hit every contender alike: round r runs one
  //    training round and one inference round of each contender, in the order A B C D, then D C B A, and so on.
  const trainRates = new Map<Contender, number[]>(contenders.map((c) => [c, []]));
  const inferRates = new Map<Contender, number[]>(contenders.map((c) => [c, []]));
  const examplesPerPass = workload.grid.rows;
  for (let r = 0; r < ROUNDS; r++) {
    for (const c of r % 2 === 0 ? contenders : [...contenders].reverse()) {
      await c.activate();
      const tensorsBefore = c.liveTensors();
      trainRates.get(c)?.push(timeRound((n) => void c.train(n, false), trainChunk.get(c) ?? 1, ROUND_MS));
      inferRates.get(c)?.push(examplesPerPass * timeRound(inferOp(c), inferChunk.get(c) ?? 1, ROUND_MS));
      const leaked = c.liveTensors() - tensorsBefore;
      if (leaked !== 0) fail(`${c.name} leaked ${leaked} tensors in round ${r + 1}`);
    }
  }
  for (const c of contenders) c.dispose();

  // 4. Report.
  const results: ContenderResult[] = contenders.map((c) => ({
    name: c.name,
    peer: c.peer,
    train: summarize(trainRates.get(c) ?? []),
    infer: summarize(inferRates.get(c) ?? []),
  }));
  const paired = (rates: Map<Contender, number[]>): number =>
    round(median(pairedRatios(rates.get(engine) ?? [], contenders.filter((c) => c.peer).map((c) => rates.get(c) ?? []))), 3);
  const trainPaired = paired(trainRates), inferPaired = paired(inferRates);
  say(resultsTable(results));
  say();
  say(`Medians of ${ROUNDS} rounds; "vs best peer" divides by the faster tfjs backend. Median of the round-by-round ratios`);
  say(`(engine / fastest peer in the same round): training ${trainPaired}×, inference ${inferPaired}×. tfjs samples its own dropout masks (same work, other draws).`);
  say(failures.length === 0 ? 'All checks passed.' : `${failures.length} check(s) FAILED:\n  ${failures.join('\n  ')}`);
  const tfjsInfo = await initTfjs();
  say(jsonLine(summaryObject(results, 'engine', {
    train_ratio_paired_median: trainPaired,
    infer_ratio_paired_median: inferPaired,
    ok: failures.length === 0,
    failures,
    checks: { learns: learning, engine_vs_dense_train_max_abs_diff: sameTraining.maxAbsDiff, infer_max_scaled_diff_vs_engine: agreement },
    workload: { sizes: SIZES, dropout_p: DROPOUT_P, lr: LEARNING_RATE, batch: BATCH_SIZE, data: DATA_COUNT, grid: examplesPerPass, learn_steps: LEARN_STEPS },
    rounds: ROUNDS,
    round_ms: ROUND_MS,
    quick,
    tfjs: { version: tfjsInfo.version, wasm_simd: tfjsInfo.wasm.simd, wasm_threads: tfjsInfo.wasm.threads },
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, node: process.version, platform: `${process.platform}-${process.arch}`, loadavg_start: round(load0, 2), loadavg_end: round(loadavg()[0], 2) },
    duration_s: round((performance.now() - started) / 1000, 1),
  })));
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
