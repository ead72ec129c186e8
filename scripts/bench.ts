// The engine's benchmark against TensorFlow.js, in one process: `npm run bench` (or `node scripts/bench.ts
// [--quick]` under Node 24). Workloads in scripts/bench/workload.ts (A, B) and digits-workload.ts (C). Prints
// tables, the checks, and as its LAST line one JSON object. Exits non-zero when a check fails: a contender that
// does not learn, outputs that disagree with the engine's for the same weights, or leaked tensors. The figures are
// only meaningful relative to each other (same machine, same moment), so the rounds of all contenders are
// interleaved (A B C D, D C B A, ...); see scripts/bench/measure.ts. The engine runs twice: "engine" with its default
// kernels (WebAssembly SIMD where available, src/engine/wasm/) and "engine (TypeScript)" with the TypeScript
// kernels only (the fallback); both compute the same numbers bit for bit, which the checks verify.

import { cpus, loadavg } from 'node:os';
import { type Contender, ENGINE_ROWS, engineContender, engineDenseContender } from './bench/contenders.ts';
import { DIGITS_BATCH_COUNT, createDigitsWorkload } from './bench/digits-workload.ts';
import { measure } from './bench/measure.ts';
import { jsonLine, resultsTable, round, summaryObject } from './bench/report.ts';
import { compareOutputs } from './bench/stats.ts';
import { kernelStatus } from '../src/engine/index.ts';
import { initTfjs, tfjsContender } from './bench/tfjs-contender.ts';
import { BATCH_SIZE, DATA_COUNT, DROPOUT_P, GRID_SIDE, LEARNING_RATE, SIZES, type Weights, createWorkload } from './bench/workload.ts';

const quick = process.argv.includes('--quick'); // a smoke run: same checks, short rounds
const LEARN_STEPS = quick ? 500 : 600;
const DIGITS_LEARN_STEPS = 200; // tfjs-cpu trains the digits net at ~10–20 steps/s
const ROUNDS = quick ? 2 : 10; // per contender and workload
const ROUND_MS = quick ? 150 : 500;
const INFER_WARMUP_MS = quick ? 100 : 300;
const ENGINE_TOLERANCE = 1e-12; // the engine without zero-skipping computes the same numbers
const FLOAT32_TOLERANCE = 1e-4; // tfjs computes in float32

const flatten = (weights: readonly Weights[]): Float64Array =>
  Float64Array.from(weights.flatMap(({ W, b }) => [...W.data, ...b]));

async function main(): Promise<number> {
  const started = performance.now();
  const load0 = loadavg()[0];
  const failures: string[] = [];
  const fail = (message: string): void => {
    failures.push(message);
    process.stderr.write(`bench: FAILED: ${message}\n`);
  };
  const say = (line = ''): void => void process.stdout.write(`${line}\n`);
  const timing = { rounds: ROUNDS, roundMs: ROUND_MS, inferWarmupMs: INFER_WARMUP_MS, peerTolerance: FLOAT32_TOLERANCE, engineTolerance: ENGINE_TOLERANCE, say, fail };

  // Workloads A and B: the lesson's small net on spirals (training) and on a decision-map grid (inference).
  const workload = createWorkload();
  const contenders: Contender[] = [
    engineContender(workload), engineContender(workload, 'typescript'), engineDenseContender(workload),
    await tfjsContender('cpu', workload), await tfjsContender('wasm', workload),
  ];
  const [engine, typescript, dense] = contenders;
  const TS = ENGINE_ROWS.typescript.name;
  // Engine rows draw the same masks and their kernels compute identical numbers: their weights must be equal.
  const sameWeights = (reference: Contender, other: Contender, steps: number, workloadName: string): number => {
    const check = compareOutputs(flatten(other.trainedWeights()), flatten(reference.trainedWeights()), ENGINE_TOLERANCE);
    say(`same    ${reference.name} vs ${other.name} weights after ${steps} steps with the same masks: max |Δ| ${check.maxAbsDiff.toExponential(2)}  ${check.ok ? 'ok' : 'FAILED'}`);
    if (!check.ok) fail(`${workloadName}: ${reference.name} and ${other.name} weights differ by ${check.maxAbsDiff} after training`);
    return check.maxAbsDiff;
  };
  say(`Workload A: MLP ${SIZES.join('→')}, ReLU, inverted dropout p = ${DROPOUT_P}, softmax cross-entropy, SGD lr ${LEARNING_RATE}, batch ${BATCH_SIZE}, ${DATA_COUNT}-point 3-class spiral`);
  say(`Workload B: the same net in evaluation mode on a ${GRID_SIDE}×${GRID_SIDE} grid (${GRID_SIDE * GRID_SIDE} points per pass, logits read back)`);
  for (const c of contenders) say(`  ${c.name.padEnd(19)} ${c.description}`);
  say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; ${ROUNDS} rounds of ≥ ${ROUND_MS} ms per contender and workload`);
  say();
  let sameTraining = { ok: false, maxAbsDiff: NaN, maxScaledDiff: NaN }, sameTypescript = NaN;
  const small = await measure(contenders, {
    ...timing, learnSteps: LEARN_STEPS, learnWindow: 50, examplesPerPass: workload.grid.rows,
    afterLearning: () => {
      sameTraining = compareOutputs(flatten(dense.trainedWeights()), flatten(engine.trainedWeights()), ENGINE_TOLERANCE);
      say(`same    engine vs engine (dense) weights after ${LEARN_STEPS} steps with the same masks: max |Δ| ${sameTraining.maxAbsDiff.toExponential(2)}  ${sameTraining.ok ? 'ok' : 'FAILED'}`);
      if (!sameTraining.ok) fail(`engine and engine (dense) weights differ by ${sameTraining.maxAbsDiff} after training`);
      sameTypescript = sameWeights(engine, typescript, LEARN_STEPS, 'A');
    },
  });
  say();
  say(resultsTable(small.results));
  say();

  // Workload C: the digits-dropout widget's net on the real digits (training and inference over the test set).
  const digits = createDigitsWorkload();
  const { spec } = digits;
  const digitsContenders: Contender[] = [engineContender(digits), engineContender(digits, 'typescript'), await tfjsContender('cpu', digits), await tfjsContender('wasm', digits)];
  say(`Workload C (train and infer): MLP ${spec.sizes.join('→')}, ReLU, dropout ${spec.inputDropoutP} on the inputs and ${spec.dropoutP} after each hidden layer, SGD lr ${spec.lr} momentum ${spec.momentum}, batch ${digits.batches[0].x.rows}, ${digits.data.x.rows} MNIST training digits (${DIGITS_BATCH_COUNT} batches cycled); inference: ${digits.grid.rows} test digits per pass, logits read back`);
  let digitsSameTypescript = NaN;
  const large = await measure(digitsContenders, {
    ...timing, learnSteps: DIGITS_LEARN_STEPS, learnWindow: 20, examplesPerPass: digits.grid.rows,
    afterLearning: () => void (digitsSameTypescript = sameWeights(digitsContenders[0], digitsContenders[1], DIGITS_LEARN_STEPS, 'C')),
  });
  say();
  say(resultsTable(large.results));
  say();

  say(`Medians of ${ROUNDS} rounds; "vs best peer" divides by the faster tfjs backend. Median of the round-by-round ratios`);
  say(`(engine / fastest peer in the same round): A/B training ${small.trainPaired}×, inference ${small.inferPaired}×; C training ${large.trainPaired}×, inference ${large.inferPaired}×;`);
  say(`${TS}: A/B training ${small.paired[TS].train}×, inference ${small.paired[TS].infer}×; C training ${large.paired[TS].train}×, inference ${large.paired[TS].infer}×.`);
  const kernels = kernelStatus();
  say(`engine kernels: WebAssembly ${kernels.webassembly}${kernels.reason === '' ? '' : ` (${kernels.reason})`}, ${kernels.calls} dense products computed with it.`);
  say('tfjs samples its own dropout masks (same work, other draws).');
  say(failures.length === 0 ? 'All checks passed.' : `${failures.length} check(s) FAILED:\n  ${failures.join('\n  ')}`);
  const tfjsInfo = await initTfjs();
  const digitsSummary = summaryObject(large.results, 'engine');
  const smallTypescript = summaryObject(small.results, TS), digitsTypescript = summaryObject(large.results, TS);
  say(jsonLine(summaryObject(small.results, 'engine', {
    train_ratio_paired_median: small.trainPaired,
    infer_ratio_paired_median: small.inferPaired,
    digits_train_ratio_vs_best_peer: digitsSummary.train_ratio_vs_best_peer,
    digits_infer_ratio_vs_best_peer: digitsSummary.infer_ratio_vs_best_peer,
    // The same engine with TypeScript kernels only (the fallback without WebAssembly); "engine" above is the default.
    train_ratio_vs_best_peer_typescript: smallTypescript.train_ratio_vs_best_peer,
    infer_ratio_vs_best_peer_typescript: smallTypescript.infer_ratio_vs_best_peer,
    digits_train_ratio_vs_best_peer_typescript: digitsTypescript.train_ratio_vs_best_peer,
    digits_infer_ratio_vs_best_peer_typescript: digitsTypescript.infer_ratio_vs_best_peer,
    engine_kernels: { webassembly: kernels.webassembly, reason: kernels.reason, dense_products_with_webassembly: kernels.calls },
    digits: {
      ...digitsSummary,
      train_ratio_paired_median: large.trainPaired,
      infer_ratio_paired_median: large.inferPaired,
      typescript: {
        train_ratio_vs_best_peer: digitsTypescript.train_ratio_vs_best_peer,
        infer_ratio_vs_best_peer: digitsTypescript.infer_ratio_vs_best_peer,
        train_ratio_paired_median: large.paired[TS].train,
        infer_ratio_paired_median: large.paired[TS].infer,
      },
      checks: { learns: large.learning, engine_vs_typescript_train_max_abs_diff: digitsSameTypescript, infer_max_scaled_diff_vs_engine: large.agreement },
      workload: { sizes: spec.sizes, input_dropout_p: spec.inputDropoutP, dropout_p: spec.dropoutP, lr: spec.lr, momentum: spec.momentum, batch: digits.batches[0].x.rows, data: digits.data.x.rows, test: digits.grid.rows, learn_steps: DIGITS_LEARN_STEPS },
    },
    ok: failures.length === 0,
    failures,
    checks: { learns: small.learning, engine_vs_dense_train_max_abs_diff: sameTraining.maxAbsDiff, engine_vs_typescript_train_max_abs_diff: sameTypescript, infer_max_scaled_diff_vs_engine: small.agreement },
    typescript: { train_ratio_paired_median: small.paired[TS].train, infer_ratio_paired_median: small.paired[TS].infer },
    workload: { sizes: SIZES, dropout_p: DROPOUT_P, lr: LEARNING_RATE, batch: BATCH_SIZE, data: DATA_COUNT, grid: workload.grid.rows, learn_steps: LEARN_STEPS },
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
