/**
 * Test helpers: what a chart's text would render at, read from its SVG (jsdom has no layout). A text's size is the
 * nearest font-size attribute on it or a group around it; the chart's own size is its style's font-size (Plot's
 * `font-size="10"` attribute on the <svg> is overridden by that style).
 */
export function textSizes(svg: Element): Array<{ text: string; px: number }> {
  const root = svg.localName === 'svg' ? svg : svg.querySelector('svg');
  if (!root) return [];
  const base = Number.parseFloat((root as SVGSVGElement).style.fontSize || root.getAttribute('font-size') || 'NaN');
  return [...root.querySelectorAll('text')].map((text) => {
    let px = base;
    for (let el: Element | null = text; el && el !== root; el = el.parentElement) {
      const attr = el.getAttribute('font-size');
      if (attr) {
        px = Number.parseFloat(attr);
        break;
      }
    }
    return { text: text.textContent ?? '', px };
  });
}

/** The smallest text size in every chart under `root` (Infinity when there is no text). */
export function smallestText(root: Element): number {
  const svgs = root.localName === 'svg' ? [root] : [...root.querySelectorAll('svg[aria-label]')];
  return Math.min(...svgs.flatMap((svg) => textSizes(svg).map((t) => t.px)));
}

/** How many texts are plain numbers (tick labels: "−4", "0.25", "1,000"). */
export function numericTexts(root: Element): number {
  return [...root.querySelectorAll('text')].filter((t) => /^[−-]?[\d,]+(\.\d+)?$/.test((t.textContent ?? '').trim())).length;
}

/**
 * The smallest distance (px) between neighbouring x-axis tick labels. Plot places each label with
 * transform="translate(x,y)" in a group shifted down (translate(0,n)); the y axis's group is shifted left instead.
 */
export function xTickGap(svg: Element): number {
  const xs = [...svg.querySelectorAll('g[transform^="translate(0,"] > text')]
    .filter((t) => /^[−-]?[\d,]+(\.\d+)?$/.test((t.textContent ?? '').trim()))
    .map((t) => Number(/translate\(([-\d.]+),/.exec(t.getAttribute('transform') ?? '')?.[1]))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  return Math.min(...xs.slice(1).map((x, i) => x - xs[i]));
}
