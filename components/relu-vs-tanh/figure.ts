/**
 * The ReLU-vs-tanh race at the default settings, run to its end and drawn at build time (src/widgets/built-figure.ts)
 * with the live widget's model and render functions: the page opens on the finished race; Train runs it again live.
 */
import { defaultValues } from '../../src/widgets/params.ts';
import { builtVariants, buildSizes, html, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import { createRace, stepRace, type Race } from './model.ts';
import { CHART_SIZE, describeRace, formatCount, raceView, renderRaceChart, renderRaceLegend } from './render.ts';

let finished: Race | null = null;

/** The race the live widget runs at the default settings, to its end (once per build). */
export function finishedDefaultRace(): Race {
  if (finished) return finished;
  const d = defaultValues();
  const race = createRace({ seed: d.seed, lr: d.lr, targetError: d.targetError / 100 });
  while (stepRace(race) === 'ready');
  return (finished = race);
}

export function buildReluVsTanhFigure(document: Document, view: PageView): BuiltFigure {
  const race = finishedDefaultRace();
  const v = raceView(race);
  const variants = builtVariants(document, buildSizes(view, CHART_SIZE), (size) => {
    const legend = document.createElement('div');
    legend.append(renderRaceLegend(v, { document }));
    const chart = document.createElement('div');
    chart.className = 'chart-box';
    chart.append(renderRaceChart(v, { document, size }));
    return [legend, chart];
  });
  return { plot: html(variants), summary: describeRace(v), params: `learning rate ${v.lr}, target ${Math.round(v.targetError * 100)}% training error, seed ${race.settings.seed}, after ${formatCount(race.step)} steps` };
}
