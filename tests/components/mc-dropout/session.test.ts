import { describe, expect, it } from 'vitest';
import { createMcSession } from '../../../components/mc-dropout/session.ts';
import { parseNetwork } from '../../../components/mc-dropout/network-file.ts';
import { specFromStored } from '../../../components/mc-dropout/network.ts';
import type { McMessage } from '../../../components/mc-dropout/protocol.ts';
import { EMPTY_CANVAS } from '../../../src/digits/preprocess.ts';
import type { DigitsResult } from '../../../src/digits/parse.ts';
import { barAsset } from '../digits-dropout/fixtures.ts';
import { committedNetworkBytes } from './real-digits.ts';
import { type StoredCurve, measureCurve, storedCurve } from '../../../components/mc-dropout/measure.ts';
import { mlpFromSpec } from '../../../components/mc-dropout/network.ts';
import { digitsDataset } from '../../../src/digits/dataset.ts';
import { DISAGREE_SHOWN, MC_SEED } from '../../../components/mc-dropout/session.ts';

const network = parseNetwork(committedNetworkBytes());

function harness(digits: DigitsResult = { ok: true, digits: barAsset(20, 30) }, pretrainedCurve?: StoredCurve) {
  const posted: McMessage[] = [];
  const tasks: (() => void)[] = [];
  let clock = 0;
  const session = createMcSession({
    post: (m) => posted.push(m),
    loadNetwork: async () => network,
    loadDigits: async () => digits,
    now: () => (clock += 5),
    schedule: (fn) => tasks.push(fn),
    pretrainedCurve,
  });
  const flush = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  const runTasks = (limit = 10_000) => {
    for (let n = 0; n < limit && tasks.length; n++) tasks.shift()!();
  };
  const of = <K extends McMessage['type']>(type: K) => posted.filter((m): m is Extract<McMessage, { type: K }> => m.type === type);
  return { session, posted, flush, runTasks, of };
}

/** A 100 × 100 canvas with a thick vertical bar: a "1". */
const one = () => {
  const ink = new Uint8Array(100 * 100);
  for (let y = 10; y < 90; y++) for (let x = 45; x < 55; x++) ink[y * 100 + x] = 255;
  return { kind: 'ink' as const, width: 100, height: 100, ink };
};

describe('the MC-dropout session', () => {
  it('announces the network, answers a drawing with T samples, and refuses an empty canvas', async () => {
    const h = harness();
    h.session.handle({ type: 'predict', id: 1, input: one(), T: 50 });
    h.session.handle({ type: 'start', networkUrl: 'n', digitsUrl: 'd' });
    await h.flush();
    expect(h.of('network')[0].network).toMatchObject({ kind: 'pretrained', sizes: [784, 64, 64, 10], testError: 0.057 });
    const [p] = h.of('prediction');
    expect(p).toMatchObject({ id: 1, T: 50, source: { kind: 'ink' } });
    expect(p.votes.reduce((s, v) => s + v, 0)).toBe(50);
    expect(p.mean.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
    p.low.forEach((low, c) => expect(low).toBeLessThanOrEqual(p.high[c])); // (the mean may lie outside: a skewed spread)
    expect(p.input.length).toBe(784);
    h.session.handle({ type: 'predict', id: 2, input: { kind: 'ink', width: 100, height: 100, ink: new Uint8Array(100 * 100) }, T: 10 });
    expect(h.of('refused')).toEqual([{ type: 'refused', id: 2, message: EMPTY_CANVAS }]);
  });

  it('T grows without changing the samples already drawn; test digits wait for the digits', async () => {
    const h = harness();
    h.session.handle({ type: 'start', networkUrl: 'n', digitsUrl: 'd' });
    h.session.handle({ type: 'predict', id: 1, input: { kind: 'test', index: 3 }, T: 1 });
    await h.flush();
    expect(h.of('digits')[0].gallery.length).toBe(20);
    const first = h.of('prediction')[0];
    expect(first.source).toEqual({ kind: 'test', index: 3, label: 3 });
    h.session.handle({ type: 'predict', id: 2, input: { kind: 'test', index: 3 }, T: 200 });
    h.session.handle({ type: 'predict', id: 3, input: { kind: 'test', index: 3 }, T: 1 });
    const [, , again] = h.of('prediction');
    expect(again.mean).toEqual(first.mean);
    expect(h.of('prediction')[1].votes.reduce((s, v) => s + v, 0)).toBe(200);
  });

  it('measures the curve in slices, streaming partial results, then the disagreement gallery', async () => {
    const h = harness();
    h.session.handle({ type: 'start', networkUrl: 'n', digitsUrl: 'd' });
    await h.flush();
    h.runTasks();
    const curves = h.of('curve');
    expect(curves.length).toBeGreaterThan(1);
    expect(curves[0].done).toBe(false);
    const last = curves.at(-1)!;
    expect(last).toMatchObject({ done: true, count: 30, total: 30, Tmax: 200 });
    expect(last.wrong.length).toBe(200);
    expect(last.disagree.length).toBe(8);
    const d = last.disagree.map((x) => x.disagreement);
    expect([...d].sort((a, b) => b - a)).toEqual(d);
  });

  it('shows the stored curve of the pre-trained network at once, equal to what it would measure; a trained one is measured', async () => {
    if (!network.ok) throw new Error(network.error);
    const asset = barAsset(20, 30);
    const measured = measureCurve(mlpFromSpec(specFromStored(network.network)), digitsDataset(asset.test, asset.classes), MC_SEED);
    const stored = storedCurve(measured, MC_SEED, DISAGREE_SHOWN);
    const live = harness();
    live.session.handle({ type: 'start', networkUrl: 'n', digitsUrl: 'd' });
    await live.flush();
    live.runTasks();
    const h = harness({ ok: true, digits: asset }, stored);
    h.session.handle({ type: 'start', networkUrl: 'n', digitsUrl: 'd' });
    await h.flush();
    const curves = h.of('curve');
    expect(curves).toHaveLength(1); // no slices: posted whole
    const { network: _a, ...shown } = curves[0];
    const { network: _b, ...measuredLive } = live.of('curve').at(-1)!;
    expect(shown).toEqual(measuredLive);
    // A stored curve for other digits (a different count) is not used: measured live instead.
    const other = harness(undefined, { ...stored, count: stored.count + 1 });
    other.session.handle({ type: 'start', networkUrl: 'n', digitsUrl: 'd' });
    await other.flush();
    expect(other.of('curve')).toHaveLength(0);
    other.runTasks();
    expect(other.of('curve').at(-1)!.done).toBe(true);
  });

  it('switches to a trained network and back, restarting the curve', async () => {
    const h = harness();
    h.session.handle({ type: 'start', networkUrl: 'n', digitsUrl: 'd' });
    await h.flush();
    if (!network.ok) throw new Error(network.error);
    h.session.handle({ type: 'use-network', spec: { ...specFromStored(network.network), label: 'yours' } });
    expect(h.of('network').at(-1)!.network).toMatchObject({ kind: 'trained', label: 'yours' });
    h.runTasks();
    expect(h.of('curve').at(-1)).toMatchObject({ network: 'yours', done: true });
    h.session.handle({ type: 'use-pretrained' });
    expect(h.of('network').at(-1)!.network.kind).toBe('pretrained');
  });

  it('reports a damaged network file or missing digits in a sentence', async () => {
    const broken = createMcSession({ post: (m) => posted.push(m), loadNetwork: async () => parseNetwork(new Uint8Array(3)), loadDigits: async () => ({ ok: false, error: 'x' }), now: () => 0, schedule: () => {} });
    const posted: McMessage[] = [];
    broken.handle({ type: 'start', networkUrl: 'n', digitsUrl: 'd' });
    await Promise.resolve();
    await Promise.resolve();
    expect(posted[0]).toMatchObject({ type: 'error' });
    expect((posted[0] as { message: string }).message).toMatch(/could not be read/);
    const h = harness({ ok: false, error: 'The digits data could not be read: it is corrupt.' });
    h.session.handle({ type: 'start', networkUrl: 'n', digitsUrl: 'd' });
    await h.flush();
    expect(h.of('error')[0].message).toMatch(/Drawing still works/);
  });
});
