import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';
import { yAxisName } from '../../../src/widgets/charts/axis-name.ts';

const { document } = new JSDOM('').window;

/** Where a text anchored at its top (y = 0.71em) has the top of its glyphs: about 0.22 em above the anchor. */
const glyphTop = (anchorY: number, fontSize: number) => anchorY - 0.22 * fontSize;

describe('yAxisName', () => {
  for (const fontSize of [13, 18, 24])
    it(`keeps the tops of ${fontSize} px glyphs inside the chart, above the frame`, () => {
      const margin = { marginLeft: 3 * fontSize, marginTop: Math.round(1.7 * fontSize) };
      const svg = Plot.plot({ document, width: 300, height: 200, ...margin, y: { domain: [0, 1], label: null }, marks: [yAxisName('loss', { ...margin, fontSize })] });
      const text = [...svg.querySelectorAll('text')].find((t) => t.textContent === '↑ loss')!;
      // Plot places the text at the frame's corner and moves its group by (dx, dy).
      const at = (el: Element) => /translate\(([-\d.]+),([-\d.]+)\)/.exec(el.getAttribute('transform') ?? '')!.slice(1).map(Number);
      const [tx, ty] = at(text), [gx, gy] = at(text.parentElement!);
      const [x, y] = [tx + gx, ty + gy];
      expect(x).toBe(3);
      expect(glyphTop(y, fontSize)).toBeGreaterThanOrEqual(1);
      // Its descenders stay above the plot frame.
      expect(y + 0.71 * fontSize + 0.25 * fontSize).toBeLessThanOrEqual(margin.marginTop);
      expect(text.closest('[font-size]')?.getAttribute('font-size')).toBe(String(fontSize));
    });
});
