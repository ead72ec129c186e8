/**
 * The race's status line. On a slide, one short sentence the room can read: the step, and the fraction of units
 * inactive on every training point for the lanes that differ most. On a page, every lane's fraction.
 */
import type { VariantsRace } from './model.ts';
import { spread, summarizeRace } from './summary.ts';

const pct = (v: number): string => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : '–');

export function shortStatus(race: VariantsRace, onSlide: boolean): string {
  const lanes = summarizeRace(race).map((lane) => ({ label: lane.label, inactive: spread(lane.inactiveFraction).mean })).filter((lane) => Number.isFinite(lane.inactive));
  if (!onSlide) {
    const head = `Step ${race.step} of ${race.settings.maxSteps}${race.settings.regime === 'stress' ? ', under stress' : ''}`;
    return lanes.length ? `${head} · inactive on every training point: ${lanes.map((lane) => `${lane.label} ${pct(lane.inactive)}`).join(', ')}` : `${head}.`;
  }
  // The rectifiers that differ most (tanh is the reference, not a contender).
  const rectifiers = lanes.filter((lane) => lane.label !== 'tanh');
  const sorted = [...(rectifiers.length ? rectifiers : lanes)].sort((a, b) => b.inactive - a.inactive);
  const shown = sorted.length > 2 ? [sorted[0], sorted[sorted.length - 1]] : sorted;
  return `Step ${race.step}${shown.length ? ` · inactive: ${shown.map((lane) => `${lane.label} ${pct(lane.inactive)}`).join(', ')}` : ''}`;
}

/** The one-line settings under a printed figure. */
export function raceParams(race: VariantsRace): string {
  const s = race.settings;
  return `${s.regime === 'stress' ? 'under stress, ' : ''}learning rate ${s.lr}, ${s.seeds} seed${s.seeds === 1 ? '' : 's'} per activation from seed ${s.seed}, after ${race.step} steps`;
}
