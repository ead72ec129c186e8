/**
 * The networks the MC-dropout widget can use, as engine MLPs: the pre-trained one (network-file.ts) or one the
 * student trained in the digits-dropout widget on the same page (the `digits-dropout:trained` event, README.md),
 * checked here before it reaches the worker. Hidden units are ReLU in both.
 */
import { type Mlp, createMlp } from '../../src/engine/index.ts';
import type { StoredNetwork } from './network-file.ts';

export interface NetworkSpec {
  readonly label: string;
  readonly sizes: readonly number[];
  /** W: fanIn × fanOut row-major; b: fanOut. */
  readonly weights: readonly { readonly W: Float64Array; readonly b: Float64Array }[];
  readonly dropout: { readonly input: number; readonly hidden: readonly number[] };
  /** Test error of the scaled network as its trainer measured it (fraction), or null when unknown. */
  readonly testError: number | null;
}

export const INPUTS = 784;
export const CLASSES = 10;

export function specFromStored(stored: StoredNetwork): NetworkSpec {
  return { label: 'pre-trained', sizes: stored.sizes, weights: stored.weights, dropout: stored.dropout, testError: stored.test.error };
}

export function mlpFromSpec(spec: NetworkSpec): Mlp {
  const { sizes, dropout, weights } = spec;
  return createMlp(
    { sizes, inputDropoutP: dropout.input, hidden: dropout.hidden.map((dropoutP) => ({ activation: { name: 'relu' }, dropoutP })) },
    { weights: weights.map(({ W, b }, l) => ({ W: { rows: sizes[l], cols: sizes[l + 1], data: W }, b })) },
  );
}

export type SpecResult = { readonly ok: true; readonly spec: NetworkSpec } | { readonly ok: false; readonly error: string };

const isProbability = (p: unknown): p is number => typeof p === 'number' && p >= 0 && p < 1;

/** Checks the detail of a `digits-dropout:trained` event (untrusted: any page script could dispatch one). */
export function specFromTrainedDetail(detail: unknown): SpecResult {
  const fail = (why: string): SpecResult => ({ ok: false, error: `The trained network cannot be used: ${why}` });
  if (detail === null || typeof detail !== 'object') return fail('the event carries no network.');
  const d = detail as Record<string, unknown>;
  const sizes = d.sizes, weights = d.weights, dropout = d.dropout as Record<string, unknown> | null | undefined;
  if (!Array.isArray(sizes) || sizes.length < 2 || sizes.length > 8 || !sizes.every((s) => Number.isInteger(s) && s >= 1 && s <= 4096)) return fail('its layer sizes are invalid.');
  if (sizes[0] !== INPUTS || sizes.at(-1) !== CLASSES) return fail(`it maps ${sizes[0]} inputs to ${sizes.at(-1)} classes, not 784 pixels to 10 digits.`);
  if (!Array.isArray(weights) || weights.length !== sizes.length - 1) return fail('it needs one {W, b} per layer.');
  const checked: { W: Float64Array; b: Float64Array }[] = [];
  for (const [l, layer] of weights.entries()) {
    const { W, b } = (layer ?? {}) as { W?: unknown; b?: unknown };
    if (!(W instanceof Float64Array) || !(b instanceof Float64Array) || W.length !== sizes[l] * sizes[l + 1] || b.length !== sizes[l + 1]) return fail(`layer ${l + 1}'s weights do not match its sizes.`);
    if (!W.every(Number.isFinite) || !b.every(Number.isFinite)) return fail(`layer ${l + 1} holds a weight that is not a finite number.`);
    checked.push({ W: W.slice(), b: b.slice() });
  }
  const hidden = dropout?.hidden;
  if (!dropout || !isProbability(dropout.input) || !Array.isArray(hidden) || hidden.length !== sizes.length - 2 || !hidden.every(isProbability)) return fail('its dropout probabilities are missing or outside [0, 1).');
  const testError = typeof d.testError === 'number' && d.testError >= 0 && d.testError <= 1 ? d.testError : null;
  const label = typeof d.label === 'string' && d.label.trim() ? d.label.trim().slice(0, 80) : 'the network you trained';
  return { ok: true, spec: { label, sizes: [...sizes], weights: checked, dropout: { input: dropout.input, hidden: [...hidden] }, testError } };
}
