/** Arrow-key movement in the overview grid (items laid out left to right in `columns` columns). */
export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

export function isGridKey(key: string): key is GridKey {
  return ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key);
}

/** The index focused after `key`, staying inside 0..count-1. */
export function moveInGrid(index: number, key: GridKey, count: number, columns: number): number {
  if (count <= 0) return 0;
  const cols = Math.max(1, Math.floor(columns) || 1);
  const step: Record<GridKey, number> = {
    ArrowLeft: -1,
    ArrowRight: 1,
    ArrowUp: -cols,
    ArrowDown: cols,
    Home: -Infinity,
    End: Infinity,
  };
  const target = index + step[key];
  if (target === -Infinity) return 0;
  if (target === Infinity) return count - 1;
  // Up/down past the edge stay in place rather than jumping to another column.
  if ((key === 'ArrowUp' || key === 'ArrowDown') && (target < 0 || target >= count)) return index;
  return Math.min(count - 1, Math.max(0, target));
}
