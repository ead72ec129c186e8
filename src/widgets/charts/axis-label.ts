/**
 * The y axis's name above its top-left corner, as Plot draws it ("↑ name"), but with the whole line box inside the
 * chart. Plot puts that label 3 px below the chart's top edge whatever the text size, so at 18 px (a slide) the top of
 * its line box pokes about a pixel above the chart and is cut off there; this one sits `gap` px lower. Pure.
 */
import * as Plot from '@observablehq/plot';

export interface AxisLabelOptions {
  fontSize: number;
  marginTop: number;
  marginLeft: number;
  /** Space above the line box (px). */
  gap?: number;
}

/** A text mark for the y axis name; pass `label: null` to the y scale so Plot does not draw its own. */
export function yAxisLabel(text: string, options: AxisLabelOptions): Plot.Markish {
  const { fontSize, marginTop, marginLeft, gap = 2 } = options;
  // lineAnchor 'top' puts the baseline 0.71 em below the anchor; the line box reaches about 0.93 em above it.
  return Plot.text([`↑ ${text}`], {
    text: (d: string) => d,
    frameAnchor: 'top-left',
    lineAnchor: 'top',
    textAnchor: 'start',
    dx: 3 - marginLeft,
    dy: gap + 0.25 * fontSize - marginTop,
    fill: 'currentColor',
    fontSize,
  });
}
