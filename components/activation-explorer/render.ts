/**
 * Pure rendering of the activation explorer: state in, an Observable Plot SVG out (pass a jsdom `document`
 * to render in Node). Colour is never the only cue: f is solid, f′ dashed, the ReLU reference dotted, RReLU
 * samples are circles (outputs) and squares (slopes), and every line carries a text label.
 */
import * as Plot from '@observablehq/plot';
import { plot } from '../../src/widgets/charts/plot.ts';
import { describeExplorer, fmt } from './describe.ts';
import { X_MAX, X_MIN, displayName, type CurvePoint, type ExplorerState } from './model.ts';

export interface RenderOptions {
  document?: Document;
  width?: number;
}

const LABEL = { fontSize: 15, fontWeight: 600, stroke: 'var(--bg)', strokeWidth: 4, paintOrder: 'stroke' } as const;
const finite = <T extends { x: number }>(rows: readonly T[], key: keyof T): T[] =>
  rows.filter((r) => Number.isFinite(r.x) && Number.isFinite(r[key] as number));

/** The y range shown: everything drawn, at least [−1.2, 4.2] so the ReLU reference always fits. */
export function yDomain(state: ExplorerState): [number, number] {
  const ys: number[] = [-1.2, 4.2];
  for (const p of state.curve) ys.push(p.y, ...(state.showDerivative ? [p.dy] : []));
  for (const p of state.rrelu?.samples ?? []) ys.push(p.y, ...(state.showDerivative ? [p.slope] : []));
  if (state.rrelu?.training) ys.push(state.rrelu.upper * X_MIN, state.rrelu.lower * X_MIN);
  const shown = ys.filter(Number.isFinite);
  return [Math.min(...shown) - 0.2, Math.max(...shown) + 0.2];
}

function rreluMarks(state: ExplorerState): Plot.Markish[] {
  const r = state.rrelu;
  if (!r?.training) return [];
  const band = [X_MIN, 0].map((x) => ({ x, hi: r.lower * x, lo: r.upper * x }));
  const marks: Plot.Markish[] = [
    Plot.areaY(band, { x: 'x', y1: 'lo', y2: 'hi', fill: 'var(--c-green)', fillOpacity: 0.18 }),
    Plot.line(band, { x: 'x', y: 'lo', stroke: 'var(--c-green)', strokeWidth: 1.5, strokeDasharray: '4 3' }),
    Plot.line(band, { x: 'x', y: 'hi', stroke: 'var(--c-green)', strokeWidth: 1.5, strokeDasharray: '4 3' }),
    Plot.text([band[0]], { x: 'x', y: 'lo', text: () => `upper·x (${fmt(r.upper)})`, textAnchor: 'start', dy: 14, fill: 'var(--c-green-text)', ...LABEL }),
    Plot.text([band[0]], { x: 'x', y: 'hi', text: () => `lower·x (${fmt(r.lower)})`, textAnchor: 'start', dy: -12, fill: 'var(--c-green-text)', ...LABEL }),
    Plot.dot(finite(r.samples, 'y'), { x: 'x', y: 'y', symbol: 'circle', r: 4.5, fill: 'var(--c-green)', stroke: 'var(--bg)', strokeWidth: 1 }),
  ];
  if (state.showDerivative) {
    marks.push(Plot.dot(finite(r.samples, 'slope'), { x: 'x', y: 'slope', symbol: 'square', r: 4, fill: 'var(--c-orange)', stroke: 'var(--bg)', strokeWidth: 1 }));
  }
  return marks;
}

const REFERENCE = { stroke: 'currentColor', dash: '1 4' } as const;

/** A small key in the top-left corner for what has no end label: the ReLU reference and RReLU's samples. */
function legendMarks(state: ExplorerState, showReference: boolean): Plot.Markish[] {
  const entries: Array<{ text: string; kind: 'reference' | 'output' | 'slope' }> = [];
  if (showReference) entries.push({ text: 'ReLU (reference)', kind: 'reference' });
  if (state.rrelu?.training && !state.error) {
    entries.push({ text: 'sampled output r·x', kind: 'output' });
    if (state.showDerivative) entries.push({ text: 'sampled slope r', kind: 'slope' });
  }
  const [bottom, top] = yDomain(state);
  const rowHeight = (top - bottom) / 14;
  const rows = entries.map((e, i) => ({ ...e, x: X_MIN + 0.15, y: top - rowHeight * (i + 0.8) }));
  const marks: Plot.Markish[] = [Plot.text(rows, { x: 'x', y: 'y', text: 'text', dx: 34, textAnchor: 'start', fill: 'currentColor', ...LABEL, fontWeight: 400 })];
  for (const r of rows) {
    if (r.kind === 'reference') {
      marks.push(Plot.line([r, { ...r, x: r.x + 0.35 }], { x: 'x', y: 'y', stroke: REFERENCE.stroke, strokeOpacity: 0.7, strokeWidth: 2, strokeDasharray: REFERENCE.dash, strokeLinecap: 'round' }));
    } else {
      const square = r.kind === 'slope';
      marks.push(Plot.dot([{ ...r, x: r.x + 0.18 }], { x: 'x', y: 'y', symbol: square ? 'square' : 'circle', r: 4.5, fill: square ? 'var(--c-orange)' : 'var(--c-green)' }));
    }
  }
  return marks;
}

function curveMarks(state: ExplorerState): Plot.Markish[] {
  const curve = finite(state.curve, 'y');
  const last = curve.at(-1);
  if (!last) return [];
  const name = state.act === 'rrelu' ? 'f(x), evaluation mode' : 'f(x)';
  const marks: Plot.Markish[] = [
    Plot.line(curve, { x: 'x', y: 'y', stroke: 'var(--c-blue)', strokeWidth: 3.5 }),
    Plot.text([last], { x: 'x', y: 'y', text: () => name, textAnchor: 'end', dy: -14, fill: 'var(--c-blue-text)', ...LABEL }),
  ];
  if (state.showDerivative) {
    const dcurve = finite(state.curve, 'dy');
    const z = state.piecewise ? (d: CurvePoint) => (d.x > 0 ? 'right' : 'left') : undefined;
    const dlast = dcurve.at(-1);
    marks.push(Plot.line(dcurve, { x: 'x', y: 'dy', z, stroke: 'var(--c-orange)', strokeWidth: 3, strokeDasharray: '7 5' }));
    if (dlast) marks.push(Plot.text([dlast], { x: 'x', y: 'dy', text: () => 'f′(x)', textAnchor: 'end', dy: 20, fill: 'var(--c-orange-text)', ...LABEL }));
  }
  return marks;
}

function probeMarks(state: ExplorerState): Plot.Markish[] {
  const p = state.probe;
  if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return [];
  const marks: Plot.Markish[] = [Plot.dot([p], { x: 'x', y: 'y', symbol: 'circle', r: 7, fill: 'var(--c-blue)', stroke: 'var(--bg)', strokeWidth: 2 })];
  if (state.showDerivative && Number.isFinite(p.dy)) {
    marks.push(Plot.dot([p], { x: 'x', y: 'dy', symbol: 'square', r: 6, fill: 'var(--c-orange)', stroke: 'var(--bg)', strokeWidth: 2 }));
  }
  return marks;
}

export function renderExplorer(state: ExplorerState, options: RenderOptions = {}): SVGSVGElement | HTMLElement {
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    ...rreluMarks(state),
  ];
  const showReference = state.act !== 'relu' || Boolean(state.error);
  if (showReference) {
    marks.push(Plot.line(state.reference, { x: 'x', y: 'y', stroke: REFERENCE.stroke, strokeOpacity: 0.5, strokeWidth: 2, strokeDasharray: REFERENCE.dash, strokeLinecap: 'round' }));
  }
  marks.push(...curveMarks(state), ...probeMarks(state), ...legendMarks(state, showReference));
  if (state.error) {
    marks.push(Plot.text([{ x: 0, y: 2 }], { x: 'x', y: 'y', text: () => 'Settings refused: see the message below the controls', fill: 'currentColor', ...LABEL }));
  }
  const svg = plot({
    document: options.document,
    width: options.width ?? 640,
    height: 380,
    marginLeft: 48,
    marginRight: 16,
    marginBottom: 44,
    style: { fontSize: '15px', background: 'transparent', color: 'currentColor' },
    x: { domain: [X_MIN, X_MAX], label: 'x', grid: true, labelAnchor: 'center', labelOffset: 38 }, // centred: clear of the last tick
    y: { domain: yDomain(state), label: 'output', grid: true },
    ariaLabel: `${displayName(state.act)} curve and its derivative`,
    ariaDescription: describeExplorer(state),
    marks,
  });
  return svg;
}


