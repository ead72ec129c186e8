/**
 * The dropout-mask widget in words: what it shows (DropoutMaskView), each layer's kept units against the expected
 * (1 − p)·n, and the whole figure as the summary and the charts' <desc>. Pure; runs in Node.
 */
import { layerName, listUnits } from '../thinned-net-figure/net-geometry.ts';
import { NET_SIZES, type GradientFlow, type SampleMasks } from './model.ts';

export interface DropoutMaskView {
  readonly batch: readonly SampleMasks[];
  /** 1-based sample shown in the diagram. */
  readonly sample: number;
  readonly resample: number;
  readonly seed: number;
  /** Present when "backprop" is on. */
  readonly gradients: GradientFlow | null;
}

/** One decimal at most: 2.5, 3.2, 4. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const r = Math.round(v * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

function keptIndices(mask: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) out.push(i);
  return out;
}

/** One layer of one sample in words: "hidden layer 1 keeps units 1, 3 and 4 (3 of 5; expected 2.5)". */
export function describeLayer(layer: SampleMasks['layers'][number]): string {
  const n = layer.mask.length;
  const name = layerName(layer.layer, NET_SIZES.length);
  if (!layer.active) return `${name}: dropout off, all ${n} units kept`;
  const kept = keptIndices(layer.mask);
  const which = kept.length === 0 ? 'no units' : kept.length === n ? 'all units' : `unit${kept.length > 1 ? 's' : ''} ${listUnits(kept)}`;
  return `${name} keeps ${which} (${kept.length} of ${n}; expected ${fmt(layer.expected)} at p = ${fmt2(layer.p)})`;
}

function fmt2(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '–';
}

export function describeDropoutMask(view: DropoutMaskView): string {
  const shown = view.batch[view.sample - 1] ?? view.batch[0];
  const head = `Sample ${shown.sample} of ${view.batch.length} (seed ${view.seed}, resample ${view.resample}): ${shown.layers.map(describeLayer).join('; ')}; the ${NET_SIZES.at(-1)} outputs are never dropped.`;
  const others = view.batch
    .filter((s) => s.sample !== shown.sample)
    .map((s) => `sample ${s.sample} keeps ${s.layers.map((l) => `${l.kept}/${l.mask.length}`).join(', ')}`);
  const distinct = new Set(view.batch.map((s) => s.layers.map((l) => Array.from(l.mask).join('')).join('|'))).size;
  const batch = `Each sample of the mini-batch draws its own masks (kept per layer, input, hidden 1, hidden 2): ${others.join('; ')}; ${distinct} of ${view.batch.length} samples have different masks.`;
  const g = view.gradients;
  const grad = g
    ? ` Backpropagation for sample ${shown.sample}: ${g.flowing} of ${g.total} weights get a non-zero gradient, all of them between kept units (${g.leaks} touch a dropped unit); the weights of dropped units get exactly zero.`
    : '';
  return `${head} ${batch}${grad}`;
}
