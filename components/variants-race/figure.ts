/**
 * The variants race at the default settings, run to its end and drawn at build time (src/widgets/built-figure.ts)
 * with the live widget's model and render functions: the page opens on the finished race; Train runs it again live.
 */
import { defaultValues, type ParamValues } from '../../src/widgets/params.ts';
import { builtVariants, buildSizes, html, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import { createVariantsRace, stepChunk, type VariantsRace } from './model.ts';
import { finishedRace } from './findings.ts';
import { raceSettingsFor } from './settings.ts';
import { describeVariantsRace } from './describe.ts';
import { verdict } from './verdict.ts';
import { raceParams } from './status.ts';
import { CHART_SIZE, RACE_PANELS, raceView, renderRacePanel, type RacePanel } from './render.ts';

let custom: VariantsRace | null = null;

/** The race the live widget runs at the default settings, to its end (once per build, shared with the findings). */
export function finishedDefaultVariantsRace(): VariantsRace {
  const d = defaultValues();
  const settings = raceSettingsFor(d);
  // The lesson's findings run the same race (every lane, the default seeds): share it when the defaults agree.
  if (settings.acts?.length === 6 && settings.seeds === 3) return finishedRace(d.stress, d.seed);
  if (!custom) {
    custom = createVariantsRace(settings);
    while (stepChunk(custom));
  }
  return custom;
}

/** `values`: which chart a slide shows (the race is always the default one: the live widget keeps this figure only then). */
export function buildVariantsRaceFigure(document: Document, view: PageView, values: ParamValues = defaultValues()): BuiltFigure & { verdict: string } {
  const race = finishedDefaultVariantsRace();
  const v = raceView(race);
  const panels: readonly RacePanel[] = view === 'slides' ? [values.racePanel as RacePanel] : RACE_PANELS;
  const variants = builtVariants(document, buildSizes(view, CHART_SIZE), (size) => {
    const root = document.createElement('div');
    root.className = 'variants-race-charts';
    for (const panel of panels) {
      const box = document.createElement('div');
      box.className = 'chart-box';
      box.append(renderRacePanel(panel, v, { document, size }));
      root.append(box);
    }
    return root;
  });
  return { plot: html(variants), summary: describeVariantsRace(race), params: raceParams(race), verdict: verdict(race).text };
}
