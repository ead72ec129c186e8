/**
 * Build-time figures (src/widgets/built-figure.ts, components/<name>/figure.ts): each widget's figure at the default
 * settings, drawn in Node with the live widget's model and render functions. A training widget's figure is its run
 * finished in one go at build time; the live widget runs the same run a slice of work per frame. These tests state
 * that the two are the same numbers: a run advanced one unit of work at a time (the finest slicing a frame budget can
 * give) ends in the state the build drew, word for word and mark for mark.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { defaultValues } from '../../src/widgets/params.ts';
import { figureValues, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import remarkStepParams from '../../src/deck/remark-step-params.ts';
import type { DatasetName } from '../../src/engine/index.ts';

import { buildReluCurveFigure } from '../../components/relu-curve/figure.ts';
import { buildActivationExplorerFigure } from '../../components/activation-explorer/figure.ts';
import { buildDropoutMaskFigure } from '../../components/dropout-mask/figure.ts';
import { buildInvertedDropoutFigure } from '../../components/inverted-dropout/figure.ts';
import { buildPreluSlopesFigure, finishedDefaultPreluRun } from '../../components/prelu-slopes/figure.ts';
import { buildVariantsRaceFigure, finishedDefaultVariantsRace } from '../../components/variants-race/figure.ts';
import { buildDropoutOverfitFigure, finishedDefaultOverfit } from '../../components/dropout-overfit/figure.ts';
import { buildPSweepFigure, finishedDefaultSweep } from '../../components/p-sweep/figure.ts';
import { buildUnitAblationFigure, finishedDefaultAblation } from '../../components/unit-ablation/figure.ts';

import { createPreluRun, stepRun } from '../../components/prelu-slopes/model.ts';
import { describeSlopes, renderPreluSlopes } from '../../components/prelu-slopes/render.ts';
import { advanceVariantsRace, createVariantsRace } from '../../components/variants-race/model.ts';
import { raceSettingsFor } from '../../components/variants-race/settings.ts';
import { describeVariantsRace } from '../../components/variants-race/describe.ts';
import { raceView, renderRacePanel } from '../../components/variants-race/render.ts';
import { advanceOverfit, createOverfit, prepareOverfit } from '../../components/dropout-overfit/model.ts';
import { describeOverfit, overfitView, renderLossChart, renderOverfitMap } from '../../components/dropout-overfit/render.ts';
import { advanceSweep, createSweep } from '../../components/p-sweep/model.ts';
import { describeSweep, renderSweep, sweepView } from '../../components/p-sweep/render.ts';
import { advanceAblation, createAblation } from '../../components/unit-ablation/model.ts';
import { ablationView, describeAblation, renderKnockoutChart } from '../../components/unit-ablation/render.ts';

const { document } = new JSDOM('').window;
const d = defaultValues();
const SIZE = { width: 750, height: 300, density: 'page' as const };
/** A clock that says the frame's time is up after every unit of work. */
const late = () => Number.POSITIVE_INFINITY;

const BUILDERS: Record<string, (doc: Document, view: PageView) => BuiltFigure> = {
  'relu-curve': buildReluCurveFigure,
  'activation-explorer': buildActivationExplorerFigure,
  'dropout-mask': buildDropoutMaskFigure,
  'inverted-dropout': buildInvertedDropoutFigure,
  'prelu-slopes': buildPreluSlopesFigure,
  'variants-race': buildVariantsRaceFigure,
  'dropout-overfit': buildDropoutOverfitFigure,
  'p-sweep': buildPSweepFigure,
  'unit-ablation': buildUnitAblationFigure,
};

describe('every build-time figure', () => {
  for (const [name, build] of Object.entries(BUILDERS)) {
    it(`${name}: a laptop and a phone drawing for reading, one drawing for a slide, the summary and a settings line`, () => {
      const holder = document.createElement('div');
      const reading = build(document, 'reading');
      holder.innerHTML = reading.plot;
      expect([...holder.querySelectorAll(':scope > .built-figure')].map((b) => (b as HTMLElement).dataset.density)).toEqual(['page', 'phone']);
      expect(holder.querySelectorAll('.built-figure[data-density="page"] svg').length).toBeGreaterThan(0);
      const slide = build(document, 'slides');
      holder.innerHTML = slide.plot;
      expect([...holder.querySelectorAll(':scope > .built-figure')].map((b) => (b as HTMLElement).dataset.density)).toEqual(['slide']);
      for (const figure of [reading, slide]) {
        expect(figure.summary.length).toBeGreaterThan(40);
        expect(figure.params).toMatch(/\w/);
        expect(`${figure.plot}${figure.summary}${figure.params}`).not.toMatch(/NaN|Infinity|undefined|loads when/);
      }
    });
  }
});

describe('a training widget run a unit of work at a time ends where the build-time figure is', () => {
  it('prelu-slopes: one step at a time, as the controller steps', () => {
    const live = createPreluRun({ lr: d.lr, seed: d.seed });
    while (stepRun(live, 1) === 'more');
    const built = finishedDefaultPreluRun();
    expect(describeSlopes(live)).toBe(describeSlopes(built));
    expect(renderPreluSlopes(live, { document, size: SIZE }).outerHTML).toBe(renderPreluSlopes(built, { document, size: SIZE }).outerHTML);
  });

  it('variants-race: one chunk at a time', () => {
    const live = createVariantsRace(raceSettingsFor(d));
    while (advanceVariantsRace(live, 0, 1) === 'ready');
    const built = finishedDefaultVariantsRace();
    expect(describeVariantsRace(live)).toBe(describeVariantsRace(built));
    expect(renderRacePanel('inactive', raceView(live), { document, size: SIZE }).outerHTML).toBe(renderRacePanel('inactive', raceView(built), { document, size: SIZE }).outerHTML);
  });

  it('dropout-overfit: the maps before training first, then one unit of work at a time', () => {
    const live = createOverfit({ dataset: d.dataset as DatasetName, labelNoise: d.noise, p: d.p, lr: d.lr, seed: d.seed });
    while (!prepareOverfit(live, 0, late));
    while (advanceOverfit(live, 0, late) === 'ready');
    const [a, b] = [overfitView(live), overfitView(finishedDefaultOverfit())];
    expect(describeOverfit(a)).toBe(describeOverfit(b));
    for (const i of [0, 1]) {
      expect(renderLossChart(a, i, { document, size: SIZE }).outerHTML).toBe(renderLossChart(b, i, { document, size: SIZE }).outerHTML);
      expect(renderOverfitMap(a, i, { document, size: 300 })?.outerHTML).toBe(renderOverfitMap(b, i, { document, size: 300 })?.outerHTML);
    }
  });

  it('p-sweep: one unit of work at a time', () => {
    const live = createSweep({ dataset: d.dataset as DatasetName, labelNoise: d.noise, lr: d.lr, seed: d.seed });
    while (advanceSweep(live, 0, late) === 'ready');
    const [a, b] = [sweepView(live), sweepView(finishedDefaultSweep())];
    expect(describeSweep(a)).toBe(describeSweep(b));
    expect(renderSweep(a, { document, size: SIZE }).outerHTML).toBe(renderSweep(b, { document, size: SIZE }).outerHTML);
  });

  it('unit-ablation: one unit of work at a time, training and knock-outs', () => {
    const live = createAblation({ p: d.p, lr: d.lr, seed: d.seed });
    while (!['done', 'diverged'].includes(advanceAblation(live, 0, late)));
    const [a, b] = [ablationView(live), ablationView(finishedDefaultAblation())];
    expect(describeAblation(a)).toBe(describeAblation(b));
    expect(renderKnockoutChart(a, 0, { document, size: SIZE }).outerHTML).toBe(renderKnockoutChart(b, 0, { document, size: SIZE }).outerHTML);
  });
});

describe('a slide draws the settings of its <Step params>', () => {
  it('figureValues: the defaults when reading, the step settings over them on a slide', () => {
    expect(figureValues('reading', 'act=elu')).toEqual(d);
    expect(figureValues('slides', 'act=elu&maskPanel=batch')).toEqual({ ...d, act: 'elu', maskPanel: 'batch' });
    expect(figureValues('slides')).toEqual(d);
  });

  it('remarkStepParams gives each component inside a <Step params> its settings, and nothing to others', () => {
    const jsx = (name: string, attributes: Array<{ type: string; name: string; value: string }> = [], children: object[] = []) => ({ type: 'mdxJsxFlowElement', name, attributes, children });
    const widget = jsx('DropoutMask', [{ type: 'mdxJsxAttribute', name: 'id', value: 'dropout-mask-batch' }]);
    const html = jsx('div');
    const outside = jsx('ReluCurve');
    const tree = { type: 'root', children: [jsx('Slide', [], [jsx('Step', [{ type: 'mdxJsxAttribute', name: 'params', value: 'maskPanel=batch' }], [{ type: 'paragraph', children: [] }, widget, html]), outside])] };
    remarkStepParams()(tree as Parameters<ReturnType<typeof remarkStepParams>>[0]);
    expect(widget.attributes).toEqual([
      { type: 'mdxJsxAttribute', name: 'id', value: 'dropout-mask-batch' },
      { type: 'mdxJsxAttribute', name: 'stepParams', value: 'maskPanel=batch' },
    ]);
    expect(html.attributes).toEqual([]);
    expect(outside.attributes).toEqual([]);
  });

  it('dropout-mask in a "maskPanel=batch" step draws the mini-batch masks on the slide', () => {
    const holder = document.createElement('div');
    holder.innerHTML = buildDropoutMaskFigure(document, 'slides', figureValues('slides', 'maskPanel=batch')).plot;
    expect(holder.querySelector('svg')?.getAttribute('aria-label')).toMatch(/^Dropout masks of the 4 samples/);
  });
});
