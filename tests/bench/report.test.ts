// The benchmark's output: table formatting and the one-line JSON summary.
import { describe, expect, it } from 'vitest';
import { type ContenderResult, formatRate, formatRatio, formatTable, jsonLine, resultsTable, round, summaryObject } from '../../scripts/bench/report.ts';
import { summarize } from '../../scripts/bench/stats.ts';

const results: ContenderResult[] = [
  { name: 'engine', peer: false, train: summarize([3000, 3600, 3300]), infer: summarize([600e3, 700e3, 650e3]) },
  { name: 'tfjs-cpu', peer: true, train: summarize([200, 220, 210]), infer: summarize([100e3, 110e3, 90e3]) },
  { name: 'tfjs-wasm', peer: true, train: summarize([600, 700, 660]), infer: summarize([2.5e6, 2.6e6, 2.4e6]) },
];

describe('formatting', () => {
  it('rates get thousands separators, millions an M; ratios a ×', () => {
    expect(formatRate(3299.6)).toBe('3,300');
    expect(formatRate(650000)).toBe('650,000');
    expect(formatRate(2_500_000)).toBe('2.50 M');
    expect(formatRatio(5)).toBe('5.00×');
    expect(formatRatio(0.26)).toBe('0.26×');
    expect(formatRatio(15.24)).toBe('15.2×');
    expect(round(1.23456, 2)).toBe(1.23);
  });

  it('formatTable pads columns: text left, numbers right, a rule under the header', () => {
    const table = formatTable(['name', 'n'], [['a', '1'], ['long name', '1,000']], [false, true]);
    expect(table.split('\n')).toEqual(['name           n', '---------  -----', 'a              1', 'long name  1,000']);
  });

  it('the results table has one row per contender with ratios to the fastest peer', () => {
    const lines = resultsTable(results).split('\n');
    expect(lines).toHaveLength(2 + results.length);
    expect(lines[0]).toMatch(/^contender\s+train steps\/s/);
    expect(lines[2]).toMatch(/^engine\s+3,300\s+3,000 – 3,600\s+5\.00×\s+650,000\s+600,000 – 700,000\s+0\.26×$/);
    expect(lines[4]).toMatch(/^tfjs-wasm .* 1\.00× .* 2\.50 M .* 1\.00×$/);
    expect(new Set(lines.map((l) => l.length)).size).toBeLessThanOrEqual(2); // aligned (trailing spaces trimmed)
  });
});

describe('the JSON summary line', () => {
  it('holds the required keys, ratios against the best peer, and the extras', () => {
    const summary = summaryObject(results, 'engine', { machine: { cpus: 2 } });
    expect(summary.train_steps_per_s).toEqual({ engine: 3300, 'tfjs-cpu': 210, 'tfjs-wasm': 660 });
    expect(summary.infer_examples_per_s).toEqual({ engine: 650000, 'tfjs-cpu': 100000, 'tfjs-wasm': 2500000 });
    expect(summary.train_ratio_vs_best_peer).toBe(5);
    expect(summary.infer_ratio_vs_best_peer).toBe(0.26);
    expect(summary.best_peer).toEqual({ train: 'tfjs-wasm', infer: 'tfjs-wasm' });
    expect(summary.train_min_max).toMatchObject({ engine: [3000, 3600] });
    expect(summary.machine).toEqual({ cpus: 2 });
    expect(() => summaryObject(results, 'nobody')).toThrow(RangeError);
  });

  it('jsonLine is a single line that parses back', () => {
    const line = jsonLine(summaryObject(results, 'engine', { note: 'two\nlines' }));
    expect(line).not.toMatch(/\n/);
    expect(JSON.parse(line).note).toBe('two\nlines');
    expect(() => jsonLine(undefined)).toThrow(TypeError);
  });
});
