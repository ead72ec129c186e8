/**
 * The numbers the activation explorer draws, all computed by the engine: f(x) and f′(x) on [−4, 4] for the
 * chosen activation, ReLU as the reference, the probe, and for RReLU in training mode one random slope per
 * negative input (PyTorch's convention: slope r ~ U(lower, upper), mean slope (lower + upper) / 2 at test).
 */
import {
  activation,
  createRng,
  elu,
  eluDerivative,
  leakyRelu,
  leakyReluDerivative,
  prelu,
  preluDerivative,
  relu,
  reluDerivative,
  rrelu,
  rreluEval,
  rreluEvalSlope,
  sigmoid,
  sigmoidDerivative,
  softplus,
  softplusDerivative,
  tanh,
  tanhDerivative,
} from '../../src/engine/index.ts';
import type { ACTIVATION_NAMES } from '../../src/widgets/params.ts';

export type ExplorerActivation = (typeof ACTIVATION_NAMES)[number];

export interface ExplorerSettings {
  act: string;
  slope: number;
  a: number;
  lower: number;
  upper: number;
  alpha: number;
  x: number;
  seed: number;
  train: boolean;
  derivative: boolean;
}

export interface CurvePoint {
  x: number;
  y: number;
  dy: number;
}

export interface RreluSample {
  x: number;
  y: number;
  slope: number;
}

export interface RreluView {
  lower: number;
  upper: number;
  evalSlope: number;
  training: boolean;
  seed: number;
  /** Training mode only: negative inputs, each with its own slope. */
  samples: RreluSample[];
}

export interface ExplorerState {
  act: ExplorerActivation;
  /** The curve of the chosen activation (RReLU: evaluation mode); empty when the settings were refused. */
  curve: CurvePoint[];
  reference: Array<{ x: number; y: number }>;
  probe: CurvePoint | null;
  /** f′ jumps at x = 0 (the rectifier family): draw its two pieces separately. */
  piecewise: boolean;
  showDerivative: boolean;
  settings: ExplorerSettings;
  rrelu: RreluView | null;
  /** Why nothing but the reference is drawn (e.g. lower > upper). */
  error: string;
}

export const X_MIN = -4;
export const X_MAX = 4;
export const SAMPLES = 161;
export const RRELU_SAMPLES = 40;

const NAMES: Record<ExplorerActivation, string> = {
  relu: 'ReLU',
  leaky_relu: 'Leaky ReLU',
  prelu: 'PReLU',
  rrelu: 'RReLU',
  elu: 'ELU',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  softplus: 'softplus',
};

export function displayName(act: ExplorerActivation): string {
  return NAMES[act];
}

export function isExplorerActivation(name: string): name is ExplorerActivation {
  return Object.hasOwn(NAMES, name);
}

type VectorFn = (x: Float64Array) => Float64Array;

/** The engine's vector function and derivative for the chosen activation and its parameters. */
export function functionsFor(act: ExplorerActivation, s: ExplorerSettings): { f: VectorFn; df: VectorFn } {
  switch (act) {
    case 'relu':
      return { f: relu, df: reluDerivative };
    case 'leaky_relu':
      return { f: (x) => leakyRelu(x, s.slope), df: (x) => leakyReluDerivative(x, s.slope) };
    case 'prelu':
      return { f: (x) => prelu(x, s.a), df: (x) => preluDerivative(x, s.a) };
    case 'rrelu': {
      // Evaluation mode; the engine's RReLU activation gives its derivative (the mean slope for x ≤ 0).
      const eval_ = activation({ name: 'rrelu', params: { lower: s.lower, upper: s.upper } });
      return { f: (x) => rreluEval(x, s.lower, s.upper), df: (x) => eval_.backward(x, new Float64Array(x.length).fill(1)) };
    }
    case 'elu':
      return { f: (x) => elu(x, s.alpha), df: (x) => eluDerivative(x, s.alpha) };
    case 'tanh':
      return { f: tanh, df: tanhDerivative };
    case 'sigmoid':
      return { f: sigmoid, df: sigmoidDerivative };
    case 'softplus':
      return { f: (x) => softplus(x), df: (x) => softplusDerivative(x) };
  }
}

export function grid(lo = X_MIN, hi = X_MAX, n = SAMPLES): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

/** f and f′ at the given inputs. */
export function evaluateAt(act: ExplorerActivation, s: ExplorerSettings, xs: Float64Array): CurvePoint[] {
  const { f, df } = functionsFor(act, s);
  const ys = f(xs);
  const dys = df(xs);
  return Array.from(xs, (x, i) => ({ x, y: ys[i], dy: dys[i] }));
}

/** Training-mode RReLU on RRELU_SAMPLES negative inputs in [−4, 0), slopes drawn from the seeded stream. */
export function rreluSamples(lower: number, upper: number, seed: number, n = RRELU_SAMPLES): RreluSample[] {
  const xs = Float64Array.from({ length: n }, (_, i) => X_MIN + ((0 - X_MIN) * (i + 0.5)) / n);
  const { y, slopes } = rrelu(xs, createRng(seed).fork('rrelu-slopes'), lower, upper);
  return Array.from(xs, (x, i) => ({ x, y: y[i], slope: slopes[i] }));
}

/** A slider value as a person reads it: 1/3 is 0.333, not 0.3333333333333333. */
const round3 = (v: number): number => Number(v.toPrecision(3));

function settingsProblem(s: ExplorerSettings): string {
  for (const key of ['slope', 'a', 'lower', 'upper', 'alpha', 'x', 'seed'] as const) {
    if (!Number.isFinite(s[key])) return `${key} is not a finite number.`;
  }
  if (s.act === 'rrelu' && !(s.lower <= s.upper)) {
    return `RReLU needs lower ≤ upper; got lower ${round3(s.lower)} > upper ${round3(s.upper)}. Move one of the two sliders.`;
  }
  return '';
}

export function explorerState(settings: ExplorerSettings): ExplorerState {
  const act: ExplorerActivation = isExplorerActivation(settings.act) ? settings.act : 'relu';
  const xs = grid();
  const ref = relu(xs);
  const reference = Array.from(xs, (x, i) => ({ x, y: ref[i] }));
  const base = { act, reference, settings, showDerivative: settings.derivative, piecewise: !['tanh', 'sigmoid', 'softplus'].includes(act) };
  const problem = settingsProblem({ ...settings, act });
  if (problem) return { ...base, curve: [], probe: null, rrelu: null, error: problem };
  try {
    const curve = evaluateAt(act, settings, xs);
    const probe = evaluateAt(act, settings, Float64Array.of(settings.x))[0];
    const rreluView: RreluView | null =
      act === 'rrelu'
        ? {
            lower: settings.lower,
            upper: settings.upper,
            evalSlope: rreluEvalSlope(settings.lower, settings.upper),
            training: settings.train,
            seed: settings.seed,
            samples: settings.train ? rreluSamples(settings.lower, settings.upper, settings.seed) : [],
          }
        : null;
    return { ...base, curve, probe, rrelu: rreluView, error: '' };
  } catch (error) {
    // The engine validates its parameters; show its reason instead of failing the widget.
    return { ...base, curve: [], probe: null, rrelu: null, error: error instanceof Error ? error.message : String(error) };
  }
}
