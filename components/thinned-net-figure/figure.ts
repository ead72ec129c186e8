/**
 * Figure 1 of Srivastava et al. 2014 in our own drawing: a standard net with two hidden layers (left) and a
 * thinned net produced by dropout (right). The mask is the engine's (sampleDropoutMask, a fixed seed), drawn with
 * the paper's typical drop probabilities: 0.5 for hidden units, 0.2 for inputs (their retain probabilities 0.5
 * and 0.8). Built at build time as an SVG string — there is no DOM on the server — from numbers only, with every
 * piece of text escaped. A dropped unit is crossed (✕) AND has a dashed outline, so colour is never the only cue.
 */
import { createRng, sampleDropoutMask } from '../../src/engine/index.ts';
import { droppedIndices, layerName, layoutNet, listUnits, type NetLayout } from './net-geometry.ts';

export const FIGURE_SIZES: readonly number[] = [4, 5, 5, 2];
/** Srivastava et al. 2014: typical retain probabilities 0.8 (inputs) and 0.5 (hidden) → drop 0.2 and 0.5. */
export const FIGURE_P_INPUT = 0.2;
export const FIGURE_P_HIDDEN = 0.5;

export interface FigureMasks {
  /** The seed the masks were drawn from. */
  readonly seed: number;
  /** One mask per layer, inputs first; the output layer is never dropped (all ones). */
  readonly masks: readonly Float64Array[];
}

/** Masks for every layer from one seed: inputs with pInput, hidden layers with pHidden, outputs kept. */
export function figureMasks(seed: number, sizes: readonly number[] = FIGURE_SIZES, pInput = FIGURE_P_INPUT, pHidden = FIGURE_P_HIDDEN): FigureMasks {
  const rng = createRng(seed).fork('thinned-net-figure');
  const last = sizes.length - 1;
  const masks = sizes.map((n, layer) => {
    if (layer === last) return new Float64Array(n).fill(1);
    return sampleDropoutMask(rng.fork(`layer-${layer}`), layer === 0 ? pInput : pHidden, n);
  });
  return { seed, masks };
}

/** A mask is a good illustration when every droppable layer loses at least one unit and keeps at least one. */
export function illustrates(masks: readonly Float64Array[]): boolean {
  return masks.slice(0, -1).every((m) => {
    const dropped = droppedIndices(m).length;
    return dropped > 0 && dropped < m.length;
  });
}

/** The first seed from `start` whose masks illustrate dropout (see `illustrates`); the rule, not a hand-picked mask. */
export function chooseFigureMasks(start = 1, sizes: readonly number[] = FIGURE_SIZES): FigureMasks {
  for (let seed = start; seed < start + 1000; seed++) {
    const candidate = figureMasks(seed, sizes);
    if (illustrates(candidate.masks)) return candidate;
  }
  return figureMasks(start, sizes);
}

/** Which units the mask drops, in words. */
export function describeMasks(masks: readonly Float64Array[]): string {
  const parts: string[] = [];
  let kept = 0, total = 0;
  masks.forEach((m, layer) => {
    const dropped = droppedIndices(m);
    kept += m.length - dropped.length;
    total += m.length;
    if (dropped.length > 0) parts.push(`${layerName(layer, masks.length)} unit${dropped.length > 1 ? 's' : ''} ${listUnits(dropped)}`);
  });
  const list = parts.length > 0 ? parts.join('; ') : 'no units';
  return `In the thinned net, dropout removed ${list}, together with all their connections; ${kept} of ${total} units remain.`;
}

const escapeMap: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapeMap[c]);
}

function n(v: number): string {
  // Never write a non-finite coordinate.
  return Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '0';
}

function netMarkup(layout: NetLayout, showDropped: boolean): string {
  const r = layout.radius;
  const edges = layout.edges
    .filter((e) => !showDropped || e.kept)
    .map((e) => `<line x1="${n(e.from.x + r)}" y1="${n(e.from.y)}" x2="${n(e.to.x - r)}" y2="${n(e.to.y)}"/>`)
    .join('');
  const units = layout.units.flat().map((u) => {
    const dropped = showDropped && !u.kept;
    const circle = `<circle cx="${n(u.x)}" cy="${n(u.y)}" r="${n(r)}"${dropped ? ' class="dropped" stroke-dasharray="5 4" opacity="0.55"' : ''}/>`;
    if (!dropped) return circle;
    const d = r * 0.95;
    const cross = `<path class="cross" fill="none" stroke="var(--c-orange, #d55e00)" stroke-width="3.5" stroke-linecap="round" stroke-opacity="1" d="M${n(u.x - d)},${n(u.y - d)}L${n(u.x + d)},${n(u.y + d)}M${n(u.x - d)},${n(u.y + d)}L${n(u.x + d)},${n(u.y - d)}"/>`;
    return `<g data-dropped="true" data-layer="${u.layer}" data-unit="${u.index + 1}">${circle}${cross}</g>`;
  });
  return `<g class="edges" stroke="currentColor" stroke-opacity="0.55" stroke-width="1.5">${edges}</g><g class="units" fill="var(--bg, #fff)" stroke="currentColor" stroke-width="2.5">${units.join('')}</g>`;
}

export interface FigureSvg {
  readonly svg: string;
  readonly masks: FigureMasks;
  readonly description: string;
}

/**
 * Two drawings of the figure, both sized so that the text reads where they are shown (the page picks one with a
 * container query, ThinnedNetFigure.astro):
 * - 'wide': the panels side by side, for a slide's media column (about 700 stage px wide, where it is drawn at about
 *   1:1, so its 18–20 px text stays above the slides' 16 px minimum) and the reading view on a wide screen;
 * - 'narrow': the panels one above the other, for a phone (shown 275–300 px wide: its 15 px text stays above 12 px).
 */
export type FigureLayout = 'wide' | 'narrow';

interface PanelBox {
  readonly x: number;
  /** Baseline of the panel's title. */
  readonly titleY: number;
  /** The net's box. */
  readonly netY: number;
  readonly width: number;
  readonly netHeight: number;
}

interface FigureGeometry {
  readonly width: number;
  readonly height: number;
  readonly radius: number;
  readonly titleSize: number;
  readonly labelSize: number;
  readonly panels: readonly [PanelBox, PanelBox];
}

export const FIGURE_GEOMETRY: Readonly<Record<FigureLayout, FigureGeometry>> = {
  wide: {
    width: 720,
    height: 500,
    radius: 18,
    titleSize: 20,
    labelSize: 18,
    panels: [
      { x: 14, titleY: 28, netY: 54, width: 310, netHeight: 390 },
      { x: 396, titleY: 28, netY: 54, width: 310, netHeight: 390 },
    ],
  },
  narrow: {
    width: 300,
    height: 508,
    radius: 14,
    titleSize: 16,
    labelSize: 15,
    panels: [
      { x: 14, titleY: 18, netY: 32, width: 272, netHeight: 180 },
      { x: 14, titleY: 272, netY: 286, width: 272, netHeight: 180 },
    ],
  },
};

/** The complete <svg> (two panels) as a string, with role="img", aria-label, <title> and <desc>. */
export function renderThinnedNetSvg(chosen: FigureMasks = chooseFigureMasks(), sizes: readonly number[] = FIGURE_SIZES, layout: FigureLayout = 'wide'): FigureSvg {
  const g = FIGURE_GEOMETRY[layout];
  const [a, b] = g.panels;
  const left = layoutNet(sizes, [], { x: a.x, y: a.netY, width: a.width, height: a.netHeight }, g.radius);
  const right = layoutNet(sizes, chosen.masks, { x: b.x, y: b.netY, width: b.width, height: b.netHeight }, g.radius);
  const description = `(a) A standard fully connected net with ${sizes[0]} inputs, two hidden layers of ${sizes[1]} and ${sizes[2]} units and ${sizes.at(-1)} outputs. (b) The same net thinned by dropout (drop probability ${FIGURE_P_INPUT} for inputs, ${FIGURE_P_HIDDEN} for hidden units, mask from the engine with seed ${chosen.seed}). ${describeMasks(chosen.masks)}`;
  const title = 'A standard neural net and a thinned net produced by dropout';
  const heading = (panel: PanelBox, text: string) =>
    `<text x="${n(panel.x + panel.width / 2)}" y="${n(panel.titleY)}" text-anchor="middle" font-size="${g.titleSize}" font-weight="600" fill="currentColor" stroke="none">${escapeXml(text)}</text>`;
  const layerLabels = (layout: NetLayout, panel: PanelBox) =>
    layout.units
      .map((col, l) => `<text x="${n(col[0].x)}" y="${n(panel.netY + panel.netHeight + g.labelSize + 12)}" text-anchor="middle" font-size="${g.labelSize}" fill="currentColor" stroke="none">${escapeXml(l === 0 ? 'input' : l === sizes.length - 1 ? 'output' : `hidden ${l}`)}</text>`)
      .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" role="img" aria-label="${escapeXml(title)}" class="thinned-net-svg thinned-net-svg--${layout}">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>` +
    heading(a, '(a) Standard neural net') +
    heading(b, '(b) After applying dropout') +
    `<g class="panel-standard">${netMarkup(left, false)}${layerLabels(left, a)}</g>` +
    `<g class="panel-thinned">${netMarkup(right, true)}${layerLabels(right, b)}</g>` +
    `</svg>`;
  return { svg, masks: chosen, description };
}
