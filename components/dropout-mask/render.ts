/**
 * Pure rendering of the dropout-mask widget, two charts (net-chart.ts, batch-chart.ts): the thinned net of the sample
 * shown, and the masks of the whole mini-batch. The reading view shows both; a slide shows one (the `panel` option),
 * drawn to fill its box. Each is drawn for the size it is shown at (src/widgets/chart-size.ts), with its text at that
 * density's size, never scaled down. Runs in Node with a jsdom `document`.
 */
import { resolveSize } from '../../src/widgets/chart-size.ts';
import type { RenderOptions as ChartOptions } from './chart-kit.ts';
import { NET_SIZE, renderMaskNet } from './net-chart.ts';
import { BATCH_SIZE, renderMaskBatch } from './batch-chart.ts';
import type { DropoutMaskView } from './describe.ts';

export { describeDropoutMask, describeLayer, fmt, type DropoutMaskView } from './describe.ts';
export { NET_SIZE, renderMaskNet, BATCH_SIZE, renderMaskBatch };

export type MaskPanel = 'net' | 'batch';
export const MASK_PANELS: readonly MaskPanel[] = ['net', 'batch'];

export interface RenderOptions extends ChartOptions {
  /** Only this chart (a slide shows one at a time); both by default. */
  panel?: MaskPanel;
}

/** The reading view's two charts, or the one a slide shows, in a box of their own. */
export function renderDropoutMask(view: DropoutMaskView, options: RenderOptions = {}): HTMLElement {
  const doc = options.document ?? document;
  const root = doc.createElement('div');
  root.className = 'dropout-mask-charts';
  const charts = { net: renderMaskNet, batch: renderMaskBatch } as const;
  const preferred = { net: NET_SIZE, batch: BATCH_SIZE } as const;
  const panels = options.panel ? [options.panel] : MASK_PANELS;
  for (const panel of panels) {
    // A slide's one chart fills the box it is given; in the reading view each chart keeps its own height.
    const given = options.panel ? resolveSize(options, preferred[panel]) : undefined;
    const size = given ?? (options.size
      ? { ...options.size, height: options.size.density === 'phone' ? preferred[panel].phoneHeight : preferred[panel].height }
      : resolveSize({ width: options.width }, preferred[panel]));
    root.append(charts[panel](view, { document: doc, size }));
  }
  return root;
}
