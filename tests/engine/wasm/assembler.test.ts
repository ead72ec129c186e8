// The hand assembler: LEB128 encodings from the spec's examples, and modules the WebAssembly engine accepts.
import { describe, expect, it } from 'vitest';
import { I32, breakIf, ifThen, op, sleb, uleb, wasmModule, whileLoop } from '../../../src/engine/wasm/assembler.ts';

describe('assembler', () => {
  it('encodes LEB128 as the spec does', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(0)).toEqual([0]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(-64)).toEqual([0x40]);
    expect(sleb(-65)).toEqual([0xbf, 0x7f]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });

  it('builds a valid module whose loop runs: sum of 0 … n − 1 stored at address 0', () => {
    // sum(n): i = 0, s = 0; while (i < n) { s += i; i++ } ; memory[0] = s (as f64)
    const N = 0, I = 1, S = 2;
    const body = [
      ...whileLoop(
        [...op.get(I), ...op.get(N), ...op.i32GeU], breakIf,
        [...op.get(S), ...op.get(I), ...op.i32Add, ...op.set(S)],
        [...op.get(I), ...op.i32Const(1), ...op.i32Add, ...op.set(I)],
      ),
      ...op.i32Const(0), ...op.get(S), 0xb7 /* f64.convert_i32_s */, ...op.f64Store(),
      ...op.get(N), ...op.i32Eqz, ...ifThen(op.i32Const(0), op.f64Const0, op.f64Store(8)),
    ];
    const bytes = wasmModule([{ exportName: 'sum', params: 1, locals: [[2, I32]], body }]);
    expect(WebAssembly.validate(bytes)).toBe(true);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    (exports.sum as (n: number) => void)(100);
    expect(new Float64Array(memory.buffer, 0, 1)[0]).toBe(4950);
  });
});
