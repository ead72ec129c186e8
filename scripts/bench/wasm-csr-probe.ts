// An experiment, not used by the engine: would a WebAssembly SIMD kernel pay for the digits net's inference?
// `node scripts/bench/wasm-csr-probe.ts` (Node 24). It hand-assembles (no toolchain) a CSR × dense kernel over f64x2:
// out[i, j..j+16] = b + Σₜ value[t] · W[k_t, j..j+16] over the non-zero pixels of digit i, 8 two-lane accumulators,
// f64x2.mul then f64x2.add (no fused multiply-add), so every sum has exactly the JS kernel's roundings — the probe
// checks the outputs are bit-for-bit those of denseForwardInto — and times both on the first layer (784 → width) over
// the 2,000 test digits, gathering the non-zeros and copying W in and z out included.
// Not wired in because the engine's path must stay pure TypeScript and a page would need 'wasm-unsafe-eval' in its
// Content-Security-Policy to compile it (a worker served without a CSP header would not).

import { createMatrix, createRng, denseForwardInto, initWeights } from '../../src/engine/index.ts';
import { digitsAssetBytes } from '../../src/digits/build-asset.ts';
import { digitsDataset } from '../../src/digits/dataset.ts';
import { parseDigitsAsset } from '../../src/digits/parse.ts';
import { DIGITS_DEFAULTS } from '../../components/digits-dropout/model.ts';

const leb = (n: number): number[] => { const out: number[] = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
const sleb = (n: number): number[] => { const out: number[] = []; for (;;) { const b = n & 0x7f; n >>= 7; if ((n === 0 && !(b & 0x40)) || (n === -1 && (b & 0x40))) { out.push(b); return out; } out.push(b | 0x80); } };
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const str = (s: string): number[] => [...leb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
// Locals: params 0 rows, 1 cols, 2 rowStart, 3 off, 4 val, 5 M, 6 bias, 7 out (byte addresses); then
// i32 8 j, 9 i, 10 t, 11 end, 12 m, 13 o; v128 14 v, 15… accumulators.
const get = (l: number) => [0x20, ...leb(l)], set = (l: number) => [0x21, ...leb(l)], tee = (l: number) => [0x22, ...leb(l)];
const i32c = (n: number) => [0x41, ...sleb(n)];
const add = [0x6a], shl = [0x74], mul = [0x6c];
const SIMD = (op: number, ...imm: number[]) => [0xfd, ...leb(op), ...imm];
const v128load = (offset: number) => SIMD(0x00, 4, ...leb(offset));
const v128store = (offset: number) => SIMD(0x0b, 4, ...leb(offset));
const f64x2splat = SIMD(0x14), f64x2add = SIMD(0xf0), f64x2mul = SIMD(0xf2);
const ACC = 15, V = 14, K = 8; // 8 accumulators = 16 columns
const body: number[] = [
  ...i32c(0), ...set(8),
  0x02, 0x40, 0x03, 0x40, // block loop (j)
  ...get(8), ...get(1), 0x4e, 0x0d, 1, // if j >= cols break
  ...i32c(0), ...set(9),
  0x02, 0x40, 0x03, 0x40, // block loop (i)
  ...get(9), ...get(0), 0x4e, 0x0d, 1,
  // acc_k = bias[j + 2k]
  ...Array.from({ length: K }, (_, k) => [...get(6), ...get(8), ...i32c(3), ...shl, ...add, ...v128load(16 * k), ...set(ACC + k)]).flat(),
  // t = rowStart[i], end = rowStart[i+1]
  ...get(2), ...get(9), ...i32c(2), ...shl, ...add, ...tee(13), 0x28, 2, 0, ...set(10),
  ...get(13), 0x28, 2, 4, ...set(11),
  0x02, 0x40, 0x03, 0x40, // block loop (t)
  ...get(10), ...get(11), 0x4e, 0x0d, 1,
  ...get(4), ...get(10), ...i32c(3), ...shl, ...add, 0x2b, 3, 0, ...f64x2splat, ...set(V),
  ...get(5), ...get(3), ...get(10), ...i32c(2), ...shl, ...add, 0x28, 2, 0, ...get(8), ...add, ...i32c(3), ...shl, ...add, ...set(12),
  ...Array.from({ length: K }, (_, k) => [...get(ACC + k), ...get(V), ...get(12), ...v128load(16 * k), ...f64x2mul, ...f64x2add, ...set(ACC + k)]).flat(),
  ...get(10), ...i32c(1), ...add, ...set(10),
  0x0c, 0, 0x0b, 0x0b, // br loop t; end loop; end block
  // o = out + (i*cols + j)*8
  ...get(7), ...get(9), ...get(1), ...mul, ...get(8), ...add, ...i32c(3), ...shl, ...add, ...set(13),
  ...Array.from({ length: K }, (_, k) => [...get(13), ...get(ACC + k), ...v128store(16 * k)]).flat(),
  ...get(9), ...i32c(1), ...add, ...set(9),
  0x0c, 0, 0x0b, 0x0b,
  ...get(8), ...i32c(2 * K), ...add, ...set(8),
  0x0c, 0, 0x0b, 0x0b,
  0x0b,
];
const locals = vec([[6, 0x7f], [1 + K, 0x7b]]);
const func = [...locals, ...body];
const bytes = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  ...section(1, vec([[0x60, ...vec(Array.from({ length: 8 }, () => [0x7f])), 0]])),
  ...section(2, vec([[...str('m'), ...str('memory'), 0x02, 0x00, ...leb(1)]])),
  ...section(3, vec([[0]])),
  ...section(7, vec([[...str('csr'), 0x00, 0]])),
  ...section(10, vec([[...leb(func.length), ...func]])),
]);

const memory = new WebAssembly.Memory({ initial: 512 });
const { instance } = await WebAssembly.instantiate(bytes, { m: { memory } });
const csr = instance.exports.csr as (...a: number[]) => void;

const parsed = parseDigitsAsset(digitsAssetBytes());
if (!parsed.ok) throw new Error(parsed.error);
const test = digitsDataset(parsed.digits.test, 10);
const width = DIGITS_DEFAULTS.width, R = test.x.rows;
if (width % 16 !== 0) throw new RangeError(`the probe's kernel needs a width divisible by 16, got ${width}`);
const W = initWeights('he-normal', 784, width, createRng(1));
const b = Float64Array.from({ length: width }, (_, j) => j / 100);
const x = test.x;
const z1 = createMatrix(R, width);
let top = 0;
const alloc = (size: number): number => {
  const at = top;
  top += (size + 15) & ~15;
  return at;
};
const pM = alloc(784 * width * 8), pB = alloc(width * 8), pOut = alloc(R * width * 8), pRow = alloc((R + 1) * 4), pOff = alloc(R * 784 * 4), pVal = alloc(R * 784 * 8);
const buf = memory.buffer;
const Mv = new Float64Array(buf, pM, 784 * width), Bv = new Float64Array(buf, pB, width), Ov = new Float64Array(buf, pOut, R * width);
const Rv = new Int32Array(buf, pRow, R + 1), Fv = new Int32Array(buf, pOff, R * 784), Vv = new Float64Array(buf, pVal, R * 784);
function wasmForward(out: Float64Array): void {
  Mv.set(W.data);
  Bv.set(b);
  let n = 0;
  const xs = x.data;
  for (let i = 0; i < R; i++) {
    Rv[i] = n;
    const base = i * 784;
    for (let k = 0; k < 784; k++) {
      const v = xs[base + k];
      Fv[n] = k * width;
      Vv[n] = v;
      n += +(v !== 0);
    }
  }
  Rv[R] = n;
  csr(R, width, pRow, pOff, pVal, pM, pB, pOut);
  out.set(Ov);
}
const z2 = new Float64Array(R * width);
for (let rep = 0; rep < 5; rep++) { // interleaved, so load changes on the machine hit both alike
  let t0 = performance.now();
  for (let r = 0; r < 5; r++) denseForwardInto(x, W, b, z1);
  const js = performance.now() - t0;
  t0 = performance.now();
  for (let r = 0; r < 5; r++) wasmForward(z2);
  const simd = performance.now() - t0;
  const same = z2.every((v, i) => v === z1.data[i]);
  console.log(`first layer 784→${width}, ${R} test digits: TypeScript ${Math.round((5 * R) / js * 1000)} rows/s, WebAssembly SIMD ${Math.round((5 * R) / simd * 1000)} rows/s (${(js / simd).toFixed(2)}×), bit-for-bit equal: ${same}`);
}
