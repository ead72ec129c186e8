import { describe, expect, it } from 'vitest';
import { DIGITS_TEST_COUNT } from '../../../src/digits/build-asset.ts';
import { ASSET_MEGABYTES, TEST_DIGITS, duration, grouped, percent, progressLabel, progressValue, resultText, statusText, summaryText } from '../../../components/digits-dropout/describe.ts';
import type { ProgressMessage, RunView } from '../../../components/digits-dropout/run.ts';
import type { RunCurves } from '../../../components/digits-dropout/protocol.ts';

const SETTINGS = { trainCount: 2000, width: 128, epochs: 40, lr: 0.01, momentum: 0.9, seed: 1 };
const base: RunView = {
  state: 'idle', playing: false, stepping: false, pausing: false, settings: null, download: null, progress: null, curves: null, snapshot: null,
  initialTiles: null, finished: null, error: null, versions: { curves: 0, snapshot: 0, any: 0 },
};
const curves = (test: [number, number], train: [number, number]): [RunCurves, RunCurves] => [
  { label: 'no dropout', epochs: [0, 20, 40], trainError: [0.88, 0.003, train[0]], testError: [0.875, 0.08, test[0]] },
  { label: 'dropout', epochs: [0, 20, 40], trainError: [0.88, 0.046, train[1]], testError: [0.875, 0.078, test[1]] },
];
const progress = (step: number, extra: Partial<ProgressMessage> = {}): ProgressMessage => ({
  type: 'progress', state: 'training', epoch: (step * 64) / 2000, epochs: 40, step, stepsTotal: 1250, examplesPerSecond: 6353.4, etaSeconds: 12.6,
  runs: curves([0.08, 0.09], [0.01, 0.05]), ...extra,
});
const hidden = (mean: number, zeroFraction: number) => ({ mean, zeroFraction, counts: Int32Array.from({ length: 40 }, (_, b) => (b === 0 ? 128_000 : 1000)), above: 0 });
const snapshot = {
  epoch: 40, bins: { bins: 40, max: 4 },
  runs: [
    { hidden: [hidden(0.62, 0.35), hidden(1.15, 0.34)], tiles: new Float32Array(0), tileCount: 64 },
    { hidden: [hidden(0.14, 0.8), hidden(0.39, 0.53)], tiles: new Float32Array(0), tileCount: 64 },
  ],
} as const;

describe('digits-dropout words', () => {
  it('states the asset as built: 2,000 test digits, 1.7 MB', () => {
    expect(TEST_DIGITS).toBe(DIGITS_TEST_COUNT);
    expect(ASSET_MEGABYTES).toBe(1.7); // 1,666,783 bytes gzip: tests/digits/build-asset.test.ts checks it against the file
  });

  it('formats numbers as the page shows them', () => {
    expect(percent(0.0775)).toBe('7.75%');
    expect(percent(0.35, 0)).toBe('35%');
    expect(percent(NaN)).toBe('–');
    expect(grouped(6353.4)).toBe('6,353');
    expect(grouped(1234567)).toBe('1,234,567');
    expect([duration(9.4), duration(60), duration(75), duration(NaN)]).toEqual(['9 s', '1 min', '1 min 15 s', '–']);
  });

  it('status line: a hint, the download, the progress with rate and time left, a pause, the result', () => {
    const page = { onSlide: false, panel: 'errors' } as const, slide = { onSlide: true, panel: 'errors' } as const;
    expect(statusText(base, page)).toMatch(/^Press Train: the digits \(1\.7 MB\) download once/);
    expect(statusText(base, slide)).toBe('Press Train (about 20 s on a laptop).');
    const loading: RunView = { ...base, state: 'loading', playing: true, download: { loaded: 850_000, total: 1_666_783 } };
    expect(statusText(loading, page)).toBe('Downloading the digits: 0.8 of 1.7 MB');
    expect(statusText(loading, slide)).toBe('Downloading the digits: 51%');
    expect(statusText({ ...loading, download: { loaded: 850_000, total: null } }, slide)).toBe('Downloading the digits: 0.8 MB');
    const training: RunView = { ...base, state: 'training', playing: true, progress: progress(375) };
    expect(statusText(training, page)).toBe('Epoch 12 of 40 · 6,353 digits/s (both nets) · about 13 s left');
    expect(statusText(training, slide)).toBe('Epoch 12/40 · 6,353 digits/s · 13 s left');
    expect(statusText({ ...training, state: 'paused', playing: false, curves: curves([0.08, 0.09], [0.01, 0.05]) }, page)).toBe('Paused at epoch 12 of 40 · test error 8.00% → 9.00% with dropout');
    const done: RunView = { ...base, state: 'done', settings: SETTINGS, progress: progress(1250), curves: curves([0.0775, 0.0695], [0, 0.016]), snapshot, finished: { finalTestError: [0.0775, 0.0695], seconds: 24.6, network: null } };
    expect(statusText(done, page)).toBe('Finished in 25 s · test error 7.75% without dropout, 6.95% with');
    expect(statusText(done, slide)).toBe('Finished in 25 s · test error 7.75% → 6.95% with dropout');
    expect(statusText(done, { onSlide: true, panel: 'activations' })).toBe('Finished in 25 s · mean 0.62 → 0.14 · zeros 35% → 80%');
    expect(statusText({ ...base, state: 'failed', error: 'The digits data could not be read: it is truncated.' }, page)).toBe('The digits data could not be read: it is truncated.');
  });

  it('progress bar: the download while the digits arrive (unknown length: no value), then the steps', () => {
    expect(progressValue(base)).toBe(0);
    expect(progressValue({ ...base, state: 'loading', download: { loaded: 500, total: 1000 } })).toBe(0.5);
    expect(progressValue({ ...base, state: 'loading', download: { loaded: 500, total: null } })).toBeNull();
    expect(progressLabel({ ...base, state: 'loading' })).toBe('Downloading the digits');
    expect(progressValue({ ...base, state: 'training', progress: progress(625) })).toBe(0.5);
    expect(progressLabel({ ...base, state: 'training', progress: progress(625) })).toBe('Training progress');
    expect(progressValue({ ...base, state: 'done', progress: progress(1250) })).toBe(1);
  });

  it('result line and summary carry the numbers: errors, the gap in digits, activations of both layers', () => {
    const done: RunView = { ...base, state: 'done', settings: SETTINGS, curves: curves([0.0775, 0.0695], [0, 0.016]), snapshot };
    expect(resultText(base)).toBe('');
    expect(resultText(done)).toBe('Test error after 40 epochs: 7.75% without dropout, 6.95% with dropout (lower by 0.80 points, that is 16 of the 2,000 test digits).');
    const summary = summaryText(done, SETTINGS);
    expect(summary).toContain('784 → 128 → 128 → 10');
    expect(summary).toContain('At epoch 40: test error 7.75% without dropout and 6.95% with; training error 0.00% and 1.60%.');
    expect(summary).toContain('Hidden layer 1 on the test digits: mean activation 0.62 without dropout, 0.14 with; exactly zero 35% and 80%.');
    expect(summary).toContain('Hidden layer 2 on the test digits: mean activation 1.15 without dropout, 0.39 with');
    expect(summaryText(base, SETTINGS)).toMatch(/2,000 training digits.*appear here while they train/);
  });
});
