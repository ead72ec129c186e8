import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { batchMasks, gradientFlow, type MaskSettings } from '../../../components/dropout-mask/model.ts';
import { describeDropoutMask, describeLayer, renderDropoutMask, type DropoutMaskView } from '../../../components/dropout-mask/render.ts';

const { document } = new JSDOM('').window;
const base: MaskSettings = { p: 0.5, pin: 0.2, seed: 1, resample: 0, dropInput: true, dropHidden: true };

function view(settings: MaskSettings, sample: number, backprop: boolean): DropoutMaskView {
  const batch = batchMasks(settings);
  return { batch, sample, resample: settings.resample, seed: settings.seed, gradients: backprop ? gradientFlow(settings, batch[sample - 1]) : null };
}

describe('renderDropoutMask', () => {
  it('crosses the dropped units of the sample shown and draws only the connections between kept units', () => {
    const v = view(base, 2, false);
    const svg = renderDropoutMask(v, { document });
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
    const svg = renderDropoutMask(v, { document });
    expect(svg.querySelectorAll('.gradient-edges line')).toHaveLength(v.gradients!.flowing);
    expect(describeDropoutMask(v)).toMatch(/Backpropagation for sample 1: \d+ of 55 weights get a non-zero gradient/);
  });

  it('shows the masks of all four samples, the selected one outlined', () => {
    const v = view(base, 3, false);
    const svg = renderDropoutMask(v, { document });
    const rows = svg.querySelectorAll('g[data-sample]');
    expect(rows).toHaveLength(4);
    rows.forEach((row, r) => {
      expect(row.querySelectorAll('rect[data-kept]')).toHaveLength(14);
      const dropped = v.batch[r].layers.reduce((n, l) => n + l.mask.length - l.kept, 0);
      expect(row.querySelectorAll('rect[data-kept="false"]')).toHaveLength(dropped);
      expect(row.getAttribute('data-selected')).toBe(String(r === 2));
    });
  });

  it('is an image with a text alternative, and never writes NaN or Infinity', () => {
    for (const p of [0, 0.5, 0.9]) {
      const v = view({ ...base, p, pin: p }, 1, true);
      const svg = renderDropoutMask(v, { document });
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toMatch(/sample 1/);
      expect(svg.querySelector('desc')?.textContent).toBe(describeDropoutMask(v));
      expect(svg.outerHTML).not.toMatch(/NaN|Infinity|undefined/);
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
