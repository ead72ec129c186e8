/**
 * Observable Plot with this site's accessibility conventions. Plot labels each mark's <g> with
 * aria-label, which ARIA prohibits on an element without a role; the chart's own label and
 * description (and the widget's live text summary) carry the meaning, so the marks' labels go.
 */
import * as Plot from '@observablehq/plot';

export function dropMarkLabels<T extends Element>(el: T): T {
  for (const g of el.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
  return el;
}

/** Plot.plot, then the accessibility clean-up; use it instead of Plot.plot in every widget. */
export function plot(options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  return dropMarkLabels(Plot.plot(options));
}
