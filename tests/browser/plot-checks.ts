/**
 * In-page checks of a widget's drawings (passed to locator.evaluate, so each function is self-contained), used by
 * quality-plots.spec.ts.
 */

/**
 * Every outermost <svg> is either hidden from assistive technology (aria-hidden, the widget's text summary standing
 * in for it) or an image with a name (role img / graphics-document and an aria-label, aria-labelledby or <title>).
 */
export function unlabelledSvgs(root: Element): string[] {
  const found: string[] = [];
  for (const svg of root.querySelectorAll('svg')) {
    if (svg.parentElement?.closest('svg') || svg.closest('[aria-hidden="true"]')) continue;
    const role = svg.getAttribute('role');
    const labelledBy = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join('');
    const name = (svg.getAttribute('aria-label') ?? '') + labelledBy + (svg.querySelector(':scope > title')?.textContent ?? '');
    if (role !== 'img' && role !== 'graphics-document') found.push(`svg without role img (${svg.outerHTML.slice(0, 80)})`);
    else if (!name.trim()) found.push(`svg role=${role} without a name (${svg.outerHTML.slice(0, 80)})`);
  }
  return found;
}

/**
 * Nothing is told apart by colour alone. Within each <svg>: lines (stroked, unfilled) of different colours differ in
 * dash pattern too, and markers (small filled shapes) of different colours differ in shape or in a text-coloured outline too. Colours are computed
 * values; a shape is its element name plus its path's command letters (a circle, a square and a triangle differ).
 */
export function colourOnlySeries(root: Element): string[] {
  const found: string[] = [];
  for (const svg of root.querySelectorAll('svg')) {
    if (svg.parentElement?.closest('svg')) continue;
    const lines = new Map<string, Set<string>>();
    const markers = new Map<string, Set<string>>();
    const add = (map: Map<string, Set<string>>, colour: string, cue: string) => map.set(colour, (map.get(colour) ?? new Set()).add(cue));
    for (const el of svg.querySelectorAll<SVGGraphicsElement>('path, line, polyline, circle, rect, polygon')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const box = el.getBBox();
      if (box.width === 0 && box.height === 0) continue;
      const stroked = style.stroke !== 'none' && Number(style.strokeOpacity) > 0;
      const filled = style.fill !== 'none' && Number(style.fillOpacity) > 0;
      const neutral = (colour: string) => colour === style.color || colour === getComputedStyle(svg).color;
      if (stroked && !filled && el.tagName !== 'rect' && !neutral(style.stroke)) add(lines, style.stroke, style.strokeDasharray);
      else if (filled && box.width <= 24 && box.height <= 24 && !neutral(style.fill)) {
        // An outline in the text colour is a second cue (an outlined bar beside a plain one), as a dash is for a line.
        const outlined = stroked && Number.parseFloat(style.strokeWidth) > 0 && neutral(style.stroke) ? ' outlined' : '';
        add(markers, style.fill, `${el.tagName}:${(el.getAttribute('d') ?? '').replace(/[^a-zA-Z]/g, '')}${outlined}`);
      }
    }
    const label = svg.getAttribute('aria-label') ?? svg.outerHTML.slice(0, 60);
    for (const [kind, map] of [['lines', lines], ['markers', markers]] as const) {
      const colours = [...map.keys()];
      for (let i = 0; i < colours.length; i++) {
        for (let j = i + 1; j < colours.length; j++) {
          const a = [...map.get(colours[i])!].sort().join(' | ');
          const b = [...map.get(colours[j])!].sort().join(' | ');
          if (a === b) found.push(`${label}: ${kind} in ${colours[i]} and ${colours[j]} differ only by colour (${a || 'solid'})`);
        }
      }
    }
  }
  return found;
}

/**
 * Start counting the widget's plot changes (DOM mutations) made while its Train button says the run is on, and
 * those made while it is off, and the status line's changes while it is on (each is one frame of training).
 */
export function countPlotChanges(widget: Element): void {
  const plot = widget.querySelector('[data-role="plot"]')!;
  const play = widget.querySelector('[data-role="play"]')!;
  const status = widget.querySelector('[data-role="status"]')!;
  const counts = { plotWhileRunning: 0, plotWhenStopped: 0, statusWhileRunning: 0 };
  const running = () => play.getAttribute('aria-pressed') === 'true';
  new MutationObserver(() => (running() ? counts.plotWhileRunning++ : counts.plotWhenStopped++)).observe(plot, { subtree: true, childList: true, attributes: true, characterData: true });
  new MutationObserver(() => running() && counts.statusWhileRunning++).observe(status, { subtree: true, childList: true, characterData: true });
  (widget as unknown as { qaCounts: typeof counts }).qaCounts = counts;
}

/** The counts kept since countPlotChanges(widget). */
export function plotChanges(widget: Element): { plotWhileRunning: number; plotWhenStopped: number; statusWhileRunning: number } {
  return (widget as unknown as { qaCounts: { plotWhileRunning: number; plotWhenStopped: number; statusWhileRunning: number } }).qaCounts;
}
