/**
 * Names printed at the ends of lines, kept apart. Two series that end close together (training and test loss before
 * training, say) would print their names on top of each other; here each name moves up or down just enough to keep a
 * line's height between neighbours, a group of crowded names centred on where their lines end. Pure.
 */
import * as Plot from '@observablehq/plot';

export interface EndLabel {
  /** Where the line ends, in data coordinates. */
  x: number;
  y: number;
  text: string;
  fill: string;
}

/** The y scale as drawn: data domain onto pixel range (range[0] at the bottom, so it is the larger number). */
export interface PixelScale {
  domain: readonly [number, number];
  range: readonly [number, number];
  type?: 'linear' | 'log';
}

/** Pixel position of `y` on `scale` (non-finite for values the scale cannot place, e.g. y ≤ 0 on a log scale). */
export function toPixels(y: number, scale: PixelScale): number {
  const t = scale.type === 'log' ? Math.log : (v: number) => v;
  const [d0, d1] = [t(scale.domain[0]), t(scale.domain[1])];
  const [r0, r1] = scale.range;
  return d1 === d0 ? (r0 + r1) / 2 : r0 + ((t(y) - d0) / (d1 - d0)) * (r1 - r0);
}

/**
 * Vertical offsets (pixels) that keep labels at `positions` (pixels) at least `gap` apart: labels that would overlap
 * form a group, stacked `gap` apart and centred on the mean of their positions; groups that then overlap merge.
 * A label that has room keeps offset 0. `lowest`: no label is placed below this pixel (e.g. clear of the x axis's tick
 * labels); the labels above a moved one move up with it just enough to stay `gap` apart.
 */
export function spreadOffsets(positions: readonly number[], gap: number, lowest = Infinity): number[] {
  const order = positions.map((_, i) => i).sort((a, b) => positions[a] - positions[b]);
  type Group = { members: number[]; top: number };
  const groups: Group[] = [];
  const place = (members: number[]): Group => {
    const mean = members.reduce((sum, i) => sum + positions[i], 0) / members.length;
    return { members, top: mean - ((members.length - 1) * gap) / 2 };
  };
  for (const i of order) {
    groups.push(place([i]));
    while (groups.length > 1) {
      const [a, b] = groups.slice(-2);
      if (a.top + a.members.length * gap <= b.top) break;
      groups.splice(-2, 2, place([...a.members, ...b.members]));
    }
  }
  const offsets = new Array<number>(positions.length).fill(0);
  for (const g of groups) g.members.forEach((i, k) => (offsets[i] = g.top + k * gap - positions[i]));
  if (Number.isFinite(lowest)) {
    // From the bottom up: each label at most at the limit, the next one up at least `gap` above it.
    let limit = lowest;
    for (const i of [...order].reverse()) {
      const at = Math.min(positions[i] + offsets[i], limit);
      offsets[i] = at - positions[i];
      limit = at - gap;
    }
  }
  return offsets;
}

/**
 * One text mark per label, right of its line's end, moved apart where they would overlap. `dx`: the gap between a
 * line's end and its name (px, 6 by default); `lowest`: the lowest pixel a label's middle may sit at (none by default).
 */
export function endLabelMarks(labels: readonly EndLabel[], scale: PixelScale, style: { fontSize: number; gap?: number; dx?: number; lowest?: number }): Plot.Markish[] {
  const placed = labels.filter((l) => Number.isFinite(l.x) && Number.isFinite(toPixels(l.y, scale)));
  const offsets = spreadOffsets(
    placed.map((l) => toPixels(l.y, scale)),
    style.gap ?? style.fontSize + 3,
    style.lowest,
  );
  return placed.map((label, i) =>
    Plot.text([label], { x: 'x', y: 'y', text: () => label.text, dx: style.dx ?? 6, dy: offsets[i], textAnchor: 'start', fill: label.fill, fontSize: style.fontSize, fontWeight: 600 }),
  );
}
