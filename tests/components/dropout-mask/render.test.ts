import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { batchMasks, gradientFlow, type MaskSettings } from '../../../components/dropout-mask/model.ts';
import { describeDropoutMask, describeLayer, renderDropoutMask, renderMaskBatch, renderMaskNet, type DropoutMaskView } from '../../../components/dropout-mask/render.ts';
import type { ChartSize } from '../../../src/widgets/chart-size.ts';
import { overlappingText, textBoxes, textOutside, viewBoxSize } from '../svg-text.ts';

const { document } = new JSDOM('').window;
const base: MaskSettings = { p: 0.5, pin: 0.2, seed: 1, resample: 0, dropInput: true, dropHidden: true };

function view(settings: MaskSettings, sample: number, backprop: boolean): DropoutMaskView {
  const batch = batchMasks(settings);
  return { batch, sample, resample: settings.resample, seed: settings.seed, gradients: backprop ? gradientFlow(settings, batch[sample - 1]) : null };
}

describe('dropout-mask charts', () => {
  it('crosses the dropped units of the sample shown and draws only the connections between kept units', () => {
    const v = view(base, 2, false);
    const svg = renderMaskNet(v, { document });
    const shown = v.batch[1];
    const dropped = shown.layers.reduce((n, l) => n + l.mask.length - l.kept, 0);
    expect(svg.querySelectorAll('.units g[data-kept="false"]')).toHaveLength(dropped);
    for (const g of svg.querySelectorAll('.units g[data-kept="false"]')) {
      expect(g.querySelector('path.cross')).not.toBeNull();
      expect(g.querySelector('circle')?.getAttribute('stroke-dasharray')).toBe('5 4');
    }
    const kept = [...shown.layers.map((l) => l.kept), 2];
    const expectedEdges = kept.slice(0, -1).reduce((n, k, i) => n + k * kept[i + 1], 0);
    expect(svg.querySelectorAll('.edges line')).toHaveLength(expectedEdges);
    expect(svg.querySelectorAll('.gradient-edges line')).toHaveLength(0);
  });

  it('highlights the weights that get gradient when backprop is on', () => {
    const v = view(base, 1, true);
    const svg = renderMaskNet(v, { document });
    expect(svg.querySelectorAll('.gradient-edges line')).toHaveLength(v.gradients!.flowing);
    expect(describeDropoutMask(v)).toMatch(/Backpropagation for sample 1: \d+ of 55 weights get a non-zero gradient/);
  });

  it('shows the masks of all four samples, one row each, the selected one outlined', () => {
    const v = view(base, 3, false);
    const svg = renderMaskBatch(v, { document });
    const rows = svg.querySelectorAll('g[data-sample]');
    expect(rows).toHaveLength(4);
    rows.forEach((row, r) => {
      expect(row.querySelectorAll('rect[data-kept]')).toHaveLength(14);
      const dropped = v.batch[r].layers.reduce((n, l) => n + l.mask.length - l.kept, 0);
      expect(row.querySelectorAll('rect[data-kept="false"]')).toHaveLength(dropped);
      expect(row.getAttribute('data-selected')).toBe(String(r === 2));
    });
  });

  it('counts the dropped cells of each layer over the batch, against the expected p·n·B', () => {
    const v = view(base, 1, false);
    const svg = renderMaskBatch(v, { document });
    [0, 1, 2].forEach((l) => {
      const dropped = v.batch.reduce((n, s) => n + s.layers[l].mask.length - s.layers[l].kept, 0);
      expect(svg.querySelector(`[data-dropped="layer-${l}"]`)?.textContent).toBe(`${dropped} of ${v.batch.length * v.batch[0].layers[l].mask.length}`);
    });
  });

  it('are images with a text alternative, and never write NaN or Infinity', () => {
    for (const p of [0, 0.5, 0.9]) {
      const v = view({ ...base, p, pin: p }, 1, true);
      const charts = renderDropoutMask(v, { document });
      const svgs = [...charts.querySelectorAll('svg')];
      expect(svgs).toHaveLength(2);
      for (const svg of svgs) {
        expect(svg.getAttribute('role')).toBe('img');
        expect(svg.getAttribute('aria-label')).toMatch(/sample 1/);
        expect(svg.querySelector('desc')?.textContent).toBe(describeDropoutMask(v));
        expect(svg.outerHTML).not.toMatch(/NaN|Infinity|undefined/);
      }
    }
  });

  it('says in words which units each layer keeps, against the expected (1 − p)·n', () => {
    const v = view(base, 1, false);
    const text = describeDropoutMask(v);
    expect(text).toMatch(/^Sample 1 of 4 \(seed 1, resample 0\): input keeps/);
    expect(text).toContain('expected 2.5 at p = 0.5');
    expect(text).toContain('expected 3.2 at p = 0.2');
    expect(describeLayer({ layer: 1, active: true, p: 0.5, mask: Float64Array.of(1, 0, 1, 1, 0), kept: 3, expected: 2.5 })).toBe(
      'hidden layer 1 keeps units 1, 3 and 4 (3 of 5; expected 2.5 at p = 0.5)',
    );
    expect(describeLayer({ layer: 0, active: false, p: 0, mask: Float64Array.of(1, 1, 1, 1), kept: 4, expected: 4 })).toBe('input: dropout off, all 4 units kept');
  });
});

describe('dropout-mask charts at each size', () => {
  const slide: ChartSize = { width: 670, height: 400, density: 'slide' };
  const phones: ChartSize[] = [
    { width: 267, height: 330, density: 'phone' },
    { width: 237, height: 330, density: 'phone' },
  ];
  const cases = [view(base, 1, false), view(base, 4, true), view({ ...base, p: 0.9, dropInput: false }, 2, true), view({ ...base, resample: 3 }, 3, false)];

  it('on a slide, draws the one chart asked for, filling the box, with text of at least 18 px', () => {
    for (const v of cases)
      for (const panel of ['net', 'batch'] as const) {
        const charts = renderDropoutMask(v, { document, size: slide, panel });
        const svgs = charts.querySelectorAll('svg');
        expect(svgs).toHaveLength(1);
        const svg = svgs[0];
        expect(viewBoxSize(svg)).toEqual([slide.width, slide.height]);
        expect(svg.getAttribute('width')).toBe(String(slide.width));
        const boxes = textBoxes(svg);
        expect(Math.min(...boxes.map((b) => b.size))).toBeGreaterThanOrEqual(18);
        expect(overlappingText(boxes)).toEqual([]);
        expect(textOutside(boxes, slide.width, slide.height)).toEqual([]);
        // Filling the box: its marks and labels reach across most of its width and down to its bottom.
        expect(Math.max(...boxes.map((b) => b.y1))).toBeGreaterThan(slide.height * 0.9);
        const right = Math.max(...[...svg.querySelectorAll('circle, rect')].map((m) => Number(m.getAttribute('cx') ?? Number(m.getAttribute('x')) + Number(m.getAttribute('width')))));
        expect(right).toBeGreaterThan(slide.width * 0.85);
      }
  });

  it('on a phone, draws both charts at the width it has, with text of at least 13 px, none of it overlapping', () => {
    for (const size of phones)
      for (const v of cases) {
        const charts = renderDropoutMask(v, { document, size });
        const svgs = [...charts.querySelectorAll('svg')];
        expect(svgs).toHaveLength(2);
        for (const svg of svgs) {
          const [w, h] = viewBoxSize(svg);
          expect(w).toBe(size.width);
          expect(svg.outerHTML).not.toMatch(/NaN|Infinity|undefined/);
          const boxes = textBoxes(svg);
          expect(Math.min(...boxes.map((b) => b.size))).toBeGreaterThanOrEqual(13);
          expect(overlappingText(boxes)).toEqual([]);
          expect(textOutside(boxes, w, h)).toEqual([]);
        }
      }
  });

  it('runs the net top to bottom on a phone, where its layer names would not fit side by side', () => {
    const v = view(base, 1, false);
    const wide = renderMaskNet(v, { document, size: slide });
    const narrow = renderMaskNet(v, { document, size: phones[1] });
    const y = (svg: Element, layer: number) => Number(svg.querySelector(`.units g[data-layer="${layer}"] circle`)?.getAttribute('cy'));
    const x = (svg: Element, layer: number) => Number(svg.querySelector(`.units g[data-layer="${layer}"] circle`)?.getAttribute('cx'));
    expect(x(wide, 3)).toBeGreaterThan(x(wide, 0));
    expect(y(narrow, 3)).toBeGreaterThan(y(narrow, 0));
    // Every unit of the vertical net stays inside the drawing.
    for (const c of narrow.querySelectorAll('circle')) {
      const [cx, r] = [Number(c.getAttribute('cx')), Number(c.getAttribute('r'))];
      expect(cx - r).toBeGreaterThanOrEqual(0);
      expect(cx + r).toBeLessThanOrEqual(phones[1].width);
    }
  });
});
