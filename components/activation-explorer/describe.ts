/**
 * The explorer's text alternative: what the plotted curve does, in words, with the engine's numbers.
 * Every constant quoted names its source (/work/shared/reference/papers.md).
 */
import { displayName, type CurvePoint, type ExplorerState } from './model.ts';

/** A short, finite rendering of a number with a typographic minus: never "NaN", "Infinity" or "-0". */
export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  if (Number.isInteger(v)) return String(v).replace(/-/g, '−');
  const text = String(Number(v.toPrecision(digits)));
  return (text.includes('e') ? v.toExponential(1) : text).replace(/-/g, '−');
}

export const RRELU_CONVENTION =
  'Convention: PyTorch draws the negative slope itself from U(lower, upper), by default U(1/8, 1/3), and uses the mean slope (lower + upper)/2 at test; ' +
  'Xu et al. (2015) write y = x/a with a ~ U(3, 8) and a = 5.5 at test, i.e. slope 1/5.5 ≈ 0.18.';

function at(curve: readonly CurvePoint[], x: number): CurvePoint | undefined {
  return curve.find((p) => Math.abs(p.x - x) < 1e-9);
}

function shape(state: ExplorerState): string {
  const { act, curve, settings: s, rrelu } = state;
  const left = at(curve, -4), zero = at(curve, 0), right = at(curve, 4);
  const fL = fmt(left?.y ?? NaN), dL = fmt(left?.dy ?? NaN);
  switch (act) {
    case 'relu':
      return 'ReLU, max(0, x): exactly 0 for every x ≤ 0 and the identity for x > 0; its derivative is 0 on the left and 1 on the right, so a positive unit passes its gradient on unchanged.';
    case 'leaky_relu':
      return `Leaky ReLU with negative slope ${fmt(s.slope)}${s.slope === 0.01 ? " (PyTorch's default, the slope Maas et al. 2013 used)" : ''}: ${fmt(s.slope)}·x for x ≤ 0 (f(−4) = ${fL}), the identity for x > 0; its derivative is ${fmt(s.slope)} on the left and 1 on the right${s.slope === 0 ? ' — slope 0 is plain ReLU' : ', never exactly 0'}.`;
    case 'prelu':
      return `PReLU with slope a = ${fmt(s.a)}${s.a === 0.25 ? ', the value He et al. (2015) initialise a to before learning it' : ' (He et al. 2015 start a at 0.25 and learn it by backpropagation)'}: a·x for x ≤ 0 (f(−4) = ${fL}), the identity for x > 0; its derivative is a = ${dL} on the left and 1 on the right.`;
    case 'rrelu': {
      if (!rrelu) return '';
      const mean = `the mean slope (lower + upper)/2 = (${fmt(rrelu.lower)} + ${fmt(rrelu.upper)})/2 = ${fmt(rrelu.evalSlope)}`;
      if (!rrelu.training) return `RReLU in evaluation mode: a leaky ReLU with ${mean} (f(−4) = ${fL}); derivative ${fmt(rrelu.evalSlope)} for x ≤ 0 and 1 for x > 0.`;
      const slopes = rrelu.samples.map((p) => p.slope);
      const lo = Math.min(...slopes), hi = Math.max(...slopes);
      return `RReLU in training mode: each of ${rrelu.samples.length} negative inputs gets its own slope drawn from U(${fmt(rrelu.lower)}, ${fmt(rrelu.upper)}) (seed ${rrelu.seed}); the drawn slopes range from ${fmt(lo)} to ${fmt(hi)}, so every output lies in the shaded band between upper·x and lower·x. The solid line is evaluation mode, ${mean}.`;
    }
    case 'elu':
      return `ELU with α = ${fmt(s.alpha)}${s.alpha === 1 ? ' (the value Clevert et al. 2015 used in all their experiments)' : ''}: smooth, saturates at −${fmt(s.alpha)} for very negative x (f(−4) = ${fL}); its derivative α·eˣ → 0 on the left (f′(−4) = ${dL}) and is 1 for x > 0${s.alpha === 1 ? '' : `, with a jump at 0 from α = ${fmt(s.alpha)} to 1`}.`;
    case 'tanh':
      return `tanh: saturates at −1 and 1 (f(4) = ${fmt(right?.y ?? NaN)}); its derivative 1 − tanh²(x) is ${fmt(zero?.dy ?? NaN)} at x = 0 and falls to ${fmt(right?.dy ?? NaN)} at x = ±4 — the vanishing gradient a rectifier avoids.`;
    case 'sigmoid':
      return `sigmoid σ(x) = 1/(1 + e⁻ˣ): saturates at 0 and 1 (f(4) = ${fmt(right?.y ?? NaN)}); its derivative σ(1 − σ) is at most ${fmt(zero?.dy ?? NaN)} (at x = 0) and ${fmt(right?.dy ?? NaN)} at x = ±4.`;
    case 'softplus':
      return `softplus, log(1 + eˣ), the smooth rectifier Glorot et al. (2011) compare with ReLU: f(0) = ${fmt(zero?.y ?? NaN)}, f(−4) = ${fL}; its derivative σ(x) is ${dL} at x = −4 and ${fmt(right?.dy ?? NaN)} at x = 4, never exactly 0.`;
  }
}

export function probeText(state: ExplorerState): string {
  const { probe, act } = state;
  if (!probe) return 'No value: the settings were refused.';
  const mode = act === 'rrelu' && state.rrelu?.training ? ' (evaluation mode)' : '';
  return `x = ${fmt(probe.x)}: f(x) = ${fmt(probe.y)}, f′(x) = ${fmt(probe.dy)}${mode}`;
}

export function describeExplorer(state: ExplorerState): string {
  if (state.error) return `${displayName(state.act)}: ${state.error} Only the ReLU reference is drawn.`;
  const reference = state.act === 'relu' ? '' : ' The faint dotted line is ReLU, for reference.';
  const training = state.act === 'rrelu' && state.rrelu?.training;
  const derivative = !state.showDerivative
    ? ''
    : training
      ? " The dashed line is the evaluation-mode derivative; squares mark each sampled input's own slope, its derivative in training."
      : ' The dashed line is the derivative f′(x).';
  const convention = state.act === 'rrelu' ? ` ${RRELU_CONVENTION}` : '';
  return `${shape(state)}${derivative}${reference} Marked point: ${probeText(state)}.${convention}`;
}

/**
 * The status line on a slide: one short sentence about what the curve shows for the negative inputs, where the
 * variants differ (the summary has the full description).
 */
export function slideStatus(state: ExplorerState): string {
  const { act, settings: s, rrelu } = state;
  if (state.error) return act === 'rrelu' ? 'Refused: lower slope above upper slope.' : 'Settings refused: see More settings.';
  switch (act) {
    case 'relu':
      return 'ReLU: f′ is 0 for every x ≤ 0.';
    case 'leaky_relu':
      if (s.slope === 0) return 'Slope 0: plain ReLU, f′ = 0 for x ≤ 0.';
      if (s.slope === 1) return 'Slope 1: f(x) = x, no nonlinearity left.';
      return `Slope ${fmt(s.slope)}: f′ = ${fmt(s.slope)} for x ≤ 0, never 0.`;
    case 'prelu':
      return `PReLU: f′ = a = ${fmt(s.a)} for x ≤ 0; a is learned.`;
    case 'rrelu':
      if (!rrelu) return '';
      return rrelu.training
        ? `Training: a random slope per input, ${fmt(rrelu.lower)} to ${fmt(rrelu.upper)}.`
        : `Test: one slope, the mean ${fmt(rrelu.evalSlope)}.`;
    case 'elu':
      return s.alpha === 1 ? 'α = 1: floor at −1, smooth at 0.' : `α = ${fmt(s.alpha)}: floor at −${fmt(s.alpha)}; f′ jumps at 0.`;
    case 'tanh':
    case 'sigmoid':
    case 'softplus':
      return `${displayName(act)}: ${probeText(state)}.`;
  }
}

/** The one-line settings under a printed figure: the activation, its own parameter, the probe. */
export function explorerParams(state: ExplorerState): string {
  const s = state.settings;
  const own: Partial<Record<string, string>> = {
    leaky_relu: `slope ${fmt(s.slope)}`,
    prelu: `a = ${fmt(s.a)}`,
    rrelu: `U(${fmt(s.lower)}, ${fmt(s.upper)}), ${s.train ? `training mode, seed ${s.seed}` : 'evaluation mode'}`,
    elu: `α = ${fmt(s.alpha)}`,
  };
  return [displayName(state.act), own[state.act], `probe x = ${fmt(s.x)}`].filter(Boolean).join(', ');
}
