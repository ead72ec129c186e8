import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { renderDecisionMap, rowRuns } from '../../../src/widgets/charts/decision-map.ts';

const { document } = new JSDOM('').window;

describe('rowRuns', () => {
  it('groups equal neighbours of one row', () => {
    expect(rowRuns([0, 0, 1, 1, 1, 2, 0, 0, 0], 1, 3)).toEqual([
      [0, 2, 1],
      [2, 1, 2],
    ]);
  });
});

describe('renderDecisionMap', () => {
  it('draws one rectangle per run and one marker per finite point, with shapes per class', () => {
    const predictions = [0, 0, 1, 1, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 1];
    const svg = renderDecisionMap(
      {
        predictions,
        resolution: 4,
        extent: [-1, 1],
        points: [
          { x: 0, y: 0, label: 0 },
          { x: 0.5, y: 0.5, label: 1 },
          { x: -0.5, y: 0.5, label: 2 },
          { x: NaN, y: 0, label: 1 },
        ],
      },
      { document, size: 100, title: 'Decision regions', description: 'Three classes' },
    );
    expect(svg.querySelectorAll('rect')).toHaveLength(5);
    expect(svg.querySelectorAll('circle')).toHaveLength(1);
    expect(svg.querySelectorAll('g:last-child path')).toHaveLength(2);
    expect(svg.getAttribute('aria-label')).toBe('Decision regions');
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
  });
});
