import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { conventions, createMaskRun, drawMasks, estimates } from '../../../components/inverted-dropout/model.ts';
import { axisMax, conventionCells, describeInverted, renderInverted, type InvertedView } from '../../../components/inverted-dropout/render.ts';
import type { ChartSize } from '../../../src/widgets/chart-size.ts';
import { overlappingText, textBoxes, textOutside, viewBoxSize } from '../svg-text.ts';

const { document } = new JSDOM('').window;

function view(seed: number, p: number, n: number): InvertedView {
  const run = createMaskRun(seed, p);
  drawMasks(run, n);
  return { p, count: run.count, units: estimates(run), lastMask: run.lastMask, conventions: conventions(p, run) };
}

describe('renderInverted', () => {
  it('draws per unit the test output, the ±2 std band and the running mean, and the latest mask', () => {
    const v = view(1, 0.5, 100);
    const svg = renderInverted(v, { document });
    expect(svg.querySelectorAll('g[data-unit]')).toHaveLength(6);
    expect(svg.querySelectorAll('.test-output')).toHaveLength(6);
    expect(svg.querySelectorAll('.band')).toHaveLength(6);
    expect(svg.querySelectorAll('.running-mean').length).toBeGreaterThan(0);
    expect(svg.querySelectorAll('rect[data-kept]')).toHaveLength(6);
    expect(svg.querySelectorAll('rect[data-kept="false"]')).toHaveLength(Array.from(v.lastMask).filter((m) => m === 0).length);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('desc')?.textContent).toBe(describeInverted(v));
  });

  it('draws no mean, band or mask before the first draw, and no NaN anywhere', () => {
    for (const [p, n] of [[0, 0], [0.5, 0], [0.5, 1], [0.9, 1], [0.9, 3], [0, 20]] as const) {
      const v = view(4, p, n);
      const svg = renderInverted(v, { document });
      expect(svg.outerHTML).not.toMatch(/NaN|Infinity|undefined/);
      if (n === 0) {
        expect(svg.querySelectorAll('.running-mean, .band, rect[data-kept]')).toHaveLength(0);
        expect(describeInverted(v)).toContain('No masks drawn yet');
      }
    }
  });

  it('pins means beyond the axis to its top with their value (p = 0.9, one mask)', () => {
    const v = view(1, 0.9, 1);
    const svg = renderInverted(v, { document });
    const over = v.units.filter((u) => u.mean > axisMax(v.units)).length;
    expect(svg.querySelectorAll('.running-mean')).toHaveLength(6 - over);
    expect([...svg.querySelectorAll('text')].filter((t) => t.textContent?.startsWith('↑'))).toHaveLength(over);
  });

  it('summarises the running means against h and the three conventions in words', () => {
    const text = describeInverted(view(1, 0.5, 100));
    expect(text).toMatch(/After 100 masks the running means of m ⊙ h \/ \(1 − p\) are [\d., ]+; \d of 6 lie within h ± 2 standard deviations/);
    expect(text).toContain('Inverted dropout (frameworks, this lecture): training average 1·h, test 1·h, matches');
  });
});

describe('conventionCells', () => {
  it('fills the table: exact average, mean over the masks, test output and the verdict', () => {
    const cells = conventionCells(conventions(0.2), 0);
    expect(cells.map((row) => row.slice(1))).toEqual([
      ['1·h', 'no masks yet', '1·h', '✓ matches'],
      ['0.8·h', 'no masks yet', '0.8·h', '✓ matches'],
      ['0.8·h', 'no masks yet', '0.2·h', '✗ test is 0.25× the training average'],
    ]);
  });

  it('has shorter words for a slide or a phone, with the same numbers', () => {
    const p = 0.2;
    const run = createMaskRun(1, p);
    drawMasks(run, 50);
    const long = conventionCells(conventions(p, run), 50);
    const short = conventionCells(conventions(p, run), 50, true);
    expect(short.map((row) => row[0])).toEqual(['Inverted', 'Standard', 'ConvNetJS']);
    expect(short.map((row) => row.slice(1, 4))).toEqual(long.map((row) => row.slice(1, 4)));
    expect(short.map((row) => row[4])).toEqual(['✓ yes', '✓ yes', '✗ 0.25×']);
    expect(conventionCells(conventions(p), 0, true)[0][2]).toBe('–');
  });
});

describe('renderInverted at each size', () => {
  const slide: ChartSize = { width: 647, height: 356, density: 'slide' };
  const phones: ChartSize[] = [
    { width: 267, height: 340, density: 'phone' },
    { width: 237, height: 340, density: 'phone' },
  ];
  const cases = [view(1, 0.5, 0), view(1, 0.5, 100), view(2, 0.9, 1), view(3, 0.3, 2000), view(4, 0, 5)];

  it('on a slide, fills the box with text of at least 18 px, every label clear of the others', () => {
    for (const v of cases) {
      const svg = renderInverted(v, { document, size: slide });
      expect(viewBoxSize(svg)).toEqual([slide.width, slide.height]);
      const boxes = textBoxes(svg);
      expect(Math.min(...boxes.map((b) => b.size))).toBeGreaterThanOrEqual(18);
      expect(overlappingText(boxes)).toEqual([]);
      expect(textOutside(boxes, slide.width, slide.height)).toEqual([]);
      // The bars span the width; the rows under the axis reach the bottom.
      const bars = [...svg.querySelectorAll('g[data-unit] rect:not(.band):not([data-kept])')];
      const last = bars.at(-1)!;
      expect(Number(last.getAttribute('x')) + Number(last.getAttribute('width'))).toBeGreaterThan(slide.width * 0.9);
      expect(Math.max(...boxes.map((b) => b.y1))).toBeGreaterThan(slide.height * 0.8);
    }
  });

  it('on a phone, draws at the width it has: text of at least 13 px, numbers short enough for their slots', () => {
    for (const size of phones)
      for (const v of cases) {
        const svg = renderInverted(v, { document, size });
        expect(viewBoxSize(svg)).toEqual([size.width, size.height]);
        expect(svg.outerHTML).not.toMatch(/NaN|Infinity|undefined/);
        const boxes = textBoxes(svg);
        expect(Math.min(...boxes.map((b) => b.size))).toBeGreaterThanOrEqual(13);
        expect(overlappingText(boxes)).toEqual([]);
        expect(textOutside(boxes, size.width, size.height)).toEqual([]);
      }
  });
});
