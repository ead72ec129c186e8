import { describe, expect, it } from 'vitest';
import { createMlp, createRng, meanActivation, fractionOfExactZeros } from '../../../src/engine/index.ts';
import { digitsDataset } from '../../../src/digits/dataset.ts';
import { createProbe } from '../../../components/digits-dropout/probe.ts';
import { barPart } from './fixtures.ts';

describe('createProbe', () => {
  const data = digitsDataset(barPart(70, 'probe'), 10);
  const net = createMlp({ sizes: [784, 12, 9, 10], activation: { name: 'relu' } }, { scheme: 'he-normal', rng: createRng(2) });

  it('measures in chunks exactly what one pass over all rows gives', () => {
    const job = createProbe(net, data, { bins: 10, max: 2 }, 16);
    let calls = 0;
    while (!job.done) {
      job.step();
      calls++;
    }
    expect(calls).toBe(5); // 70 rows, 16 at a time
    const result = job.result();
    const pass = net.forward(data.x);
    const wrong = Array.from(data.labels).filter((label, i) => {
      const row = pass.logits.data.subarray(i * 10, i * 10 + 10);
      return row.indexOf(Math.max(...row)) !== label;
    }).length;
    expect(result.error).toBe(wrong / 70);
    result.hidden.forEach((layer, h) => {
      const a = pass.hidden[h].data;
      expect(layer.mean).toBeCloseTo(meanActivation(a), 12);
      expect(layer.zeroFraction).toBe(fractionOfExactZeros(a));
      expect(layer.above).toBe(a.filter((v) => v > 2).length);
      expect(layer.counts[3]).toBe(a.filter((v) => v >= 0.6 && v < 0.8).length);
      expect(layer.counts.reduce((s, c) => s + c, 0) + layer.above).toBe(a.length);
    });
  });

  it('without bins measures the error only; result() before the end is refused', () => {
    const job = createProbe(net, data, null);
    expect(() => job.result()).toThrow(/70 rows are still to measure/);
    job.step();
    expect(job.done).toBe(true);
    expect(job.result().hidden).toEqual([]);
  });
});
