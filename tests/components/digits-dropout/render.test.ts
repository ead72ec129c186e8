import { beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { digitsDataset } from '../../../src/digits/dataset.ts';
import { advance, createDigitsExperiment, type DigitsExperiment } from '../../../components/digits-dropout/model.ts';
import { DIGITS_DROPOUT } from '../../../components/digits-dropout/model.ts';
import { firstLayerTiles } from '../../../components/digits-dropout/tiles.ts';
import type { RunSnapshot } from '../../../components/digits-dropout/protocol.ts';
import { activationsChart, errorDomain, errorsChart, featuresPanel, histogramOf, integerTicks, renderDigitsPanel, tileImage, type DigitsView } from '../../../components/digits-dropout/render.ts';
import type { ChartSize } from '../../../src/widgets/chart-size.ts';
import { barAsset, toDatasets } from './fixtures.ts';

const { document } = new JSDOM('').window;
const SIZES: ChartSize[] = [
  { width: 640, height: 280, density: 'page' },
  { width: 340, height: 240, density: 'phone' },
  { width: 700, height: 380, density: 'slide' },
];

/** A finished small run on the synthetic bar digits, as the worker would report it. */
function viewOf(e: DigitsExperiment, change = false, initial: Float32Array | null = null): DigitsView {
  const runs = e.runs.map((run): RunSnapshot => ({ hidden: run.latest!.hidden, tiles: firstLayerTiles(run.trainer.net, 16), tileCount: 16 })) as unknown as [RunSnapshot, RunSnapshot];
  return {
    epochs: e.settings.epochs,
    curves: e.runs.map((r) => ({ label: r.label, epochs: [...r.curves.epochs], trainError: [...r.curves.trainError], testError: [...r.curves.testError] })) as never,
    snapshot: { epoch: 4, bins: DIGITS_DROPOUT.bins, runs },
    initialTiles: initial,
    change,
  };
}

describe('digits-dropout render', { timeout: 60_000 }, () => {
  let e: DigitsExperiment;
  let initial: Float32Array;
  const empty: DigitsView = { epochs: 40, curves: null, snapshot: null, initialTiles: null, change: false };
  beforeAll(() => {
    e = createDigitsExperiment(toDatasets(barAsset(200, 100), digitsDataset), { trainCount: 200, width: 16, epochs: 4, lr: 0.05, momentum: 0.9, seed: 2 });
    initial = firstLayerTiles(e.runs[0].trainer.net, 16);
    let t = 0;
    while (advance(e, (t += 1000), () => t) === 'training');
  });

  it('draws the error chart: four lines, each its own dash, named at their ends, a marker shape per net', () => {
    for (const size of SIZES) {
      const drawn = errorsChart(viewOf(e), document, size);
      // A phone has no room for names at the lines' ends: a legend above the chart names them.
      const svg = size.density === 'phone' ? drawn.querySelector('svg[aria-label]')! : drawn;
      if (size.density === 'phone') expect(drawn.querySelector('.chart-legend')).not.toBeNull();
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('width')).toBe(String(size.width));
      const dashes = [...svg.querySelectorAll('path[stroke-dasharray], g[stroke-dasharray]')].map((p) => p.getAttribute('stroke-dasharray'));
      expect(new Set(dashes).size).toBeGreaterThanOrEqual(3);
      for (const name of ['test, no dropout', 'test, dropout', 'train, no dropout', 'train, dropout']) expect(drawn.textContent).toContain(name);
      expect(svg.getAttribute('aria-description')).toMatch(/At epoch 4: test error no dropout \d+\.\d%/);
      expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
      // Chart text is drawn at the density's size (18 px on a slide).
      expect(svg.getAttribute('style') ?? svg.outerHTML).toContain(size.density === 'slide' ? '18px' : size.density === 'page' ? '14px' : '13px');
    }
  });

  it('cuts the error axis at 20%, higher only when the latest errors need it', () => {
    expect(errorDomain(null)).toEqual([0, 0.2]);
    const curves = (test: number): DigitsView['curves'] => [{ label: '', epochs: [0, 1], trainError: [0.9, 0.01], testError: [0.9, test] }, { label: '', epochs: [0, 1], trainError: [0.9, 0.02], testError: [0.9, 0.05] }];
    expect(errorDomain(curves(0.07))).toEqual([0, 0.2]);
    expect(errorDomain(curves(0.3))[1]).toBeCloseTo(0.4, 12);
  });

  it('draws empty charts (axes, no lines) before any training, with a name that says so', () => {
    for (const panel of ['errors', 'activations', 'features'] as const) {
      const el = renderDigitsPanel(panel, empty, { document, size: SIZES[0], paint: () => {} });
      if (panel === 'features') expect(el.textContent).toContain('The weights appear here when training starts.');
      expect(el.getAttribute('role')).toBe('img');
      expect(el.getAttribute('aria-label') ?? '').not.toBe('');
      expect(el.outerHTML).not.toMatch(/NaN|Infinity/);
    }
    expect(errorsChart(empty, document, SIZES[0]).getAttribute('aria-description')).toMatch(/press Train/);
  });

  it('histogram: shares of all activations per bin with exact zeros taken out, summing with them to 1', () => {
    const snap = viewOf(e).snapshot!;
    for (const run of snap.runs) {
      const h = histogramOf(run, snap.bins)!;
      const shown = h.bins.reduce((s, b) => s + b.share, 0);
      expect(shown + h.zeroFraction + h.aboveFraction).toBeCloseTo(1, 3);
      expect(h.bins.every((b) => b.share >= 0)).toBe(true);
      expect(h.mean).toBe(run.hidden[0].mean);
    }
  });

  it('draws the activations chart: an outline and a mean line per net, with a dash of each net, and the means named', () => {
    for (const size of SIZES) {
      const drawn = activationsChart(viewOf(e), document, size);
      const svg = size.density === 'phone' ? drawn.querySelector('svg[aria-label]')! : drawn;
      const text = drawn.textContent ?? '';
      expect(text).toMatch(/no dropout: mean \d\.\d\d, \d+% exactly 0/);
      expect(text).toMatch(/\bdropout: mean \d\.\d\d, \d+% exactly 0/);
      const dashes = new Set([...svg.querySelectorAll('[stroke-dasharray]')].map((p) => p.getAttribute('stroke-dasharray')));
      expect(dashes.size).toBeGreaterThanOrEqual(3);
      expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
    }
  });

  it('tile sheets: one grey 28 × 28 tile per unit, each scaled to its largest |w| (0 mid grey), gaps transparent', () => {
    const tiles = new Float32Array(4 * 784);
    tiles[0] = 2; // tile 0: one bright pixel, the rest 0
    tiles[784 + 1] = -0.5; // tile 1: one dark pixel
    const image = tileImage(tiles, 4, { columns: 2, gap: 2 });
    expect([image.width, image.height]).toEqual([58, 58]);
    const at = (x: number, y: number) => Array.from(image.data.slice((y * image.width + x) * 4, (y * image.width + x) * 4 + 4));
    expect(at(0, 0)).toEqual([255, 255, 255, 255]);
    expect(at(1, 0)).toEqual([128, 128, 128, 255]);
    expect(at(31, 0)).toEqual([1, 1, 1, 255]); // tile 1 starts at x = 30
    expect(at(28, 0)).toEqual([0, 0, 0, 0]); // the gap
    const moved = tileImage(tiles, 4, { columns: 2, subtract: tiles });
    expect(at.call(null, 0, 0)).not.toEqual(Array.from(moved.data.slice(0, 4)));
    expect(Array.from(moved.data.slice(0, 4))).toEqual([128, 128, 128, 255]); // no change: mid grey
  });

  it('the features panel: both nets titled, one canvas each painted with its sheet, sized for the box, a hidden key', () => {
    for (const size of SIZES) {
      const painted: number[] = [];
      const panel = featuresPanel(viewOf(e, true, initial), document, size, (_canvas, image) => painted.push(image.width));
      expect(panel.getAttribute('role')).toBe('img');
      expect(panel.getAttribute('aria-label')).toMatch(/16 hidden units of each network .* how far each weight moved/);
      expect([...panel.querySelectorAll('.digits-features-title')].map((t) => t.textContent)).toEqual(['Without dropout', 'With dropout']);
      const canvases = [...panel.querySelectorAll('canvas')];
      expect(canvases).toHaveLength(2);
      expect(painted).toEqual([4 * 28 + 3 * 2, 4 * 28 + 3 * 2]);
      const shown = parseFloat(canvases[0].style.width);
      expect((size.density === 'phone' ? 1 : 2) * shown).toBeLessThanOrEqual(size.width);
      if (size.density === 'slide') expect(parseFloat(canvases[0].style.height)).toBeLessThanOrEqual(size.height);
      expect(panel.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
      expect(panel.textContent).toContain('Change since the start');
    }
  });
});

describe('integerTicks', () => {
  it('whole epochs at a round step, from 0', () => {
    expect(integerTicks(3.07, 4)).toEqual([0, 1, 2, 3]);
    expect(integerTicks(40, 4)).toEqual([0, 10, 20, 30, 40]);
    expect(integerTicks(40, 6)).toEqual([0, 10, 20, 30, 40]);
    expect(integerTicks(100, 3)).toEqual([0, 50, 100]);
    expect(integerTicks(1, 5)).toEqual([0, 1]);
  });
});

describe('text on a zoomed slide', () => {
  it('draws chart text larger by 1 / zoom, so it renders at the slide size', () => {
    const view: DigitsView = { epochs: 40, curves: null, snapshot: null, initialTiles: null, change: false };
    const plain = errorsChart(view, document, { width: 800, height: 480, density: 'slide' });
    const zoomed = errorsChart(view, document, { width: 800, height: 480, density: 'slide', textScale: 1 / 0.8 });
    expect(plain.outerHTML).toContain('font-size: 18px');
    expect(zoomed.outerHTML).toContain('font-size: 22.5px');
  });
});
