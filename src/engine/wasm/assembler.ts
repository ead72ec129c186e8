// A tiny WebAssembly assembler: just enough of the binary format (https://webassembly.github.io/spec/core/binary/)
// to write the engine's kernels by hand, with no toolchain to download. Code is an array of bytes built from the
// named instructions below; `wasmModule` wraps functions of i32 parameters into a module that imports its memory.
// Only the instructions the kernels use are here; each is the opcode from the spec, SIMD ones prefixed by 0xfd.

export type Code = readonly number[];

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (32-bit values). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vector = (items: readonly Code[]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: Code): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => vector([...s].map((c) => [c.charCodeAt(0)]));
const simd = (op: number, ...immediates: number[]): number[] => [0xfd, ...uleb(op), ...immediates];
/** memarg: alignment exponent, then a constant byte offset added to the address. */
const memarg = (align: number, offset: number): number[] => [align, ...uleb(offset)];

export const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b;

/** Instructions, by their text-format names. */
export const op = {
  get: (local: number): number[] => [0x20, ...uleb(local)],
  set: (local: number): number[] => [0x21, ...uleb(local)],
  i32Const: (n: number): number[] => [0x41, ...sleb(n)],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Eqz: [0x45],
  i32Shl: [0x74],
  i32ShrU: [0x76],
  i32GeU: [0x4f],
  i32GtU: [0x4b],
  i32LtU: [0x49],
  f64Const0: [0x44, 0, 0, 0, 0, 0, 0, 0, 0],
  f64Lt: [0x63],
  f64Ne: [0x62],
  select: [0x1b],
  i32Load: (offset = 0): number[] => [0x28, ...memarg(2, offset)],
  f64Load: (offset = 0): number[] => [0x2b, ...memarg(3, offset)],
  f64Store: (offset = 0): number[] => [0x39, ...memarg(3, offset)],
  i32Store: (offset = 0): number[] => [0x36, ...memarg(2, offset)],
  f64Add: [0xa0],
  f64Mul: [0xa2],
  v128Load: (offset = 0): number[] => simd(0x00, ...memarg(4, offset)),
  v128Store: (offset = 0): number[] => simd(0x0b, ...memarg(4, offset)),
  /** Loads one f64 into both lanes. */
  v128Load64Splat: (offset = 0): number[] => simd(0x0a, ...memarg(3, offset)),
  f64x2Splat: simd(0x14),
  f64x2ExtractLane: (lane: number): number[] => simd(0x21, lane),
  f64x2Ne: simd(0x48),
  v128AnyTrue: simd(0x53),
  f64x2Add: simd(0xf0),
  f64x2Mul: simd(0xf2),
  /** pmax(a, b) = a < b ? b : a, lane by lane: pmax(0, z) is exactly z > 0 ? z : 0 (ReLU, NaN → 0, −0 → 0). */
  f64x2Pmax: simd(0xf7),
} as const;

/** `block { loop { body; br 0 } }`: the body leaves with `breakIf` (br_if 1 out of the block). */
export function whileLoop(...body: Code[]): number[] {
  return [0x02, 0x40, 0x03, 0x40, ...body.flat(), 0x0c, 0, 0x0b, 0x0b];
}

/** Inside whileLoop's body (directly, not nested deeper): leave the loop when the i32 on the stack is non-zero. */
export const breakIf: Code = [0x0d, 1];

/** `if { body }` on the i32 on the stack. */
export function ifThen(...body: Code[]): number[] {
  return [0x04, 0x40, ...body.flat(), 0x0b];
}

export interface WasmFunction {
  readonly exportName: string;
  /** Number of i32 parameters (locals 0 … params − 1). */
  readonly params: number;
  /** Further locals, in order after the parameters: [count, type]. */
  readonly locals: readonly (readonly [number, number])[];
  readonly body: Code;
}

/** A module importing memory `env.memory` (at least `minPages` pages of 64 KiB) and exporting the functions. */
export function wasmModule(functions: readonly WasmFunction[], minPages = 1): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...vector(Array.from({ length: f.params }, () => [I32])), 0]);
  const bodies = functions.map((f) => {
    const code = [...vector(f.locals.map(([count, type]) => [...uleb(count), type])), ...f.body, 0x0b];
    return [...uleb(code.length), ...code];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, // "\0asm", version 1
    ...section(1, vector(types)),
    ...section(2, vector([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(minPages)]])),
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...section(7, vector(functions.map((f, i) => [...name(f.exportName), 0x00, ...uleb(i)]))),
    ...section(10, vector(bodies)),
  ]);
}
