// The build-time figure (components/mc-dropout/figure.ts): its drawings, summary and settings line, equal to what the
// live render functions draw for the default state (the numbers the worker's logic gives the committed network).
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { MC_PLOT_WIDTH, buildMcFigure, mcDefaultState, probabilitySize, type McDefaultState } from '../../../components/mc-dropout/figure.ts';
import { CURVE_SIZE, PROBABILITY_SIZE, curveChart, probabilityChart } from '../../../components/mc-dropout/render.ts';
import { summary } from '../../../components/mc-dropout/describe.ts';
import { MC_SEED } from '../../../components/mc-dropout/session.ts';
import { curveRng } from '../../../components/mc-dropout/measure.ts';
import { mlpFromSpec, specFromStored } from '../../../components/mc-dropout/network.ts';
import { parseNetwork } from '../../../components/mc-dropout/network-file.ts';
import pretrainedCurve from '../../../components/mc-dropout/pretrained-curve.json';
import { buildSizes, builtVariants, html } from '../../../src/widgets/built-figure.ts';
import { defaultValues } from '../../../src/widgets/params.ts';
import { scaledProbabilities, summarizeSamples, thinnedProbabilities } from '../../../src/engine/index.ts';
import { committedNetworkBytes, realDigits } from './real-digits.ts';

const { document } = new JSDOM('').window;
let state: McDefaultState;

beforeAll(async () => {
  state = await mcDefaultState();
}, 60_000);

describe('mc-dropout build-time figure', () => {
  it('is the default state: test digit mcDigit at T = mcT, the pre-trained network, the stored curve over all test digits', () => {
    const d = defaultValues();
    expect(state.digit).toBe(d.mcDigit);
    expect(state.T).toBe(d.mcT);
    expect(state.prediction.T).toBe(d.mcT);
    expect(state.prediction.source).toMatchObject({ kind: 'test', index: d.mcDigit });
    expect(state.network.kind).toBe('pretrained');
    expect(state.curve).toMatchObject({ count: 2000, total: 2000, done: true, scaledWrong: pretrainedCurve.scaledWrong, wrong: pretrainedCurve.wrong });
  });

  it('predicts with the seeded samples the worker draws for that test digit (MC_SEED, stream `example i`)', () => {
    const parsed = parseNetwork(committedNetworkBytes());
    if (!parsed.ok) throw new Error(parsed.error);
    const net = mlpFromSpec(specFromStored(parsed.network));
    const { test } = realDigits();
    const x = test.x.data.slice(state.digit * 784, (state.digit + 1) * 784);
    const samples = thinnedProbabilities(net, x, state.T, curveRng(MC_SEED).fork(`example ${state.digit}`), 0);
    const s = summarizeSamples(samples, 10, state.T);
    expect(state.prediction.scaled).toEqual(Array.from(scaledProbabilities(net, x)));
    expect(state.prediction.mean).toEqual(Array.from(s.mean));
    expect(state.prediction.low).toEqual(Array.from(s.low));
    expect(state.prediction.high).toEqual(Array.from(s.high));
    expect(state.prediction.votes).toEqual(Array.from(s.votes));
    expect(state.prediction.source).toMatchObject({ label: test.labels[state.digit] });
  }, 60_000);

  for (const view of ['reading', 'slides'] as const) {
    it(`carries the ${view} drawings, the summary and the settings line, as the render functions draw them`, async () => {
      const built = await buildMcFigure(document, view);
      const box = document.createElement('div');
      box.innerHTML = built.plot;
      const curveBox = document.createElement('div');
      curveBox.innerHTML = built.curve;
      const densities = view === 'slides' ? ['slide'] : ['page', 'phone'];
      expect([...box.querySelectorAll('.built-figure')].map((b) => (b as HTMLElement).dataset.density)).toEqual(densities);
      expect([...curveBox.querySelectorAll('.built-figure')].map((b) => (b as HTMLElement).dataset.density)).toEqual(densities);
      for (const svg of [...box.querySelectorAll('svg'), ...curveBox.querySelectorAll('svg')]) {
        expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
        expect(svg.querySelectorAll('rect, path, circle, line').length).toBeGreaterThan(5);
      }
      // Ten digits, two bars each, in every probability drawing; the curve's T in use as a dot.
      for (const svg of box.querySelectorAll(':scope > .built-figure > svg')) expect(svg.getAttribute('aria-label')).toMatch(/mean of 50 thinned networks/);
      for (const svg of curveBox.querySelectorAll(':scope > .built-figure > svg')) expect(svg.querySelectorAll('circle').length).toBe(1);

      // Equal to the render functions at the default state.
      const expectedPlot = html(builtVariants(document, buildSizes(view, PROBABILITY_SIZE), (size) => probabilityChart(state.prediction, probabilitySize(size), document)));
      const expectedCurve = html(builtVariants(document, buildSizes(view, CURVE_SIZE), (size) => curveChart({ ...state.curve, T: state.T }, size, document)));
      expect(built.plot).toBe(expectedPlot);
      expect(built.curve).toBe(expectedCurve);
      expect(built.summary).toBe(summary({ input: state.input, prediction: state.prediction, network: state.network, curve: { ...state.curve, T: state.T } }));
      expect(built.summary).toMatch(/^Network: the pre-trained network, 784-64-64-10 ReLU .*Input: test digit 0, a \d\. Scaled network: .*Over all 2000 test digits/);
      expect(built.params).toMatch(/^The pre-trained 784-64-64-10 network .*test digit 0, a \d; T = 50 thinned networks, seed 1$/);
      expect(built.params).not.toContain('\n');
    }, 60_000);
  }

  it('draws the probabilities for the box beside the pad: a phone density beside it on a laptop, the whole box on a phone', () => {
    expect(probabilitySize({ width: 750, height: 340, density: 'page' })).toEqual({ width: MC_PLOT_WIDTH.page, height: PROBABILITY_SIZE.phoneHeight, density: 'phone' });
    expect(probabilitySize({ width: 237, height: 300, density: 'phone' })).toEqual({ width: 237, height: PROBABILITY_SIZE.phoneHeight, density: 'phone' });
    expect(probabilitySize({ width: 640, height: 300, density: 'slide' }).density).toBe('slide');
  });

});
