import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';
import { chartsAsImages, plot } from '../../../src/widgets/charts/plot.ts';

const { document } = new JSDOM('').window;

describe('chartsAsImages', () => {
  it('makes a labelled chart one named image and hides an unlabelled one', () => {
    const labelled = plot({ document, ariaLabel: 'Loss', ariaDescription: 'Falls from 1 to 0.2', marks: [Plot.lineY([1, 0.5, 0.2])] });
    expect(labelled.getAttribute('role')).toBe('img');
    expect(labelled.getAttribute('aria-label')).toBe('Loss');
    expect(labelled.getAttribute('aria-hidden')).toBeNull();
    const unlabelled = plot({ document, marks: [Plot.lineY([1, 2])] });
    expect(unlabelled.getAttribute('role')).toBeNull();
    expect(unlabelled.getAttribute('aria-hidden')).toBe('true');
  });

  it('handles the svg charts inside a figure', () => {
    const figure = document.createElement('figure');
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('aria-label', 'Chart');
    figure.append(svg);
    chartsAsImages(figure);
    expect(svg.getAttribute('role')).toBe('img');
  });
});
