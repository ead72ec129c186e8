/**
 * The masks of the mini-batch, one row per sample: how each sample draws its own masks, and how the dropped share
 * follows p. Drawn for its box: "sample 1" row labels where there is room, bare numbers under a "sample" header on a
 * phone, so the cells keep a useful size and the text never shrinks.
 */
import { CHART_TEXT, resolveSize } from '../../src/widgets/chart-size.ts';
import { NET_SIZES } from './model.ts';
import { fmt, type DropoutMaskView } from './describe.ts';
import { cross, el, svgRoot, text, textWidth, type RenderOptions } from './chart-kit.ts';

/** Preferred size in the reading view (page, phone); on a slide the chart fills its box. */
export const BATCH_SIZE = { width: 640, height: 260, phoneHeight: 250 };

/**
 * The masks of the mini-batch: one row per sample (the one shown in the net outlined), one cell per unit grouped by
 * layer, a crossed, dashed cell for a dropped unit; under each layer, how many of its cells in the batch are dropped
 * against the expected p·n·B.
 */
export function renderMaskBatch(view: DropoutMaskView, options: RenderOptions = {}): SVGSVGElement {
  const doc = options.document ?? document;
  const size = resolveSize(options, BATCH_SIZE);
  const fs = CHART_TEXT[size.density].label;
  const line = Math.round(fs * 1.3);
  const { width: W, height: H } = size;
  const shown = view.batch[view.sample - 1] ?? view.batch[0];
  const svg = svgRoot(doc, size, `Dropout masks of the ${view.batch.length} samples of the mini-batch, one row per sample; sample ${shown.sample} is outlined`, view, 'dropout-mask-svg dropout-mask-batch');
  svg.append(text(doc, 4, fs + 2, 'Masks of the mini-batch', { 'text-anchor': 'start', 'font-size': fs, 'font-weight': 600 }));

  const groups = NET_SIZES.slice(0, -1);
  const units = groups.reduce((a, b) => a + b, 0);
  // Row labels: "sample 1" where there is room for them and cells of a useful size, else "1" under a "sample" header.
  const groupGap = Math.round(fs * 0.6);
  const long = (W - textWidth('sample 4', fs, true) - 8 - groupGap * (groups.length - 1)) / units >= fs * 1.3;
  const labelWidth = long ? textWidth('sample 4', fs, true) : Math.max(textWidth('sample', fs), textWidth('4', fs, true));
  const gridLeft = labelWidth + 8;
  const pitch = (W - gridLeft - 8 - groupGap * (groups.length - 1)) / units; // 8: room for the outline of the selected row
  const headerY = fs + 2 + line;
  const bottomLines = 3;
  const rowsTop = headerY + Math.round(fs * 0.5);
  const legendY = H - 4;
  const rowsBottom = legendY - line - bottomLines * line - 6;
  const rowPitch = Math.max(8, (rowsBottom - rowsTop) / view.batch.length);
  const cellW = Math.max(4, pitch - Math.max(2, pitch * 0.12));
  const cellH = Math.max(4, Math.min(rowPitch - Math.max(3, rowPitch * 0.2), cellW * 1.4));

  const groupX: number[] = [];
  let x = gridLeft;
  groups.forEach((n) => {
    groupX.push(x);
    x += n * pitch + groupGap;
  });
  groups.forEach((n, l) => svg.append(text(doc, groupX[l] + (n * pitch) / 2, headerY, l === 0 ? 'input' : `hidden ${l}`, { 'font-size': fs, 'font-weight': 600 })));
  if (!long) svg.append(text(doc, 0, headerY, 'sample', { 'text-anchor': 'start', 'font-size': fs }));

  view.batch.forEach((s, r) => {
    const selected = s.sample === shown.sample;
    const y = rowsTop + r * rowPitch + (rowPitch - cellH) / 2;
    const row = el(doc, 'g', { 'data-sample': s.sample, 'data-selected': String(selected) });
    row.append(text(doc, long ? 0 : labelWidth / 2, y + cellH / 2 + fs * 0.35, long ? `sample ${s.sample}` : String(s.sample), { 'text-anchor': long ? 'start' : 'middle', 'font-size': fs, 'font-weight': selected ? 700 : 400 }));
    s.layers.forEach((layer, l) => {
      for (let i = 0; i < layer.mask.length; i++) {
        const cx = groupX[l] + i * pitch + (pitch - cellW) / 2;
        const kept = layer.mask[i] !== 0;
        row.append(
          el(doc, 'rect', {
            x: cx,
            y,
            width: cellW,
            height: cellH,
            fill: kept ? 'currentColor' : 'none',
            'fill-opacity': kept ? (layer.active ? 0.7 : 0.3) : 0,
            stroke: 'currentColor',
            'stroke-width': 1.2,
            'stroke-dasharray': kept ? 'none' : '3 2',
            'data-kept': String(kept),
          }),
        );
        if (!kept) row.append(cross(doc, cx + cellW / 2, y + cellH / 2, Math.max(2, Math.min(cellW, cellH) / 2 - 2), Math.max(1.6, Math.min(cellW, cellH) / 9)));
      }
    });
    if (selected) {
      const pad = Math.max(3, Math.min(6, (rowPitch - cellH) / 2));
      row.append(el(doc, 'rect', { x: gridLeft - pad, y: y - pad, width: x - groupGap - gridLeft + 2 * pad, height: cellH + 2 * pad, fill: 'none', stroke: 'var(--c-blue)', 'stroke-width': 2.5, rx: 4 }));
    }
    svg.append(row);
  });

  // Under each layer: dropped cells of the whole batch against the expected p·n·B.
  const countsTop = rowsTop + view.batch.length * rowPitch + 4;
  groups.forEach((n, l) => {
    const layers = view.batch.map((s) => s.layers[l]);
    const cells = n * layers.length;
    const dropped = layers.reduce((sum, layer) => sum + layer.mask.length - layer.kept, 0);
    const expected = layers.reduce((sum, layer) => sum + layer.p * layer.mask.length, 0);
    const cx = groupX[l] + (n * pitch) / 2;
    [`${dropped} of ${cells}`, 'dropped', `exp. ${fmt(expected)}`].forEach((t, k) =>
      svg.append(text(doc, cx, countsTop + (k + 1) * line - 4, t, { 'font-size': fs, ...(k === 0 ? { 'data-dropped': `layer-${l}` } : {}), ...(k === 2 ? { opacity: 0.85 } : {}) })),
    );
  });
  svg.append(text(doc, 4, legendY, 'rows: samples · ✕ dropped', { 'text-anchor': 'start', 'font-size': fs }));
  return svg;
}
