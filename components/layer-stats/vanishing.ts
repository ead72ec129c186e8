/**
 * At what depth does an activation's gradient vanish? For depth d = 1, 2, … MAX_DEPTH, the network of the
 * layer-stats widget (same seed, width, batch and initialisation) is built with d hidden layers and one backward
 * pass is run; the answer is the smallest d at which the first hidden layer's gradient norm is below
 * VANISHING_THRESHOLD (10⁻⁶) times the last hidden layer's, or null when no depth up to MAX_DEPTH gets there.
 *
 * Cost: depth d costs about d layers' work, so a full scan is about MAX_DEPTH² / 2 = 300 layers (15 times one
 * depth-20 column). The scan advances one depth per stepVanishingScan call, so a worker or a frame loop can do
 * it in chunks; vanishingDepth runs it to the end.
 */
import { layerGradientNorms, type Dataset, type InitScheme } from '../../src/engine/index.ts';
import { MAX_DEPTH, initialNet, statsData, type LayerStatsActivation } from './model.ts';

export const VANISHING_THRESHOLD = 1e-6;

export interface VanishingScanSettings {
  act: LayerStatsActivation;
  init: InitScheme;
  width: number;
  seed: number;
  /** Deepest network tried (default MAX_DEPTH). */
  maxDepth?: number;
  threshold?: number;
}

export interface VanishingScan {
  readonly act: LayerStatsActivation;
  readonly init: InitScheme;
  readonly width: number;
  readonly seed: number;
  readonly maxDepth: number;
  readonly threshold: number;
  /** ratios[d − 1]: first / last hidden layer's gradient norm with d hidden layers, for the depths done so far. */
  readonly ratios: number[];
  /** The smallest depth whose ratio is below the threshold, once found. */
  depth: number | null;
  done: boolean;
}

/** The first hidden layer's gradient norm over the last one's, for one network at initialisation. */
export function gradientRatio(act: LayerStatsActivation, init: InitScheme, depth: number, width: number, seed: number, data: Dataset = statsData(seed)): number {
  const net = initialNet(act, init, depth, width, seed);
  net.computeGradients(data.x, data.labels, { training: false });
  const norms = layerGradientNorms(net);
  return norms[0] / norms[depth - 1];
}

export function createVanishingScan(settings: VanishingScanSettings): VanishingScan {
  const maxDepth = Math.min(MAX_DEPTH, Math.max(1, Math.round(settings.maxDepth ?? MAX_DEPTH)));
  const threshold = settings.threshold ?? VANISHING_THRESHOLD;
  if (!(threshold > 0 && threshold < 1)) throw new RangeError(`vanishing threshold must be in (0, 1), got ${threshold}`);
  const { act, init, width, seed } = settings;
  return { act, init, width, seed, maxDepth, threshold, ratios: [], depth: null, done: false };
}

/** The depth the scan tries next (1 for a new scan). */
export const nextDepth = (scan: VanishingScan): number => scan.ratios.length + 1;

/** Records the ratio measured at nextDepth(scan) (here, or by a worker); returns whether the scan is done. */
export function recordRatio(scan: VanishingScan, ratio: number): boolean {
  if (scan.done) return true;
  const d = nextDepth(scan);
  scan.ratios.push(ratio);
  if (ratio < scan.threshold) scan.depth = d;
  scan.done = scan.depth !== null || d >= scan.maxDepth;
  return scan.done;
}

/** Tries the next depth; returns whether the scan is done (found, or MAX_DEPTH reached). */
export function stepVanishingScan(scan: VanishingScan): boolean {
  if (scan.done) return true;
  return recordRatio(scan, gradientRatio(scan.act, scan.init, nextDepth(scan), scan.width, scan.seed));
}

/** The whole scan at once (a worker can afford it; a page should step it). */
export function vanishingDepth(settings: VanishingScanSettings): VanishingScan {
  const scan = createVanishingScan(settings);
  while (!stepVanishingScan(scan));
  return scan;
}
