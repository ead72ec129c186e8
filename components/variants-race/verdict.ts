/**
 * The verdict line: what the race shows, from its numbers, in a few short clauses. Every comparison is made
 * against ReLU (or, without ReLU, the first activation in the race) seed by seed, and says "within the
 * seed-to-seed noise" unless every seed agrees and the mean difference is at least two standard errors
 * (summary.ts, pairedDifference). With one seed there is no noise estimate, and the line says so.
 */
import { type RaceActivation, type Regime, type VariantsRace } from './model.ts';
import { pairedDifference, spread, summarizeRace, type LaneSummary, type PairedDifference, type Spread } from './summary.ts';

export interface VerdictContext {
  readonly regime: Regime;
  /** Steps every live run has completed, and the budget. */
  readonly step: number;
  readonly maxSteps: number;
  readonly seeds: number;
}

export interface Comparison {
  readonly act: RaceActivation;
  readonly label: string;
  readonly value: Spread;
  /** This activation minus the reference, seed by seed. */
  readonly diff: PairedDifference;
}

/** A metric across the lanes, split by how each compares with the reference. */
export interface MetricVerdict {
  readonly reference: Comparison;
  readonly lower: Comparison[];
  readonly higher: Comparison[];
  readonly withinNoise: Comparison[];
}

export interface RaceVerdict {
  readonly pending: boolean;
  /** Fraction of hidden units inactive on every training example (lower is better). */
  readonly inactive: MetricVerdict | null;
  /** Per hidden layer, |ELU's mean activation| − |ReLU's| (negative: ELU's is closer to zero). */
  readonly meanCloserToZero: { readonly elu: Spread[]; readonly relu: Spread[]; readonly diffs: PairedDifference[] } | null;
  readonly accuracy: MetricVerdict | null;
  readonly text: string;
}

const percent = (v: number): string => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : '–');
const signed = (v: number): string => (Number.isFinite(v) ? v.toFixed(2).replace('-', '−') : '–');
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const range = (s: Spread, seeds: number): string => (s.n > 1 ? ` (${percent(s.min).replace('%', '')}–${percent(s.max)} over ${s.n} seeds)` : seeds === 1 ? ' (one seed: no noise estimate)' : '');

export function compareMetric(lanes: readonly LaneSummary[], metric: (lane: LaneSummary) => readonly number[]): MetricVerdict | null {
  const reference = lanes.find((lane) => lane.act === 'relu') ?? lanes[0];
  if (reference === undefined) return null;
  const compare = (lane: LaneSummary): Comparison => ({ act: lane.act, label: lane.label, value: spread(metric(lane)), diff: pairedDifference(metric(lane), metric(reference)) });
  const others = lanes.filter((lane) => lane !== reference && spread(metric(lane)).n > 0).map(compare);
  return {
    reference: compare(reference),
    lower: others.filter((c) => c.diff.clear && c.diff.mean < 0),
    higher: others.filter((c) => c.diff.clear && c.diff.mean > 0),
    withinNoise: others.filter((c) => !c.diff.clear),
  };
}

/** "<reference sentence>; fewer in every seed: A 8%, B 3%; within the seed-to-seed noise: C 19%". */
function metricClause(v: MetricVerdict, referenceText: (value: string, spreadText: string) => string, words: { lower: string; higher: string }, seeds: number): string {
  const named = (cs: readonly Comparison[]): string => list(cs.map((c) => `${c.label} ${percent(c.value.mean)}`));
  const parts = [referenceText(percent(v.reference.value.mean), range(v.reference.value, seeds))];
  if (v.lower.length) parts.push(`${words.lower} in every seed: ${named(v.lower)}`);
  if (v.higher.length) parts.push(`${words.higher} in every seed: ${named(v.higher)}`);
  if (v.withinNoise.length) parts.push(`${seeds === 1 ? 'with one seed, no call on' : 'within the seed-to-seed noise:'} ${named(v.withinNoise)}`);
  return parts.join('; ');
}

function meanClause(lanes: readonly LaneSummary[]): RaceVerdict['meanCloserToZero'] {
  const elu = lanes.find((lane) => lane.act === 'elu'), relu = lanes.find((lane) => lane.act === 'relu');
  if (elu === undefined || relu === undefined) return null;
  return {
    elu: elu.meanActivation.map(spread),
    relu: relu.meanActivation.map(spread),
    diffs: elu.meanActivation.map((values, h) => pairedDifference(values.map(Math.abs), relu.meanActivation[h].map(Math.abs))),
  };
}

function meanText(m: NonNullable<RaceVerdict['meanCloserToZero']>): string {
  const layers = (pick: (d: PairedDifference) => boolean): number[] => m.diffs.flatMap((d, h) => (pick(d) ? [h + 1] : []));
  const closer = layers((d) => d.clear && d.mean < 0), farther = layers((d) => d.clear && d.mean > 0), unsure = layers((d) => !d.clear);
  const values = `(${m.elu.map((s) => signed(s.mean)).join(', ')} vs ${m.relu.map((s) => signed(s.mean)).join(', ')})`;
  if (m.diffs.every((d) => d.n < 2)) return `ELU's mean activation per layer ${values}: one seed, no call`;
  const parts: string[] = [];
  if (closer.length) parts.push(`closer to zero than ReLU's in layer${closer.length > 1 ? 's' : ''} ${list(closer.map(String))}`);
  if (farther.length) parts.push(`farther from zero in layer${farther.length > 1 ? 's' : ''} ${list(farther.map(String))}`);
  if (unsure.length) parts.push(`within the noise in layer${unsure.length > 1 ? 's' : ''} ${list(unsure.map(String))}`);
  return `ELU's mean activation is ${list(parts)} ${values}`;
}

/** The verdict from per-lane summaries (pure; summarizeRace gives them for a live race). */
export function verdictFrom(lanes: readonly LaneSummary[], context: VerdictContext): RaceVerdict {
  const pending = context.step < context.maxSteps;
  const inactive = compareMetric(lanes, (lane) => lane.inactiveFraction);
  const accuracy = compareMetric(lanes, (lane) => lane.testAccuracy);
  const meanCloserToZero = meanClause(lanes);
  const opening = pending ? `So far (step ${context.step} of ${context.maxSteps})` : `After ${context.step} steps${context.regime === 'stress' ? ' under stress' : ''}`;
  const clauses: string[] = [];
  if (inactive !== null) {
    const all = [inactive.reference, ...inactive.lower, ...inactive.higher, ...inactive.withinNoise];
    const ref = inactive.reference.label;
    clauses.push(all.every((c) => c.value.mean === 0)
      ? `${opening}, no hidden unit is inactive on every training example`
      : `${opening}, ${metricClause(inactive, (value, spreadText) => `${ref} has ${value} of its hidden units inactive on every training example${spreadText}`, { lower: 'fewer', higher: 'more' }, context.seeds)}`);
  }
  if (meanCloserToZero !== null) clauses.push(meanText(meanCloserToZero));
  if (accuracy !== null) {
    const ref = accuracy.reference.label;
    clauses.push(`Test accuracy: ${metricClause(accuracy, (value, spreadText) => `${ref} ${value}${spreadText}`, { lower: 'lower', higher: 'higher' }, context.seeds)}`);
  }
  const diverged = lanes.filter((lane) => lane.diverged > 0).map((lane) => `${lane.label} diverged in ${lane.diverged} of ${context.seeds} seeds (left out)`);
  if (diverged.length) clauses.push(list(diverged));
  const text = clauses.length ? `${clauses.join('. ')}.` : 'No activation is selected.';
  return { pending, inactive, meanCloserToZero, accuracy, text };
}

export function verdict(race: VariantsRace): RaceVerdict {
  const { regime, maxSteps, seeds } = race.settings;
  return verdictFrom(summarizeRace(race), { regime, step: race.step, maxSteps, seeds });
}
