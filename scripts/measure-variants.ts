// The measured findings behind the variants-race and layer-stats widgets: `npm run measure:variants` (about a
// minute; `--seeds 3` for fewer replicates). Prints, for the race under stress and without it, every activation's
// numbers over the seeds (mean and range) and the verdict; the depth at which each activation's first-layer
// gradient falls below 1e-6 of the last layer's, with He and with Xavier init; and the time one chunk of work takes.
// Times are CPU milliseconds of this process (user + system), which a busy machine inflates less than wall-clock
// time; they still depend on the machine: compare them with each other, not with another day's.

import { VARIANTS, allRuns, createVariantsRace, stepChunk } from '../components/variants-race/model.ts';
import { spread, summarizeRace } from '../components/variants-race/summary.ts';
import { verdict } from '../components/variants-race/verdict.ts';
import { MAX_DEPTH, STATS_ACTIVATIONS, layerStatsColumn, normalizeLayerStatsSettings } from '../components/layer-stats/model.ts';
import { vanishingDepth } from '../components/layer-stats/vanishing.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const seeds = arg('--seeds', 5);
const width = arg('--width', 32);

const range = (values: readonly number[], digits = 2, scale = 1): string => {
  const s = spread(values.map((v) => v * scale));
  return s.n === 0 ? '–' : `${s.mean.toFixed(digits)} [${s.min.toFixed(digits)}, ${s.max.toFixed(digits)}]`;
};
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** CPU milliseconds fn takes. */
const cpuMs = (fn: () => unknown): number => {
  const start = process.cpuUsage();
  fn();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};

function race(stress: boolean): void {
  const r = createVariantsRace({ seed: 1, stress, seeds });
  const chunks: number[] = [];
  let more = true;
  while (more) chunks.push(cpuMs(() => (more = stepChunk(r))));
  chunks.pop(); // the call that found nothing left to do
  const total = chunks.reduce((a, b) => a + b, 0);
  console.log(`\n## Race, ${stress ? 'stress' : 'normal'} (lr ${r.settings.lr}, hidden biases ${r.settings.biasShift}), seed 1, ${seeds} seeds, ${r.settings.maxSteps} steps`);
  console.log(`CPU time: ${(total / 1000).toFixed(1)} s for ${chunks.length} chunks; one chunk median ${median(chunks).toFixed(1)} ms, max ${Math.max(...chunks).toFixed(1)} ms`);
  for (const lane of summarizeRace(r)) {
    console.log(`${lane.label.padEnd(11)} inactive ${range(lane.inactiveFraction, 0, 100)}%  ever ${range(lane.everInactive, 1)}  revived ${range(lane.revived, 1)}` +
      `  (layer 1: ever ${range(lane.everInactiveFirstLayer, 1)}, revived ${range(lane.revivedFirstLayer, 1)})  diverged ${lane.diverged}`);
    console.log(`${''.padEnd(11)} test accuracy ${range(lane.testAccuracy, 0, 100)}%  training loss ${range(lane.trainLoss)}  mean activation per layer ${lane.meanActivation.map((m) => range(m)).join('; ')}`);
  }
  const atStart = (act: string) => allRuns(r).filter((run) => run.act === act).map((run) => run.history[0]);
  console.log(`at step 0, inactive: ${VARIANTS.map((v) => `${v.label} ${range(atStart(v.act).map((c) => c.inactive.reduce((a, b) => a + b) / r.units), 0, 100)}%`).join(', ')}`);
  console.log(`verdict: ${verdict(r).text}`);
}

function depths(): void {
  console.log(`\n## Depth at which layer-1 / last-layer gradient norm < 1e-6 (width ${width}, 256 points, at initialisation; "-" = not within ${MAX_DEPTH})`);
  for (const init of ['he-normal', 'xavier-normal'] as const) {
    for (const act of STATS_ACTIVATIONS) {
      const scans = [1, 2, 3].map((seed) => vanishingDepth({ act, init, width, seed }));
      const at24 = scans.filter((s) => s.depth === null).map((s) => s.ratios[MAX_DEPTH - 1].toExponential(1));
      console.log(`${init.padEnd(13)} ${act.padEnd(10)} depth ${scans.map((s) => s.depth ?? '-').join('/')}${at24.length ? `  ratio at ${MAX_DEPTH}: ${at24.join(', ')}` : ''}`);
    }
  }
}

function timing(): void {
  console.log(`\n## CPU time, layer-stats at depth 20, width ${width} (median of 5)`);
  const setup = normalizeLayerStatsSettings({ depth: 20, width, seed: 1, layer: 1, acts: STATS_ACTIVATIONS });
  let all = 0;
  for (const act of STATS_ACTIVATIONS) {
    const times = Array.from({ length: 5 }, () => cpuMs(() => layerStatsColumn(setup, act)));
    all += median(times);
    console.log(`column ${act.padEnd(10)} ${median(times).toFixed(1)} ms`);
  }
  console.log(`all six columns: ${all.toFixed(1)} ms`);
  for (const act of ['relu', 'tanh', 'sigmoid'] as const) {
    const ms = cpuMs(() => vanishingDepth({ act, init: 'xavier-normal', width, seed: 1 }));
    console.log(`depth scan ${act} (Xavier, 1 to ${MAX_DEPTH} layers or until found): ${ms.toFixed(0)} ms`);
  }
}

race(true);
race(false);
depths();
timing();
