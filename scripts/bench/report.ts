// Pure formatting of the benchmark's results: the human-readable table and the one-line JSON summary that ends
// the output (what a CI job or a later run parses). Unit-tested.

import { type Summary, argmaxName, ratioToBest } from './stats.ts';

export interface ContenderResult {
  readonly name: string;
  /** Peers are what the engine is compared with (tfjs); other rows (e.g. the engine without zero-skipping) are
   * shown for information only. */
  readonly peer: boolean;
  readonly train: Summary;
  readonly infer: Summary;
}

/** 12345.6 → "12,346"; 1234567 → "1.23 M". */
export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  return Math.round(value).toLocaleString('en-US');
}

export function formatRatio(value: number): string {
  return `${value.toFixed(value >= 10 ? 1 : 2)}×`;
}

/** Columns padded to their widest cell; text left-aligned, numbers right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function peerMedians(results: readonly ContenderResult[], key: 'train' | 'infer'): number[] {
  return results.filter((r) => r.peer).map((r) => r[key].median);
}

/** The results table: median rate, the min–max spread over rounds, and each rate divided by the fastest peer's. */
export function resultsTable(results: readonly ContenderResult[]): string {
  const trainPeers = peerMedians(results, 'train'), inferPeers = peerMedians(results, 'infer');
  const rows = results.map((r) => [
    r.name,
    formatRate(r.train.median),
    `${formatRate(r.train.min)} – ${formatRate(r.train.max)}`,
    formatRatio(ratioToBest(r.train.median, trainPeers)),
    formatRate(r.infer.median),
    `${formatRate(r.infer.min)} – ${formatRate(r.infer.max)}`,
    formatRatio(ratioToBest(r.infer.median, inferPeers)),
  ]);
  const header = ['contender', 'train steps/s', '(min – max)', 'vs best peer', 'infer examples/s', '(min – max)', 'vs best peer'];
  return formatTable(header, rows, [false, true, true, true, true, true, true]);
}

/** The machine-readable summary (printed as the last line). `extra` is merged in after the required keys. */
export function summaryObject(results: readonly ContenderResult[], engineName: string, extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const engine = results.find((r) => r.name === engineName);
  if (engine === undefined) throw new RangeError(`no result named ${engineName}`);
  const medians = (key: 'train' | 'infer'): Record<string, number> => Object.fromEntries(results.map((r) => [r.name, round(r[key].median, 1)]));
  const spreads = (key: 'train' | 'infer'): Record<string, [number, number]> =>
    Object.fromEntries(results.map((r) => [r.name, [round(r[key].min, 1), round(r[key].max, 1)]]));
  const peers = (key: 'train' | 'infer'): Record<string, number> => Object.fromEntries(results.filter((r) => r.peer).map((r) => [r.name, r[key].median]));
  return {
    train_steps_per_s: medians('train'),
    infer_examples_per_s: medians('infer'),
    train_ratio_vs_best_peer: round(ratioToBest(engine.train.median, peerMedians(results, 'train')), 3),
    infer_ratio_vs_best_peer: round(ratioToBest(engine.infer.median, peerMedians(results, 'infer')), 3),
    best_peer: { train: argmaxName(peers('train')), infer: argmaxName(peers('infer')) },
    train_min_max: spreads('train'),
    infer_min_max: spreads('infer'),
    ...extra,
  };
}

/** One line of JSON (no newlines inside), so `tail -n 1 | jq` works. */
export function jsonLine(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('jsonLine: value is not JSON-serialisable');
  return text;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
