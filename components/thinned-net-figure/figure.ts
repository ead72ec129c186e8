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

/** The complete <svg> (two panels) as a string, with role="img", aria-label, <title> and <desc>. */
export function renderThinnedNetSvg(chosen: FigureMasks = chooseFigureMasks(), sizes: readonly number[] = FIGURE_SIZES): FigureSvg {
  const width = 760, height = 330, panel = 300, radius = 15, top = 50, netHeight = 230;
  const left = layoutNet(sizes, [], { x: 40, y: top, width: panel, height: netHeight }, radius);
  const right = layoutNet(sizes, chosen.masks, { x: width - 40 - panel, y: top, width: panel, height: netHeight }, radius);
  const description = `Left: a standard fully connected net with ${sizes[0]} inputs, two hidden layers of ${sizes[1]} and ${sizes[2]} units and ${sizes.at(-1)} outputs. Right: the same net thinned by dropout (drop probability ${FIGURE_P_INPUT} for inputs, ${FIGURE_P_HIDDEN} for hidden units, mask from the engine with seed ${chosen.seed}). ${describeMasks(chosen.masks)}`;
  const title = 'A standard neural net and a thinned net produced by dropout';
  const label = (x: number, text: string) => `<text x="${n(x)}" y="28" text-anchor="middle" font-size="19" font-weight="600" fill="currentColor" stroke="none">${escapeXml(text)}</text>`;
  const layerLabels = (layout: NetLayout) =>
    layout.units
      .map((col, l) => `<text x="${n(col[0].x)}" y="${n(top + netHeight + 32)}" text-anchor="middle" font-size="15" fill="currentColor" stroke="none">${escapeXml(l === 0 ? 'input' : l === sizes.length - 1 ? 'output' : `hidden ${l}`)}</text>`)
      .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}" class="thinned-net-svg">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>` +
    label(40 + panel / 2, '(a) Standard neural net') +
    label(width - 40 - panel / 2, '(b) After applying dropout') +
    `<g class="panel-standard">${netMarkup(left, false)}${layerLabels(left)}</g>` +
    `<g class="panel-thinned">${netMarkup(right, true)}${layerLabels(right)}</g>` +
    `</svg>`;
  return { svg, masks: chosen, description };
}
