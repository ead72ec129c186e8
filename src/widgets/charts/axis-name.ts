/**
 * A y axis's name, "↑ name", above the axis at the top left, as Observable Plot draws it, but placed for its font size.
 * Plot puts its own 3 px below the chart's top edge whatever the size, so at 18 px and more the tops of the glyphs
 * fall outside the SVG and are cut off (by a pixel at 1280×720, by three on a 3840×2160 projector). Use it with the
 * axis's `label: null`. Pure.
 */
import * as Plot from '@observablehq/plot';

export function yAxisName(name: string, frame: { marginLeft: number; marginTop: number; fontSize: number }): Plot.Markish {
  const { marginLeft, marginTop, fontSize } = frame;
  // Text anchored at its top (lineAnchor 'top') sits about 0.22 em higher than the anchor: keep that inside the SVG.
  const top = Math.ceil(fontSize * 0.3) + 1;
  return Plot.text([`↑ ${name}`], {
    text: (d: string) => d,
    frameAnchor: 'top-left',
    dx: 3 - marginLeft,
    dy: top - marginTop,
    lineAnchor: 'top',
    textAnchor: 'start',
    fill: 'currentColor',
    fontSize,
  });
}
