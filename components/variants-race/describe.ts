/** The variants race in words, with its numbers (the figure's text alternative and the summary under it). */
import { SETUP, type VariantsRace } from './model.ts';
import { spread, summarizeRace, type LaneSummary, type Spread } from './summary.ts';
import { verdict } from './verdict.ts';

/** Typographic minus, a fixed number of decimals; '–' for a missing number. */
export function num(v: number, digits = 2): string {
  return Number.isFinite(v) ? v.toFixed(digits).replace('-', '−') : '–';
}

function shown(s: Spread, format: (v: number) => string): string {
  if (s.n === 0) return '–';
  return s.n > 1 && s.max > s.min ? `${format(s.mean)} (${format(s.min)} to ${format(s.max)})` : format(s.mean);
}

const percent = (v: number): string => `${num(v * 100, 0)}%`;
const count = (v: number): string => num(v, v === Math.round(v) ? 0 : 1);

export function setupText(race: VariantsRace): string {
  const s = race.settings;
  const hidden = SETUP.sizes.slice(1, -1);
  const regime = s.regime === 'stress'
    ? `under stress: learning rate ${s.lr}, every hidden bias starting at ${num(s.biasShift, 2)}`
    : `learning rate ${s.lr}, biases starting at 0`;
  return `${hidden.length} hidden layers of ${hidden[0]} units, ${race.train.x.rows} training and ${race.test.x.rows} test spiral points (seed ${s.seed}); the same He-normal initial weights and minibatches of ${SETUP.batchSize} for every activation, ${regime}; ${s.seeds} seed${s.seeds === 1 ? '' : 's'} per activation (numbers are the mean, with the range over seeds); step ${race.step} of ${s.maxSteps}.`;
}

export function laneText(lane: LaneSummary): string {
  const diverged = lane.diverged > 0 ? ` (diverged in ${lane.diverged} seed${lane.diverged === 1 ? '' : 's'}, left out)` : '';
  if (spread(lane.trainLoss).n === 0) return `${lane.label}: ${lane.diverged === lane.trainLoss.length ? 'diverged in every seed' : 'not measured yet'}.`;
  const means = lane.meanActivation.map((values) => num(spread(values).mean)).join(', ');
  return `${lane.label}${diverged}: training loss ${shown(spread(lane.trainLoss), (v) => num(v))}, test accuracy ${shown(spread(lane.testAccuracy), percent)}, ` +
    `${shown(spread(lane.inactiveFraction), percent)} of hidden units inactive on every training example; ` +
    `${count(spread(lane.everInactive).mean)} units ever inactive, ${count(spread(lane.revived).mean)} of them active again ` +
    `(first layer: ${count(spread(lane.everInactiveFirstLayer).mean)} and ${count(spread(lane.revivedFirstLayer).mean)}); ` +
    `mean activation per hidden layer ${means}.`;
}

export function describeVariantsRace(race: VariantsRace): string {
  return [setupText(race), ...summarizeRace(race).map(laneText), verdict(race).text].join(' ');
}
