/**
 * Colours for series and classes: the Okabe–Ito palette (safe for the common colour-vision
 * deficiencies), always paired with a second cue — dash pattern for lines, marker shape for
 * classes — so no meaning is carried by colour alone.
 */
export const SERIES_COLORS = ['var(--c-blue)', 'var(--c-orange)', 'var(--c-green)', 'var(--c-purple)', 'var(--c-yellow)', 'var(--c-sky)'] as const;
/** The same colours for text (a series' label): darker in the light theme, so labels reach 4.5:1 (src/styles/global.css). */
export const SERIES_TEXT_COLORS = SERIES_COLORS.map((color) => color.replace(/\)$/, '-text)'));
export const SERIES_DASHES = ['none', '8 5', '2 4', '12 4 2 4', '4 3', '1 3'] as const;
/** Plot symbol names for classes 0, 1, 2, …. */
export const CLASS_SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross'] as const;
/** Light fills for class regions in decision maps; the same order as SERIES_COLORS. */
export const CLASS_FILLS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'] as const;

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length];
}

export function seriesTextColor(i: number): string {
  return SERIES_TEXT_COLORS[i % SERIES_TEXT_COLORS.length];
}

export function seriesDash(i: number): string {
  return SERIES_DASHES[i % SERIES_DASHES.length];
}
