/**
 * The MC-dropout worker's logic, without the worker (Node tests drive it with fakes): load the network, then the test
 * digits; answer predictions at once (newest request wins); measure the test-set curve in slices of `sliceMs`
 * between them, posting partial results at most every `progressMs`.
 */
import { type Dataset, type McCurveJob, type Mlp, type Rng, createMcCurveJob, createRng, scaledProbabilities, summarizeSamples, thinnedProbabilities } from '../../src/engine/index.ts';
import { crc32 } from '../../src/digits/crc32.ts';
import { digitsDataset } from '../../src/digits/dataset.ts';
import type { DigitsResult } from '../../src/digits/parse.ts';
import { preprocessInk } from '../../src/digits/preprocess.ts';
import { CURVE_TMAX, type StoredCurve, curveRng } from './measure.ts';
import type { NetworkResult } from './network-file.ts';
import { CLASSES, type NetworkSpec, mlpFromSpec, specFromStored } from './network.ts';
import type { CurveUpdate, GalleryDigit, McInput, McMessage, McRequest, NetworkInfo } from './protocol.ts';

export interface McEnvironment {
  post(message: McMessage): void;
  loadNetwork(url: string): Promise<NetworkResult>;
  loadDigits(url: string): Promise<DigitsResult>;
  now(): number;
  schedule(fn: () => void): void;
  sliceMs?: number;
  progressMs?: number;
  /** The pre-trained network's curve as measure:mc stored it (seed MC_SEED): shown at once instead of measured again. */
  pretrainedCurve?: StoredCurve;
}

export interface McSession {
  handle(request: McRequest): void;
}

/** Seed of every Monte Carlo sample the widget draws (the curve's and the main view's: the same numbers). */
export const MC_SEED = 1;
export const GALLERY_PER_CLASS = 2;
export const DISAGREE_SHOWN = 8;

type Loaded = { net: Mlp; info: NetworkInfo; generation: number };
type Cached = { key: string; pixels: Float64Array; rng: Rng; samples: Float64Array; count: number; source: { kind: 'ink' } | { kind: 'test'; index: number; label: number } };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createMcSession(env: McEnvironment): McSession {
  const sliceMs = env.sliceMs ?? 15, progressMs = env.progressMs ?? 500;
  let pretrained: NetworkSpec | null = null;
  let loaded: Loaded | null = null;
  let test: Dataset | null = null;
  let testPixels: Uint8Array | null = null;
  let digitsFailed = false;
  let waiting: Extract<McRequest, { type: 'predict' }> | null = null;
  let cache: Cached | null = null;
  let job: McCurveJob | null = null;
  let jobToken = 0, lastProgress = -Infinity;

  const use = (spec: NetworkSpec, kind: NetworkInfo['kind']) => {
    const net = mlpFromSpec(spec);
    const info: NetworkInfo = { kind, label: spec.label, sizes: spec.sizes, dropout: spec.dropout, testError: spec.testError };
    loaded = { net, info, generation: (loaded?.generation ?? 0) + 1 };
    cache = null;
    env.post({ type: 'network', network: info });
    startCurve();
    answer();
  };

  function digitPixels(i: number): Uint8Array {
    return (testPixels as Uint8Array).slice(i * 784, (i + 1) * 784);
  }

  /** Answers the newest waiting prediction, if the network (and for a test digit, the digits) are there. */
  function answer(): void {
    const request = waiting;
    if (!request || !loaded) return;
    if (request.input?.kind === 'test' && !test) {
      if (!digitsFailed) return;
      waiting = null;
      return env.post({ type: 'refused', id: request.id, message: 'The test digits could not be loaded; drawing still works.' });
    }
    waiting = null;
    const { net, info, generation } = loaded;
    const prepared = prepare(request.input, generation);
    if ('refused' in prepared) return env.post({ type: 'refused', id: request.id, message: prepared.refused });
    const entry = prepared.entry;
    const T = Math.max(1, Math.min(CURVE_TMAX, Math.floor(request.T) || 1));
    if (entry.count < T) {
      const more = thinnedProbabilities(net, entry.pixels, T - entry.count, entry.rng, entry.count);
      const grown = new Float64Array(Math.max(T, entry.count) * CLASSES);
      grown.set(entry.samples.subarray(0, entry.count * CLASSES));
      grown.set(more, entry.count * CLASSES);
      entry.samples = grown;
      entry.count = T;
    }
    const s = summarizeSamples(entry.samples, CLASSES, T);
    env.post({
      type: 'prediction', id: request.id, T, source: entry.source, input: Float32Array.from(entry.pixels), network: info.label,
      scaled: Array.from(scaledProbabilities(net, entry.pixels)), mean: Array.from(s.mean), low: Array.from(s.low), high: Array.from(s.high), votes: Array.from(s.votes),
    });
  }

  function prepare(input: McInput, generation: number): { entry: Cached } | { refused: string } {
    if (input?.kind === 'test') {
      const index = input.index;
      if (!test || !Number.isInteger(index) || index < 0 || index >= test.x.rows) return { refused: `There is no test digit ${String(index)}.` };
      const key = `${generation} test ${index}`;
      if (cache?.key !== key) {
        const pixels = test.x.data.slice(index * 784, (index + 1) * 784);
        cache = { key, pixels, rng: curveRng(MC_SEED).fork(`example ${index}`), samples: new Float64Array(0), count: 0, source: { kind: 'test', index, label: test.labels[index] } };
      }
      return { entry: cache };
    }
    if (input?.kind !== 'ink' || !(input.ink instanceof Uint8Array)) return { refused: 'The drawing could not be read.' };
    const key = `${generation} ink ${input.width}×${input.height} ${crc32(input.ink)}`;
    if (cache?.key !== key) {
      const result = preprocessInk(input.ink, input.width, input.height, 255);
      if (!result.ok) return { refused: result.error };
      cache = { key, pixels: result.pixels, rng: createRng(`mc-dropout ${MC_SEED}`).fork('drawings'), samples: new Float64Array(0), count: 0, source: { kind: 'ink' } };
    }
    return { entry: cache };
  }

  function startCurve(): void {
    job = null;
    const token = ++jobToken;
    if (!loaded || !test) return;
    const stored = env.pretrainedCurve;
    if (loaded.info.kind === 'pretrained' && stored && stored.seed === MC_SEED && stored.count === test.x.rows && stored.Tmax === CURVE_TMAX) {
      const data = test;
      return env.post({
        type: 'curve', network: loaded.info.label, Tmax: stored.Tmax, count: stored.count, total: data.x.rows, wrong: [...stored.wrong], agree: [...stored.agree],
        scaledWrong: stored.scaledWrong, done: true,
        disagree: stored.disagree.map((d) => ({ ...d, label: data.labels[d.index], pixels: digitPixels(d.index) })),
      });
    }
    job = createMcCurveJob(loaded.net, test, { Tmax: CURVE_TMAX, rng: curveRng(MC_SEED), chunk: 1 });
    lastProgress = -Infinity;
    env.schedule(() => slice(token));
  }

  function slice(token: number): void {
    if (token !== jobToken || !job || !loaded) return;
    const deadline = env.now() + sliceMs;
    try {
      do job.step();
      while (!job.done && env.now() < deadline);
    } catch (error) {
      job = null;
      return env.post({ type: 'error', message: `The test-set curve stopped: ${message(error)}` });
    }
    if (job.done || env.now() - lastProgress >= progressMs) {
      env.post({ type: 'curve', ...curveUpdate(job, loaded.info.label) });
      lastProgress = env.now();
    }
    if (!job.done) env.schedule(() => slice(token));
  }

  function curveUpdate(running: McCurveJob, network: string): CurveUpdate {
    const c = running.curve();
    const order = Array.from(c.disagreement.keys()).sort((a, b) => c.disagreement[b] - c.disagreement[a] || a - b).slice(0, DISAGREE_SHOWN);
    return {
      network, Tmax: c.Tmax, count: c.count, total: (test as Dataset).x.rows, wrong: Array.from(c.wrong), agree: Array.from(c.agree), scaledWrong: c.scaledWrong,
      disagree: order.map((index) => ({ index, label: (test as Dataset).labels[index], pixels: digitPixels(index), disagreement: c.disagreement[index], predicted: c.predicted[index] })),
      done: running.done,
    };
  }

  function gallery(): GalleryDigit[] {
    const data = test as Dataset, picked: GalleryDigit[] = [];
    for (let c = 0; c < CLASSES; c++) {
      let found = 0;
      for (let i = 0; i < data.x.rows && found < GALLERY_PER_CLASS; i++) {
        if (data.labels[i] !== c) continue;
        picked.push({ index: i, label: c, pixels: digitPixels(i) });
        found++;
      }
    }
    return picked;
  }

  return {
    handle(request) {
      switch (request?.type) {
        case 'start':
          env.loadNetwork(request.networkUrl).then(
            (result) => {
              if (!result.ok) return env.post({ type: 'error', message: result.error });
              pretrained = specFromStored(result.network);
              if (!loaded) use(pretrained, 'pretrained');
              return env.loadDigits(request.digitsUrl).then((digits) => {
                if (!digits.ok) {
                  digitsFailed = true;
                  env.post({ type: 'error', message: `${digits.error} Drawing still works; the test digits and the curve need them.` });
                  return answer();
                }
                testPixels = digits.digits.test.pixels;
                test = digitsDataset(digits.digits.test, digits.digits.classes);
                env.post({ type: 'digits', gallery: gallery(), testCount: test.x.rows });
                startCurve();
                answer();
              });
            },
          ).catch((error: unknown) => env.post({ type: 'error', message: `The network or the digits could not be loaded: ${message(error)}` }));
          return;
        case 'predict':
          waiting = request;
          answer();
          return;
        case 'use-network':
          try {
            use(request.spec, 'trained');
          } catch (error) {
            env.post({ type: 'error', message: `The trained network cannot be used: ${message(error)}` });
          }
          return;
        case 'use-pretrained':
          if (pretrained) use(pretrained, 'pretrained');
          return;
        default:
          env.post({ type: 'error', message: `Unknown request ${JSON.stringify((request as { type?: unknown } | null)?.type ?? null)}` });
      }
    },
  };
}
