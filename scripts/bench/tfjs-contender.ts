// The peers: TensorFlow.js 4.22 on its pure-JS CPU backend and on its WebAssembly backend (XNNPACK, SIMD), both
// in this process. Each gets the engine's initial weights (as float32), the same batches in the same order, and
// trains the way a tfjs user would write it efficiently: matMul + bias + ReLU (see logitsOf), tf.dropout (tfjs samples its
// own masks with its own RNG: the same work, different random draws), tf.losses.softmaxCrossEntropy (mean over the
// batch) and optimizer.minimize with tf.train.sgd (or tf.train.momentum when the workload uses momentum), everything
// inside tf.tidy, nothing leaked.
// Nothing is downloaded: the .wasm binaries are read from node_modules (and fetch is disabled while they load).

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { Contender } from './contenders.ts';
import type { NetSpec, Weights, Workload } from './workload.ts';

export type TfjsBackend = 'cpu' | 'wasm';

export interface TfjsInfo {
  readonly version: string;
  readonly wasm: { readonly simd: boolean; readonly threads: boolean; readonly binaries: string };
}

let initialised: TfjsInfo | null = null;

/** Registers both backends once, offline, with tfjs's console notices off (production mode). */
export async function initTfjs(): Promise<TfjsInfo> {
  if (initialised !== null) return initialised;
  tf.enableProdMode(); // silences tfjs's warnings, including the "looks like you are running in Node.js" banner
  const distDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
  for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']) {
    if (!existsSync(join(distDir, file))) throw new Error(`tfjs-backend-wasm binary missing: ${join(distDir, file)}`);
  }
  setWasmPaths(`${distDir}/`);
  const realFetch = globalThis.fetch;
  globalThis.fetch = () => Promise.reject(new Error('bench: network access is disabled'));
  try {
    if (!(await tf.setBackend('wasm')) || !(await tf.setBackend('cpu'))) throw new Error('a tfjs backend failed to initialise');
  } finally {
    globalThis.fetch = realFetch;
  }
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const threads = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  initialised = { version: tf.version.tfjs, wasm: { simd, threads, binaries: distDir } };
  return initialised;
}

interface Layer {
  readonly W: tf.Tensor2D;
  readonly b: tf.Tensor1D;
}

const toLayer = ({ W, b }: Weights, variable: boolean): Layer => {
  const Wt = tf.tensor2d(Float32Array.from(W.data), [W.rows, W.cols]);
  const bt = tf.tensor1d(Float32Array.from(b));
  return variable ? { W: tf.variable(Wt), b: tf.variable(bt) } : { W: Wt, b: bt };
};

/** Logits of the net, dropout after each hidden layer in training. Each dense layer is either one fused op
 * (matMul + bias + ReLU) or three separate ops: whichever the backend runs faster (measured here: fused for
 * inference on both backends and for training on the CPU backend; separate ops train ~15% faster on wasm). */
function logitsOf(layers: readonly Layer[], x: tf.Tensor2D, training: boolean, fused: boolean, spec: NetSpec): tf.Tensor2D {
  let h = training && spec.inputDropoutP > 0 ? (tf.dropout(x, spec.inputDropoutP) as tf.Tensor2D) : x;
  layers.forEach(({ W, b }, l) => {
    const last = l === layers.length - 1;
    if (fused) h = tf.fused.matMul({ a: h, b: W, bias: b, activation: last ? 'linear' : 'relu' }) as tf.Tensor2D;
    else {
      h = tf.add(tf.matMul(h, W), b);
      if (!last) h = tf.relu(h);
    }
    if (!last && training) h = tf.dropout(h, spec.dropoutP) as tf.Tensor2D;
  });
  return h;
}

export async function tfjsContender(backend: TfjsBackend, workload: Workload): Promise<Contender> {
  const info = await initTfjs();
  await tf.setBackend(backend);
  const layers = workload.initialWeights.map((w) => toLayer(w, true));
  const varList = layers.flatMap(({ W, b }) => [W, b]) as tf.Variable[];
  const { spec } = workload;
  const classes = spec.sizes[spec.sizes.length - 1];
  const xs = workload.batches.map(({ x }) => tf.tensor2d(Float32Array.from(x.data), [x.rows, x.cols]));
  const ys = workload.batches.map(({ labels }) => tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat()));
  const grid = tf.tensor2d(Float32Array.from(workload.grid.data), [workload.grid.rows, workload.grid.cols]);
  const optimizer = spec.momentum > 0 ? tf.train.momentum(spec.lr, spec.momentum) : tf.train.sgd(spec.lr);
  let cursor = 0, inferLayers: Layer[] | null = null;
  const fusedTraining = backend === 'cpu';
  const lossFor = (s: number) => () => tf.losses.softmaxCrossEntropy(ys[s], logitsOf(layers, xs[s], true, fusedTraining, spec)) as tf.Scalar;
  const wasm = `${info.wasm.simd ? 'SIMD' : 'no SIMD'}, ${info.wasm.threads ? 'threads' : '1 thread (tfjs disables wasm threads in Node)'}`;
  return {
    name: `tfjs-${backend}`,
    peer: true,
    description: `@tensorflow/tfjs ${info.version}, ${backend === 'cpu' ? 'CPU backend (pure JS, float32)' : `WebAssembly backend (XNNPACK, float32, ${wasm})`}`,
    activate: async () => {
      if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} failed`);
    },
    train(n, record) {
      const losses: number[] = [];
      for (let s = 0; s < n; s++) {
        const f = lossFor(cursor);
        cursor = (cursor + 1) % xs.length;
        if (record) {
          const cost = optimizer.minimize(f, true, varList) as tf.Scalar;
          losses.push(cost.dataSync()[0]);
          cost.dispose();
        } else tf.tidy(() => void optimizer.minimize(f, false, varList));
      }
      return losses;
    },
    trainedWeights: () =>
      layers.map(({ W, b }) => {
        const [rows, cols] = W.shape;
        return { W: { rows, cols, data: Float64Array.from(W.dataSync()) }, b: Float64Array.from(b.dataSync()) };
      }),
    prepareInference(weights) {
      inferLayers?.forEach(({ W, b }) => tf.dispose([W, b]));
      inferLayers = weights.map((w) => toLayer(w, false));
    },
    infer() {
      const logits = tf.tidy(() => logitsOf(inferLayers as Layer[], grid, false, true, spec));
      const out = logits.dataSync(); // reading the result back is part of the work
      logits.dispose();
      return out;
    },
    liveTensors: () => tf.memory().numTensors,
    dispose() {
      tf.dispose([...varList, ...xs, ...ys, grid, ...(inferLayers ?? []).flatMap(({ W, b }) => [W, b])]);
      optimizer.dispose();
    },
  };
}
