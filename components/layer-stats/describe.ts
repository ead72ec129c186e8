/** The layer-statistics widget in words, with the engine's numbers (the figure's text alternative). */
import type { ActivationColumn, LayerStats, StatsActivation } from './model.ts';

export const ACT_NAMES: Record<StatsActivation, string> = { relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid' };
const INIT_NAMES = { 'he-normal': 'He', 'he-uniform': 'He', 'xavier-normal': 'Xavier', 'xavier-uniform': 'Xavier' } as const;

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

export function setupText(s: LayerStats): string {
  const inits = s.columns.map((c) => `${INIT_NAMES[c.init]} init for ${ACT_NAMES[c.act]}`).join(', ');
  return `${s.depth} hidden layer${s.depth === 1 ? '' : 's'} of ${s.width} units at initialisation (${inits}), one batch of ${s.batch} spiral points (seed ${s.seed}), one backward pass.`;
}

function gradientText(c: ActivationColumn): string {
  const first = c.gradNorms[0], last = c.gradNorms.at(-1) ?? NaN;
  const n = c.gradNorms.length;
  const ratio = n > 1 && last > 0 ? ` (layer 1 / layer ${n} = ${fmt(first / last)})` : '';
  return `${ACT_NAMES[c.act]} ${c.gradNorms.map((g) => fmt(g)).join(', ')}${ratio}`;
}

const layers = (s: LayerStats): string => (s.depth === 1 ? 'layer 1' : `layer 1 to ${s.depth}`);

export function describeGradients(s: LayerStats): string {
  return `Gradient norm of each hidden layer's weights and biases, ${layers(s)}, log scale: ${s.columns.map(gradientText).join('; ')}.`;
}

export function describeZeros(s: LayerStats): string {
  const parts = s.columns.map((c) => `${ACT_NAMES[c.act]} ${c.zeroFractions.map(pct).join(', ')}`);
  return `Fraction of activations that are exactly zero, ${layers(s)}: ${parts.join('; ')}. Glorot et al. (2011) report about half for rectifier networks at initialisation; tanh and sigmoid outputs are never exactly zero.`;
}

export function describeHistogram(s: LayerStats, c: ActivationColumn): string {
  const h = c.histogram;
  const peak = h.reduce((best, bin) => (bin.share > best.share ? bin : best), h[0]);
  const range = h.length ? `from ${fmt(h[0].x0)} to ${fmt(h.at(-1)?.x1 ?? NaN)}` : '';
  const zeros = c.act === 'relu' ? ` ${pct(c.zeroFractions[s.layer - 1])} are exactly 0, all in the first bin.` : '';
  return `${ACT_NAMES[c.act]}, layer ${s.layer}: activations ${range}, mean ${fmt(c.meanActivations[s.layer - 1])}; the tallest bin, [${fmt(peak?.x0 ?? NaN)}, ${fmt(peak?.x1 ?? NaN)}), holds ${pct(peak?.share ?? NaN)}.${zeros}`;
}

export function describeLayerStats(s: LayerStats): string {
  const clamped = s.requestedLayer > s.depth ? ` (layer ${s.requestedLayer} was asked for; the network has ${s.depth}, so the last is shown)` : '';
  return [
    setupText(s),
    describeGradients(s),
    describeZeros(s),
    `Histograms of hidden layer ${s.layer}${clamped}: ${s.columns.map((c) => describeHistogram(s, c)).join(' ')}`,
  ].join(' ');
}
