/**
 * The verdict line: what the race shows, from its numbers, in a few short clauses. Every comparison is made
 * against ReLU (or, without ReLU, the first activation in the race) seed by seed, and is called a difference only
 * when every seed agrees on its direction and the mean difference is at least two standard errors (summary.ts);
 * a direction every seed agrees on but by very uneven amounts is said to be so, anything else is "within the
 * seed-to-seed noise". With one seed there is no noise estimate, and the line says so.
 */
import { type RaceActivation, type Regime, type VariantsRace } from './model.ts';
import { callOf, pairedDifference, spread, summarizeRace, type Call, type LaneSummary, type PairedDifference, type Spread } from './summary.ts';

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
  /** This activation minus the reference, seed by seed, and how that reads. */
  readonly diff: PairedDifference;
  readonly call: Call;
}

/** A metric across the lanes: the reference, and every other lane compared with it. */
export interface MetricVerdict {
  readonly reference: Comparison;
  readonly others: readonly Comparison[];
}

export interface RaceVerdict {
  readonly pending: boolean;
  /** Fraction of hidden units inactive on every training example (lower is better). */
  readonly inactive: MetricVerdict | null;
  /** Per hidden layer, |ELU's mean activation| − |ReLU's|: 'lower' means ELU's is closer to zero. */
  readonly meanCloserToZero: { readonly elu: Spread[]; readonly relu: Spread[]; readonly diffs: PairedDifference[]; readonly calls: Call[] } | null;
  readonly accuracy: MetricVerdict | null;
  readonly text: string;
}

const CALLS: readonly Call[] = ['lower', 'higher', 'lower, unevenly', 'higher, unevenly', 'within noise'];
const percent = (v: number): string => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : '–');
const signed = (v: number): string => (Number.isFinite(v) ? v.toFixed(2).replace('-', '−') : '–');
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const range = (s: Spread, seeds: number): string => (s.n > 1 ? ` (${percent(s.min).replace('%', '')}–${percent(s.max)} over ${s.n} seeds)` : seeds === 1 ? ' (one seed: no noise estimate)' : '');

export function compareMetric(lanes: readonly LaneSummary[], metric: (lane: LaneSummary) => readonly number[]): MetricVerdict | null {
  const reference = lanes.find((lane) => lane.act === 'relu') ?? lanes[0];
  if (reference === undefined) return null;
  const compare = (lane: LaneSummary): Comparison => {
    const diff = pairedDifference(metric(lane), metric(reference));
    return { act: lane.act, label: lane.label, value: spread(metric(lane)), diff, call: callOf(diff) };
  };
  return { reference: compare(reference), others: lanes.filter((lane) => lane !== reference && spread(metric(lane)).n > 0).map(compare) };
}

/** How each call reads, given the metric's words for lower and higher ("fewer", "more"). */
function callWords(call: Call, lower: string, higher: string, seeds: number): string {
  switch (call) {
    case 'lower':
      return `${lower} in every seed`;
    case 'higher':
      return `${higher} in every seed`;
    case 'lower, unevenly':
      return `${lower} in every seed but by uneven amounts (not beyond the noise)`;
    case 'higher, unevenly':
      return `${higher} in every seed but by uneven amounts (not beyond the noise)`;
    case 'within noise':
      return seeds === 1 ? 'with one seed, no call on' : 'within the seed-to-seed noise';
  }
}

/** "<reference sentence>; fewer in every seed: A 8%, B 3%; within the seed-to-seed noise: C 19%". */
function metricClause(v: MetricVerdict, referenceText: string, words: { lower: string; higher: string }, seeds: number): string {
  const parts = [referenceText];
  for (const call of CALLS) {
    const group = v.others.filter((c) => c.call === call);
    const colon = call === 'within noise' && seeds === 1 ? '' : ':';
    if (group.length) parts.push(`${callWords(call, words.lower, words.higher, seeds)}${colon} ${list(group.map((c) => `${c.label} ${percent(c.value.mean)}`))}`);
  }
  return parts.join('; ');
}

function meanComparison(lanes: readonly LaneSummary[]): RaceVerdict['meanCloserToZero'] {
  const elu = lanes.find((lane) => lane.act === 'elu'), relu = lanes.find((lane) => lane.act === 'relu');
  if (elu === undefined || relu === undefined) return null;
  const diffs = elu.meanActivation.map((values, h) => pairedDifference(values.map(Math.abs), relu.meanActivation[h].map(Math.abs)));
  return { elu: elu.meanActivation.map(spread), relu: relu.meanActivation.map(spread), diffs, calls: diffs.map(callOf) };
}

function meanText(m: NonNullable<RaceVerdict['meanCloserToZero']>): string {
  const values = `(${m.elu.map((s) => signed(s.mean)).join(', ')} vs ${m.relu.map((s) => signed(s.mean)).join(', ')})`;
  if (m.diffs.every((d) => d.n < 2)) return `ELU's mean activation per layer ${values}: one seed, no call`;
  const parts = CALLS.flatMap((call) => {
    const layers = m.calls.flatMap((c, h) => (c === call ? [String(h + 1)] : []));
    if (layers.length === 0) return [];
    const where = `layer${layers.length > 1 ? 's' : ''} ${list(layers)}`;
    return [call === 'within noise' ? `within the noise in ${where}` : `${callWords(call, 'closer to zero than ReLU\'s', 'farther from zero than ReLU\'s', 2)} in ${where}`];
  });
  return `ELU's mean activation is ${list(parts)} ${values}`;
}

/** The verdict from per-lane summaries (pure; summarizeRace gives them for a live race). */
export function verdictFrom(lanes: readonly LaneSummary[], context: VerdictContext): RaceVerdict {
  const pending = context.step < context.maxSteps;
  const inactive = compareMetric(lanes, (lane) => lane.inactiveFraction);
  const accuracy = compareMetric(lanes, (lane) => lane.testAccuracy);
  const meanCloserToZero = meanComparison(lanes);
  const opening = pending ? `So far (step ${context.step} of ${context.maxSteps})` : `After ${context.step} steps${context.regime === 'stress' ? ' under stress' : ''}`;
  const clauses: string[] = [];
  if (inactive !== null) {
    const ref = inactive.reference;
    clauses.push([ref, ...inactive.others].every((c) => c.value.mean === 0)
      ? `${opening}, no hidden unit is inactive on every training example`
      : `${opening}, ${metricClause(inactive, `${ref.label} has ${percent(ref.value.mean)} of its hidden units inactive on every training example${range(ref.value, context.seeds)}`, { lower: 'fewer', higher: 'more' }, context.seeds)}`);
  }
  if (meanCloserToZero !== null) clauses.push(meanText(meanCloserToZero));
  if (accuracy !== null) {
    const ref = accuracy.reference;
    clauses.push(`Test accuracy: ${metricClause(accuracy, `${ref.label} ${percent(ref.value.mean)}${range(ref.value, context.seeds)}`, { lower: 'lower', higher: 'higher' }, context.seeds)}`);
  }
  const diverged = lanes.filter((lane) => lane.diverged > 0).map((lane) => `${lane.label} diverged in ${lane.diverged} of ${context.seeds} seeds (left out)`);
  if (diverged.length) clauses.push(list(diverged));
  const measured = lanes.some((lane) => spread(lane.trainLoss).n > 0 || lane.diverged > 0);
  const text = lanes.length === 0 ? 'No activation is selected.' : measured ? `${clauses.join('. ')}.` : 'Nothing measured yet.';
  return { pending, inactive, meanCloserToZero, accuracy, text };
}

export function verdict(race: VariantsRace): RaceVerdict {
  const { regime, maxSteps, seeds } = race.settings;
  return verdictFrom(summarizeRace(race), { regime, step: race.step, maxSteps, seeds });
}
