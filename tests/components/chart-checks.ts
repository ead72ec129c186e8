/**
 * What a reader sees of a chart drawn in Node: the size every text is drawn at, and the x-axis tick labels.
 * The size of a text is the nearest font size set on it or an ancestor, a style beating an attribute on the same
 * element (as CSS beats an SVG presentation attribute).
 */
export function textSizes(svg: Element): number[] {
  return [...svg.querySelectorAll('text')].map((text) => {
    for (let el: Element | null = text; el; el = el.parentElement) {
      const style = (el as SVGElement).style?.fontSize;
      if (style) return Number.parseFloat(style);
      const attr = el.getAttribute('font-size');
      if (attr) return Number.parseFloat(attr);
    }
    return NaN;
  });
}

/** Observable Plot's x-axis tick labels (the tabular-number group moved down from the axis). */
export function xTickLabels(svg: Element): string[] {
  return [...svg.querySelectorAll('g[font-variant="tabular-nums"]')]
    .filter((g) => g.getAttribute('transform')?.startsWith('translate(0,'))
    .flatMap((g) => [...g.querySelectorAll('text')].map((t) => t.textContent ?? ''));
}
