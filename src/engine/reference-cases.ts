// Replays reference cases (format: shared/reference/README.md) through the engine. Used by scripts/replay.ts
// and by the PyTorch reference test, so both exercise the same code path. The keys of each result are derived
// from the case's kind and name; `expected` is never read (a file may have none).

import type { ActivationSpec } from './activations/activation.ts';
import { activation } from './activations/registry.ts';
import { dropoutScale, invertedDropout, invertedDropoutEval } from './dropout.ts';
import { matrixFromRows, matrixToRows } from './matrix.ts';
import { createMlp } from './mlp.ts';
import { createSgd } from './sgd.ts';
import { assertInteger, describeValue } from './validate.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type CaseObject = Record<string, unknown>;

/** Runs every case of a parsed case file, in order. */
export function runReferenceFile(file: unknown): { results: Record<string, Json>[] } {
  if (file === null || typeof file !== 'object' || !Array.isArray((file as CaseObject).cases)) {
    throw new TypeError(`case file must be {"cases": [...]}, got ${describeValue(file)}`);
  }
  const cases = (file as { cases: unknown[] }).cases;
  return { results: cases.map((c, i) => runReferenceCase(c, i)) };
}

export function runReferenceCase(c: unknown, index = 0): Record<string, Json> {
  if (c === null || typeof c !== 'object') throw new TypeError(`case ${index} must be an object, got ${describeValue(c)}`);
  const kase = c as CaseObject;
  try {
    switch (kase.kind) {
      case 'activation':
        return runActivationCase(kase);
      case 'dropout':
        return runDropoutCase(kase);
      case 'mlp_sgd':
        return runMlpSgdCase(kase);
      default:
        throw new TypeError(`kind must be activation, dropout or mlp_sgd, got ${describeValue(kase.kind)}`);
    }
  } catch (error) {
    if (error instanceof Error) error.message = `case ${index} (${String(kase.kind)}${kase.name ? ` ${String(kase.name)}` : ''}): ${error.message}`;
    throw error;
  }
}

/** Case activation names are PyTorch's; rrelu_eval is RReLU in evaluation mode (our rrelu's default mode). */
function activationSpec(name: unknown, params: unknown): ActivationSpec {
  if (typeof name !== 'string') throw new TypeError(`activation name must be a string, got ${describeValue(name)}`);
  const p = (params ?? {}) as Record<string, number>;
  return { name: (name === 'rrelu_eval' ? 'rrelu' : name) as ActivationSpec['name'], params: p };
}

function runActivationCase(c: CaseObject): Record<string, Json> {
  const x = vector(c.x, 'x');
  const upstream = vector(c.upstream, 'upstream');
  const act = activation(activationSpec(c.name, c.params));
  const y = act.forward(x);
  const dx = act.backward(x, upstream); // also accumulates the learned slope's gradient for prelu
  const result: Record<string, Json> = { y: Array.from(y), dx: Array.from(dx) };
  if (c.name === 'prelu') result.da = act.parameters[0].grad[0];
  return result;
}

function runDropoutCase(c: CaseObject): Record<string, Json> {
  const x = vector(c.x, 'x');
  const mask = vector(c.mask, 'mask');
  const p = c.p as number;
  return {
    train: Array.from(invertedDropout(x, p, mask)),
    eval: Array.from(invertedDropoutEval(x, p)),
    scale: dropoutScale(p),
  };
}

function runMlpSgdCase(c: CaseObject): Record<string, Json> {
  const sizes = c.sizes as number[];
  const spec = c.activation as { name?: unknown; params?: unknown } | undefined;
  if (spec === null || typeof spec !== 'object') throw new TypeError(`activation must be {name, params}, got ${describeValue(spec)}`);
  const net = createMlp(
    { sizes, activation: activationSpec(spec.name, spec.params), dropoutP: c.dropout_p as number },
    { weights: c.init as { W: number[][]; b: number[] }[] },
  );
  const optimizer = createSgd({ lr: c.lr as number });
  const steps = c.steps;
  assertInteger(steps, 'steps');
  const batches = c.batches as CaseObject[];
  if (!Array.isArray(batches) || batches.length !== steps) {
    throw new RangeError(`batches must have one entry per step (${steps}), got ${describeValue(batches)}`);
  }
  const hasSlopes = spec.name === 'prelu';
  const slopes = (): Json[] => net.hiddenLayers.map(({ activation: a }) => jsonVector(a.parameters[0].value));
  const slopeGrads = (): Json[] => net.hiddenLayers.map(({ activation: a }) => jsonVector(a.parameters[0].grad));
  const losses: number[] = [];
  let gradsStep0: Json = [];
  let slopeGradsStep0: Json[] = [];
  batches.forEach((batch, t) => {
    const x = matrixFromRows(batch.x as number[][], `batches[${t}].x`);
    const labels = integers(batch.labels, `batches[${t}].labels`);
    const masks = batch.masks === undefined ? undefined : (batch.masks as number[][][]).map((m, h) => matrixFromRows(m, `batches[${t}].masks[${h}]`).data);
    losses.push(net.computeGradients(x, labels, { training: true, masks }));
    if (t === 0) {
      gradsStep0 = net.layers.map(({ dW, db }) => ({ W: matrixToRows(dW), b: Array.from(db) }));
      if (hasSlopes) slopeGradsStep0 = slopeGrads();
    }
    optimizer.step(net.parameters());
  });
  const result: Record<string, Json> = { losses, grads_step0: gradsStep0, final: net.exportWeights() };
  if (hasSlopes) {
    result.prelu_a_grads_step0 = slopeGradsStep0;
    result.prelu_a_final = slopes();
  }
  return result;
}

/** One shared slope → a number; per-unit slopes → an array. */
function jsonVector(v: Float64Array): Json {
  return v.length === 1 ? v[0] : Array.from(v);
}

function vector(value: unknown, what: string): Float64Array {
  if (!Array.isArray(value)) throw new TypeError(`${what} must be an array of numbers, got ${describeValue(value)}`);
  return matrixFromRows([value as number[]], what).data;
}

function integers(value: unknown, what: string): Int32Array {
  if (!Array.isArray(value)) throw new TypeError(`${what} must be an array of class indices, got ${describeValue(value)}`);
  value.forEach((v, i) => assertInteger(v, `${what}[${i}]`, 0, 2 ** 31 - 1));
  return Int32Array.from(value as number[]);
}
