/**
 * The depth-scan numbers the lesson's text quotes, computed by the engine from the widget's defaults (width 32,
 * seed 1), so the page and the widget cannot disagree: the lesson's MDX runs this at build time (about a second).
 */
import { initFor, STATS_ACTIVATIONS, type InitChoice, type LayerStatsActivation } from './model.ts';
import { vanishingDepth, type VanishingScan } from './vanishing.ts';

const scans = new Map<InitChoice, Record<LayerStatsActivation, VanishingScan>>();

function scansFor(choice: InitChoice, width: number, seed: number): Record<LayerStatsActivation, VanishingScan> {
  const cached = scans.get(choice);
  if (cached && cached.relu.width === width && cached.relu.seed === seed) return cached;
  const out = Object.fromEntries(STATS_ACTIVATIONS.map((act) => [act, vanishingDepth({ act, init: initFor(act, choice), width, seed })])) as Record<LayerStatsActivation, VanishingScan>;
  scans.set(choice, out);
  return out;
}

/** Per activation, the smallest depth at which its first-layer gradient is below 10⁻⁶ of the last layer's (null: not within 24). */
export function vanishingDepths(choice: InitChoice, width = 32, seed = 1): Record<LayerStatsActivation, number | null> {
  const all = scansFor(choice, width, seed);
  return Object.fromEntries(STATS_ACTIVATIONS.map((act) => [act, all[act].depth])) as Record<LayerStatsActivation, number | null>;
}

/** Per activation, the first-layer / last-layer gradient ratio at the deepest network the scan tried. */
export function lastRatios(choice: InitChoice, width = 32, seed = 1): Record<LayerStatsActivation, number> {
  const all = scansFor(choice, width, seed);
  return Object.fromEntries(STATS_ACTIVATIONS.map((act) => [act, all[act].ratios.at(-1) ?? NaN])) as Record<LayerStatsActivation, number>;
}
