/**
 * The pre-trained network of the MC-dropout widget as one small binary file (public/data/mc-dropout-net.bin), written
 * by scripts/mc/train-network.ts and read in the widget's worker. Little-endian:
 *
 *   offset  size          field
 *        0     4          magic "MCDN"
 *        4     2          version (1)
 *        6     2          n, the number of layer sizes (input, hidden…, output), 2–8
 *        8     4          total file length in bytes
 *       12     4          CRC-32 (src/digits/crc32.ts) of every byte after this field
 *       16     4n         sizes, uint32
 *              8          input dropout p, float64            (p = DROP probability, as in the lecture)
 *              8(n − 2)   hidden dropout p per hidden layer, float64
 *              4 × 4      training: seed, epochs, batch size, training digits (uint32)
 *              2 × 8      training: learning rate, momentum (float64)
 *              8          test error of the stored weights (scaled network), float64
 *              2 × 4      test digits, of which misclassified (uint32)
 *                         per layer l: W_l (sizes[l] × sizes[l+1], row-major: row k = input k), then b_l, float32
 * Hidden units are ReLU. Weights are float32 (half the bytes of float64); the network computes in float64 from them,
 * and the stored test error is that of these float32 weights.
 */
import { crc32 } from '../../src/digits/crc32.ts';

export const NETWORK_MAGIC = 'MCDN';
export const NETWORK_VERSION = 1;
/** Where the built site serves the file, relative to the base path (copied from public/). */
export const NETWORK_PATH = 'data/mc-dropout-net.bin';

export interface TrainingSettings {
  readonly seed: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly trainCount: number;
  readonly lr: number;
  readonly momentum: number;
}

export interface StoredNetwork {
  readonly sizes: readonly number[];
  readonly dropout: { readonly input: number; readonly hidden: readonly number[] };
  readonly training: TrainingSettings;
  readonly test: { readonly error: number; readonly count: number; readonly wrong: number };
  /** W: fanIn × fanOut row-major; b: fanOut. */
  readonly weights: readonly { readonly W: Float64Array; readonly b: Float64Array }[];
}

export type NetworkResult = { readonly ok: true; readonly network: StoredNetwork } | { readonly ok: false; readonly error: string };

const HEAD = 16;
const metaBytes = (n: number): number => 4 * n + 8 * (n - 1) + 16 + 16 + 8 + 8;
const weightCount = (sizes: readonly number[]): number => sizes.slice(1).reduce((s, out, l) => s + sizes[l] * out + out, 0);

/** The file's bytes. Weights are rounded to float32. */
export function encodeNetwork(network: StoredNetwork): Uint8Array {
  const { sizes, dropout, training, test, weights } = network;
  const n = sizes.length;
  const total = HEAD + metaBytes(n) + 4 * weightCount(sizes);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = NETWORK_MAGIC.charCodeAt(i);
  view.setUint16(4, NETWORK_VERSION, true);
  view.setUint16(6, n, true);
  view.setUint32(8, total, true);
  let at = HEAD;
  const u32 = (v: number) => (view.setUint32(at, v, true), (at += 4));
  const f64 = (v: number) => (view.setFloat64(at, v, true), (at += 8));
  sizes.forEach(u32);
  f64(dropout.input);
  dropout.hidden.forEach(f64);
  [training.seed, training.epochs, training.batchSize, training.trainCount].forEach(u32);
  [training.lr, training.momentum, test.error].forEach(f64);
  [test.count, test.wrong].forEach(u32);
  weights.forEach(({ W, b }, l) => {
    if (W.length !== sizes[l] * sizes[l + 1] || b.length !== sizes[l + 1]) throw new RangeError(`layer ${l}: weights do not match the sizes`);
    for (const v of [...W, ...b]) (view.setFloat32(at, v, true), (at += 4));
  });
  view.setUint32(12, crc32(bytes.subarray(HEAD)), true);
  return bytes;
}

const fail = (error: string): NetworkResult => ({ ok: false, error: `The pre-trained network could not be read: ${error}` });

/** Reads the file. Never throws and never returns NaN weights: every check passes, or a sentence says what is wrong. */
export function parseNetwork(input: unknown): NetworkResult {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  if (!(bytes instanceof Uint8Array)) return fail('expected bytes.');
  if (bytes.length < HEAD) return fail(`the file has ${bytes.length} bytes, fewer than its ${HEAD}-byte header (truncated download?).`);
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== NETWORK_MAGIC) return fail(`it does not start with "${NETWORK_MAGIC}": not a network file.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== NETWORK_VERSION) return fail(`it is format version ${version}; this page reads version ${NETWORK_VERSION}.`);
  const n = view.getUint16(6, true), declared = view.getUint32(8, true);
  if (n < 2 || n > 8) return fail(`it declares ${n} layer sizes (2 to 8 expected).`);
  if (declared !== bytes.length) return fail(`it declares ${declared} bytes but ${bytes.length} arrived (truncated or padded).`);
  if (bytes.length < HEAD + metaBytes(n)) return fail('it is shorter than its own description.');
  if (crc32(bytes.subarray(HEAD)) !== view.getUint32(12, true)) return fail('it is corrupt (its checksum does not match).');
  let at = HEAD;
  const u32 = () => ((at += 4), view.getUint32(at - 4, true));
  const f64 = () => ((at += 8), view.getFloat64(at - 8, true));
  const sizes = Array.from({ length: n }, u32);
  if (sizes.some((s) => s < 1 || s > 4096)) return fail(`its layer sizes ${sizes.join('-')} are out of range.`);
  const inputP = f64();
  const hidden = Array.from({ length: n - 2 }, f64);
  if (![inputP, ...hidden].every((p) => p >= 0 && p < 1)) return fail('a dropout probability is outside [0, 1).');
  const [seed, epochs, batchSize, trainCount] = [u32(), u32(), u32(), u32()];
  const [lr, momentum, error] = [f64(), f64(), f64()];
  const [count, wrong] = [u32(), u32()];
  if (!(error >= 0 && error <= 1) || wrong > count) return fail('its stored test error is invalid.');
  if (bytes.length !== HEAD + metaBytes(n) + 4 * weightCount(sizes)) return fail(`its length does not match a ${sizes.join('-')} network.`);
  const read = (length: number): Float64Array | null => {
    const out = new Float64Array(length);
    for (let i = 0; i < length; i++, at += 4) if (!Number.isFinite((out[i] = view.getFloat32(at, true)))) return null;
    return out;
  };
  const weights: { W: Float64Array; b: Float64Array }[] = [];
  for (let l = 0; l + 1 < n; l++) {
    const W = read(sizes[l] * sizes[l + 1]), b = W && read(sizes[l + 1]);
    if (!W || !b) return fail(`layer ${l + 1} holds a weight that is not a finite number.`);
    weights.push({ W, b });
  }
  return { ok: true, network: { sizes, dropout: { input: inputP, hidden }, training: { seed, epochs, batchSize, trainCount, lr, momentum }, test: { error, count, wrong }, weights } };
}
