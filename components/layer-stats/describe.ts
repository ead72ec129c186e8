/** The layer-statistics widget in words, with the engine's numbers (the figure's text alternative). */
import type { ActivationColumn, LayerStats, LayerStatsActivation } from './model.ts';
import type { VanishingScan } from './vanishing.ts';
import type { InitScheme } from '../../src/engine/index.ts';

export const ACT_NAMES: Record<LayerStatsActivation, string> = { relu: 'ReLU', leaky_relu: 'Leaky ReLU', prelu: 'PReLU', elu: 'ELU', tanh: 'tanh', sigmoid: 'sigmoid' };
export const INIT_NAMES: Record<InitScheme, string> = { 'he-normal': 'He', 'he-uniform': 'He', 'xavier-normal': 'Xavier', 'xavier-uniform': 'Xavier', 'small-normal': 'small (σ = 0.01)' };

/** Finite numbers only, typographic minus; small norms in scientific notation. */
export function fmt(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  const text = abs < 1e-3 || abs >= 1e4 ? v.toExponential(digits - 1) : String(Number(v.toPrecision(digits)));
  return text.replace(/-/g, '−');
}

export function pct(v: number): string {
  return Number.isFinite(v) ? `${Math.round(v * 1000) / 10}%` : '–';
}

export function setupText(s: LayerStats<LayerStatsActivation>): string {
  const inits = s.columns.map((c) => `${INIT_NAMES[c.init]} init for ${ACT_NAMES[c.act]}`).join(', ');
  return `${s.depth} hidden layer${s.depth === 1 ? '' : 's'} of ${s.width} units at initialisation (${inits}), one batch of ${s.batch} spiral points (seed ${s.seed}), one backward pass.`;
}

function gradientText(c: ActivationColumn<LayerStatsActivation>): string {
  const first = c.gradNorms[0], last = c.gradNorms.at(-1) ?? NaN;
  const n = c.gradNorms.length;
  const ratio = n > 1 && last > 0 ? ` (layer 1 / layer ${n} = ${fmt(first / last)})` : '';
  return `${ACT_NAMES[c.act]} ${c.gradNorms.map((g) => fmt(g)).join(', ')}${ratio}`;
}

const layers = (s: LayerStats<LayerStatsActivation>): string => (s.depth === 1 ? 'layer 1' : `layer 1 to ${s.depth}`);

export function describeGradients(s: LayerStats<LayerStatsActivation>): string {
  return `Gradient norm of each hidden layer's weights and biases, ${layers(s)}, log scale: ${s.columns.map(gradientText).join('; ')}.`;
}

export function describeZeros(s: LayerStats<LayerStatsActivation>): string {
  const parts = s.columns.map((c) => `${ACT_NAMES[c.act]} ${c.zeroFractions.map(pct).join(', ')}`);
  return `Fraction of activations that are exactly zero, ${layers(s)}: ${parts.join('; ')}. Glorot et al. (2011) report about half for rectifier networks at initialisation; tanh and sigmoid outputs are never exactly zero, nor are those of Leaky ReLU, PReLU and ELU, which are negative where ReLU's are zero.`;
}

export function describeHistogram(s: LayerStats<LayerStatsActivation>, c: ActivationColumn<LayerStatsActivation>): string {
  const h = c.histogram;
  const peak = h.reduce((best, bin) => (bin.share > best.share ? bin : best), h[0]);
  const range = h.length ? `from ${fmt(h[0].x0)} to ${fmt(h.at(-1)?.x1 ?? NaN)}` : '';
  const zeros = c.act === 'relu' ? ` ${pct(c.zeroFractions[s.layer - 1])} are exactly 0, all in the first bin.` : '';
  return `${ACT_NAMES[c.act]}, layer ${s.layer}: activations ${range}, mean ${fmt(c.meanActivations[s.layer - 1])}; the tallest bin, [${fmt(peak?.x0 ?? NaN)}, ${fmt(peak?.x1 ?? NaN)}), holds ${pct(peak?.share ?? NaN)}.${zeros}`;
}

export function describeLayerStats(s: LayerStats<LayerStatsActivation>): string {
  const clamped = s.requestedLayer > s.depth ? ` (layer ${s.requestedLayer} was asked for; the network has ${s.depth}, so the last is shown)` : '';
  return [
    setupText(s),
    describeGradients(s),
    describeZeros(s),
    `Histograms of hidden layer ${s.layer}${clamped}: ${s.columns.map((c) => describeHistogram(s, c)).join(' ')}`,
  ].join(' ');
}

/** "sigmoid with Xavier init: below 1e−6 from 10 hidden layers; ReLU with He init: not within 24 (layer 1 / last at
 * 24 layers = 0.93)". */
export function describeVanishing(scans: readonly VanishingScan[]): string {
  const parts = scans.map((scan) => {
    const who = `${ACT_NAMES[scan.act]} with ${INIT_NAMES[scan.init]} init`;
    if (scan.depth !== null) return `${who}: from ${scan.depth} hidden layer${scan.depth === 1 ? '' : 's'}`;
    const last = scan.ratios.at(-1) ?? NaN;
    const tried = scan.ratios.length;
    return scan.done ? `${who}: not within ${tried} (ratio ${fmt(last)} at ${tried})` : `${who}: not yet (${tried} depth${tried === 1 ? '' : 's'} tried)`;
  });
  return `Depth at which the first hidden layer's gradient norm falls below ${fmt(scans[0]?.threshold ?? 1e-6, 1)} of the last hidden layer's, at initialisation: ${parts.join('; ')}.`;
}
