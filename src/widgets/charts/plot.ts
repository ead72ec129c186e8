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

/**
 * Plot puts a <style> element in every chart, which the site's Content-Security-Policy refuses (style-src 'self').
 * Removed before the chart joins the page; its rules (block display, fluid size, `white-space: pre` for text,
 * --plot-background) live in src/widgets/widget.css.
 */
export function dropStyleElements<T extends Element>(el: T): T {
  for (const style of el.querySelectorAll('style')) style.remove();
  return el;
}

/**
 * A chart is one image to assistive technology: role="img" with its aria-label (and Plot's aria-description), so a
 * screen reader reads the name and description instead of every tick label. A chart without a label is hidden;
 * the widget's text summary stands in for it.
 */
export function chartsAsImages<T extends Element>(el: T): T {
  const svgs = el.localName === 'svg' ? [el] : Array.from(el.querySelectorAll('svg'));
  for (const svg of svgs) {
    if (svg.getAttribute('aria-label')) svg.setAttribute('role', 'img');
    else svg.setAttribute('aria-hidden', 'true');
  }
  return el;
}

/** Plot.plot, then the accessibility and CSP clean-ups; use it instead of Plot.plot in every widget. */
export function plot(options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  return chartsAsImages(dropStyleElements(dropMarkLabels(Plot.plot(options))));
}
