import { describe, expect, it } from 'vitest';
import { argmaxAt, createMcCurveJob, createMlp, createRng, runningPredictions, scaledProbabilities, spirals, thinnedProbabilities } from '../../src/engine/index.ts';

const data = spirals({ count: 60, rng: createRng(1) });
const model = (p: number) => createMlp({ sizes: [2, 16, 16, 3], activation: { name: 'relu' }, dropoutP: p }, { scheme: 'he-normal', rng: createRng(2) });
const run = (p: number, chunk: number, Tmax = 30) => {
  const job = createMcCurveJob(model(p), data, { Tmax, rng: createRng('curve'), chunk });
  while (!job.done) job.step();
  return job.curve();
};

describe('createMcCurveJob (Figure 11, small)', () => {
  it('does not depend on the chunking', () => {
    const a = run(0.5, 1), b = run(0.5, 7);
    expect(Array.from(a.wrong)).toEqual(Array.from(b.wrong));
    expect(Array.from(a.agree)).toEqual(Array.from(b.agree));
    expect(Array.from(a.disagreement)).toEqual(Array.from(b.disagreement));
  });

  it('counts what the samples of each example say', () => {
    const net = model(0.5), curve = run(0.5, 5);
    let scaledWrong = 0;
    const wrongAt10 = Array.from({ length: data.x.rows }, (_, i) => {
      const x = data.x.data.subarray(2 * i, 2 * i + 2);
      const scaled = argmaxAt(scaledProbabilities(net, x), 0, 3);
      if (scaled !== data.labels[i]) scaledWrong++;
      return runningPredictions(thinnedProbabilities(net, x, 30, createRng('curve').fork(`example ${i}`)), 3)[9] !== data.labels[i];
    }).filter(Boolean).length;
    expect(curve.scaledWrong).toBe(scaledWrong);
    expect(curve.wrong[9]).toBe(wrongAt10);
    expect(curve.count).toBe(60);
  });

  it('with p = 0 every T agrees with the scaled network and has its error; nobody disagrees', () => {
    const curve = run(0, 11, 5);
    expect(Array.from(curve.agree)).toEqual([60, 60, 60, 60, 60]);
    expect(Array.from(curve.wrong)).toEqual(new Array(5).fill(curve.scaledWrong));
    expect(Math.max(...curve.disagreement)).toBe(0);
  });

  it('streams: a partial curve counts the examples measured so far', () => {
    const job = createMcCurveJob(model(0.5), data, { Tmax: 4, rng: createRng(1), chunk: 25 });
    job.step();
    expect(job.curve().count).toBe(25);
    expect(job.curve().disagreement.length).toBe(25);
    job.step();
    job.step();
    expect(job.done).toBe(true);
    expect(job.curve().count).toBe(60);
  });
});
