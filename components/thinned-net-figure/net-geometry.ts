/**
 * Where the units and connections of a small fully connected net sit in a drawing, and which of them a dropout
 * mask removes. Shared by the static Figure 1 redraw (thinned-net-figure) and the live dropout-mask widget, so
 * both draw the same network the same way. Pure: numbers in, numbers out.
 */

export interface UnitPosition {
  /** 0 = inputs, 1…L−1 = hidden layers, L = outputs. */
  readonly layer: number;
  /** 0-based position within the layer (the text says "unit index + 1"). */
  readonly index: number;
  readonly x: number;
  readonly y: number;
  /** false when the unit's mask entry is 0 (dropped). */
  readonly kept: boolean;
}

export interface EdgePosition {
  readonly from: UnitPosition;
  readonly to: UnitPosition;
  /** A connection survives only when both of its units are kept. */
  readonly kept: boolean;
}

export interface NetLayout {
  readonly units: readonly (readonly UnitPosition[])[];
  readonly edges: readonly EdgePosition[];
  readonly radius: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Lays out `sizes` (units per layer, inputs first) in `box`, left to right, each layer centred vertically.
 * `masks[l][i]` is 1 when unit i of layer l is kept and 0 when it is dropped; a missing mask keeps every unit.
 */
export function layoutNet(sizes: readonly number[], masks: readonly (ArrayLike<number> | null | undefined)[], box: Box, radius: number): NetLayout {
  const columns = sizes.length;
  const tallest = Math.max(...sizes);
  const rowGap = tallest > 1 ? (box.height - 2 * radius) / (tallest - 1) : 0;
  const units = sizes.map((n, layer) => {
    const x = box.x + radius + (columns > 1 ? ((box.width - 2 * radius) * layer) / (columns - 1) : 0);
    const top = box.y + box.height / 2 - ((n - 1) * rowGap) / 2;
    const mask = masks[layer];
    return Array.from({ length: n }, (_, index): UnitPosition => ({ layer, index, x, y: top + index * rowGap, kept: mask ? mask[index] !== 0 : true }));
  });
  const edges: EdgePosition[] = [];
  for (let l = 0; l + 1 < units.length; l++) {
    for (const from of units[l]) for (const to of units[l + 1]) edges.push({ from, to, kept: from.kept && to.kept });
  }
  return { units, edges, radius };
}

/** Layer names as the text uses them: "input", "hidden layer 1", …, "output". */
export function layerName(layer: number, layerCount: number): string {
  if (layer === 0) return 'input';
  if (layer === layerCount - 1) return 'output';
  return `hidden layer ${layer}`;
}

/** "1, 3 and 4" (1-based unit numbers), "none" for an empty list. */
export function listUnits(indices: readonly number[]): string {
  const names = indices.map((i) => String(i + 1));
  if (names.length === 0) return 'none';
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** 0-based indices of the dropped (mask 0) entries. */
export function droppedIndices(mask: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i] === 0) out.push(i);
  return out;
}

/** The same net drawn top to bottom instead of left to right (inputs at the top): every position with x and y swapped. */
export function transposeLayout(layout: NetLayout): NetLayout {
  const units = layout.units.map((col) => col.map((u): UnitPosition => ({ ...u, x: u.y, y: u.x })));
  const at = (u: UnitPosition) => units[u.layer][u.index];
  return { units, edges: layout.edges.map((e) => ({ from: at(e.from), to: at(e.to), kept: e.kept })), radius: layout.radius };
}
