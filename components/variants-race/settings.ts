/** The race the page's parameters ask for (the controller and the build-time figure, figure.ts). */
import type { ParamValues } from '../../src/widgets/params.ts';
import type { RaceActivation, VariantsRaceSettings } from './model.ts';

/** The lanes the toggles ask for, in the race's order. */
export function lanesFor(values: ParamValues): RaceActivation[] {
  const on: Array<[RaceActivation, boolean]> = [
    ['relu', values.raceRelu], ['leaky_relu', values.raceLeaky], ['prelu', values.racePrelu],
    ['rrelu', values.raceRrelu], ['elu', values.raceElu], ['tanh', values.raceTanh],
  ];
  return on.filter(([, shown]) => shown).map(([act]) => act);
}

export const raceSettingsFor = (v: ParamValues): VariantsRaceSettings => ({ seed: v.seed, stress: v.stress, seeds: v.seeds, acts: lanesFor(v) });
