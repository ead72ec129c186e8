/**
 * The numbers the lesson's text quotes about the variants race, computed by the engine from the widget's own default
 * settings (seed 1, three seeds, 600 steps), so the page and the widget cannot disagree: the lesson's MDX runs this
 * at build time. A full race is a few seconds of work.
 */
import { createVariantsRace, stepChunk, type RaceActivation, type VariantsRace } from './model.ts';
import { spread, summarizeRace } from './summary.ts';
import { verdict } from './verdict.ts';

export interface LaneFinding {
  label: string;
  /** Means over the seeds. */
  inactive: number;
  testAccuracy: number;
  everInactiveFirstLayer: number;
  revivedFirstLayer: number;
  meanActivation: number[];
  /** Fewer inactive units than ReLU in every seed, beyond the seed-to-seed noise. */
  clearlyFewerInactive: boolean;
}

const finished = new Map<string, VariantsRace>();

/**
 * The race at the widget's default settings (all lanes, three seeds) under `stress` or not, run to its end: once per
 * build, for the lesson's quoted numbers and the widget's build-time figure (figure.ts) alike.
 */
export function finishedRace(stress: boolean, seed = 1): VariantsRace {
  const key = `${stress} ${seed}`;
  let race = finished.get(key);
  if (!race) {
    race = createVariantsRace({ seed, stress });
    while (stepChunk(race));
    finished.set(key, race);
  }
  return race;
}

export function raceFindings(stress: boolean, seed = 1): Record<RaceActivation, LaneFinding> {
  const race = finishedRace(stress, seed);
  const calls = new Map((verdict(race).inactive?.others ?? []).map((c) => [c.act, c.call]));
  const out = {} as Record<RaceActivation, LaneFinding>;
  for (const lane of summarizeRace(race)) {
    out[lane.act] = {
      label: lane.label,
      inactive: spread(lane.inactiveFraction).mean,
      testAccuracy: spread(lane.testAccuracy).mean,
      everInactiveFirstLayer: spread(lane.everInactiveFirstLayer).mean,
      revivedFirstLayer: spread(lane.revivedFirstLayer).mean,
      meanActivation: lane.meanActivation.map((values) => spread(values).mean),
      clearlyFewerInactive: calls.get(lane.act) === 'lower',
    };
  }
  return out;
}
