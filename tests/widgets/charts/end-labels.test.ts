import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { spreadOffsets, toPixels } from '../../../src/widgets/charts/end-labels.ts';
import { renderLineChart } from '../../../src/widgets/charts/line-chart.ts';

const positions = fc.array(fc.double({ min: -500, max: 500, noNaN: true }), { minLength: 1, maxLength: 8 });
const gap = fc.double({ min: 1, max: 40, noNaN: true });

describe('spreadOffsets', () => {
  it('leaves every pair of labels at least a gap apart, in their original order', () => {
    fc.assert(
      fc.property(positions, gap, (pos, g) => {
        const offsets = spreadOffsets(pos, g);
        const placed = pos.map((p, i) => ({ p, at: p + offsets[i] })).sort((a, b) => a.p - b.p);
        for (let k = 1; k < placed.length; k++) expect(placed[k].at - placed[k - 1].at).toBeGreaterThanOrEqual(g - 1e-9);
      }),
    );
  });

  it('moves crowded labels around their mean position: the offsets sum to zero', () => {
    fc.assert(
      fc.property(positions, gap, (pos, g) => {
        const total = spreadOffsets(pos, g).reduce((a, b) => a + b, 0);
        expect(Math.abs(total)).toBeLessThan(1e-6 * Math.max(1, ...pos.map(Math.abs)));
      }),
    );
  });

  it('does not move labels that already have room', () => {
    expect(spreadOffsets([0, 50, 100], 16)).toEqual([0, 0, 0]);
    expect(spreadOffsets([100, 100], 16)).toEqual([-8, 8]);
    // A crowded pair pushes apart; the distant label stays.
    expect(spreadOffsets([10, 12, 200], 16)).toEqual([-7, 7, 0]);
  });

  it('keeps every label at or above `lowest`, those above a moved one moving up to stay apart', () => {
    // Three names ending at the x axis (200 px): none below 190, stacked 16 apart above it.
    expect(spreadOffsets([200, 200, 200], 16, 190)).toEqual([-42, -26, -10]);
    // A label already above the limit and clear of the moved one stays.
    expect(spreadOffsets([100, 200], 16, 190)).toEqual([0, -10]);
    // Order is kept: the moved label never jumps above a neighbour.
    const pos = [185, 195, 199];
    const placed = spreadOffsets(pos, 12, 190).map((o, i) => pos[i] + o);
    expect(Math.max(...placed)).toBeLessThanOrEqual(190);
    for (let i = 1; i < placed.length; i++) expect(placed[i] - placed[i - 1]).toBeGreaterThanOrEqual(12 - 1e-9);
  });
});

describe('toPixels', () => {
  it('maps the domain onto the range, linearly or on a log scale', () => {
    expect(toPixels(0, { domain: [0, 2], range: [200, 0] })).toBe(200);
    expect(toPixels(1, { domain: [0, 2], range: [200, 0] })).toBe(100);
    expect(toPixels(10, { domain: [1, 100], range: [200, 0], type: 'log' })).toBeCloseTo(100, 9);
    expect(Number.isFinite(toPixels(0, { domain: [1, 100], range: [200, 0], type: 'log' }))).toBe(false);
  });
});

describe('line chart end labels', () => {
  it('never prints two names on top of each other when the lines end together', () => {
    const { document } = new JSDOM('').window;
    const svg = renderLineChart(
      [
        { name: 'train', ys: [1.2] },
        { name: 'test', ys: [1.2] },
      ],
      { document, xLabel: 'step', yLabel: 'loss', ariaLabel: 'Loss', ariaDescription: 'Two curves ending together' },
    );
    const labels = [...svg.querySelectorAll('text')].filter((t) => t.textContent === 'train' || t.textContent === 'test');
    expect(labels).toHaveLength(2);
    const ys = labels.map(translateY); // (their y attributes are the same)
    expect(Math.abs(ys[0] - ys[1])).toBeGreaterThanOrEqual(16);
  });
});

/** The vertical translation Plot puts on a text element or its group. */
function translateY(el: Element): number {
  let total = 0;
  for (let node: Element | null = el; node && node.localName !== 'svg'; node = node.parentElement) {
    const m = /translate\(\s*[-\d.e]+\s*,\s*([-\d.e]+)\s*\)/.exec(node.getAttribute('transform') ?? '');
    if (m) total += Number(m[1]);
  }
  return total;
}
