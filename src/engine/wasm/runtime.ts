// The engine's WebAssembly kernels, compiled on first use, and the switch that chooses them.
//
// WebAssembly is an optional accelerator: the TypeScript kernels remain the reference and the fallback. The module is
// compiled once, synchronously (it is a few hundred bytes, under every browser's limit for synchronous compilation
// on a page's main thread). When there is no WebAssembly, no SIMD (WebAssembly.validate rejects the module), a
// Content-Security-Policy that forbids compiling it ('wasm-unsafe-eval' missing), or memory cannot grow, the
// engine silently uses TypeScript — and never tries again.
//
// The switch (`setKernels`) is module-level, for tests and benchmarks that compare both paths:
//   'auto'        WebAssembly where it pays (enough work per call to outweigh copying the weights in), else TypeScript
//   'webassembly' WebAssembly for every call it can take (tests: exercises it on tiny shapes too)
//   'typescript'  never WebAssembly

import { describeValue } from '../validate.ts';
import { wasmModule } from './assembler.ts';
import { CSR_TIMES_DENSE, CSR_TIMES_DENSE_RELU } from './csr-kernel.ts';
import { GATHER_NON_ZEROS } from './gather-kernel.ts';

export type KernelChoice = 'auto' | 'webassembly' | 'typescript';
export const KERNEL_CHOICES: readonly KernelChoice[] = ['auto', 'webassembly', 'typescript'];

export interface KernelStatus {
  readonly choice: KernelChoice;
  /** 'ready' once compiled; 'unavailable' when it could not be (see `reason`); 'untried' before first use. */
  readonly webassembly: 'untried' | 'ready' | 'unavailable';
  readonly reason: string;
  /** Dense products computed by WebAssembly so far (how tests and the benchmark see that it was used). */
  readonly calls: number;
}

/** The few members of the WebAssembly API used here (the engine's tsconfig has no DOM or Node types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}

/** See csr-kernel.ts; every argument is an i32 (pointers are byte addresses in `memory`). */
export type CsrTimesDense = (rows: number, cols: number, rowStart: number, offsets: number, values: number, bias: number, z: number) => void;
export type CsrTimesDenseRelu = (rows: number, cols: number, rowStart: number, offsets: number, values: number, bias: number, z: number, a: number) => void;
/** See gather-kernel.ts. */
export type GatherNonZeros = (rows: number, cols: number, x: number, wAt: number, rowBytes: number, rowStart: number, offsets: number, values: number) => void;

export interface Kernels {
  readonly memory: WasmMemory;
  readonly csrTimesDense: CsrTimesDense;
  readonly csrTimesDenseRelu: CsrTimesDenseRelu;
  readonly gatherNonZeros: GatherNonZeros;
}

const PAGE = 65536;
/** Every function of the engine's module, in order. */
export const KERNELS = [CSR_TIMES_DENSE, CSR_TIMES_DENSE_RELU, GATHER_NON_ZEROS];
let choice: KernelChoice = 'auto';
let kernels: Kernels | null = null;
let state: KernelStatus['webassembly'] = 'untried';
let reason = '';
let calls = 0;

export function setKernels(next: KernelChoice): void {
  const valid = KERNEL_CHOICES.map((c) => `'${c}'`).join(', ');
  if (typeof next !== 'string') throw new TypeError(`kernels must be one of ${valid}, got ${describeValue(next)}`);
  if (!KERNEL_CHOICES.includes(next)) throw new RangeError(`kernels must be one of ${valid}, got ${describeValue(next)}`);
  choice = next;
}

export function kernelStatus(): KernelStatus {
  return { choice, webassembly: state, reason, calls };
}

export function kernelChoice(): KernelChoice {
  return choice;
}

/** The compiled kernels, or null when the choice is 'typescript' or WebAssembly is unavailable. */
export function webAssemblyKernels(): Kernels | null {
  if (choice === 'typescript') return null;
  if (state === 'untried') compile();
  return kernels;
}

export function countCall(): void {
  calls++;
}

/** Memory with at least `bytes` bytes (grown in whole pages); false when it cannot grow. */
export function ensureMemory(k: Kernels, bytes: number): boolean {
  const missing = bytes - k.memory.buffer.byteLength;
  if (missing <= 0) return true;
  try {
    k.memory.grow(Math.ceil(missing / PAGE));
    return true;
  } catch {
    return false;
  }
}

/** For tests: forget the compiled module, as if the engine had just been loaded (with `api` as WebAssembly). */
export function resetKernelsForTesting(api?: unknown): void {
  kernels = null;
  state = 'untried';
  reason = '';
  apiOverride = api;
}
let apiOverride: unknown;

function compile(): void {
  const api = (apiOverride ?? (globalThis as { WebAssembly?: unknown }).WebAssembly) as WasmApi | undefined;
  try {
    if (api === undefined || typeof api.validate !== 'function') throw new Error('no WebAssembly in this environment');
    const bytes = wasmModule(KERNELS);
    if (!api.validate(bytes)) throw new Error('WebAssembly without SIMD (f64x2) support');
    const memory = new api.Memory({ initial: 1 });
    const instance = new api.Instance(new api.Module(bytes), { env: { memory } });
    const { csrTimesDense, csrTimesDenseRelu, gatherNonZeros } = instance.exports;
    if (![csrTimesDense, csrTimesDenseRelu, gatherNonZeros].every((f) => typeof f === 'function')) throw new Error('the module lacks its kernels');
    kernels = {
      memory,
      csrTimesDense: csrTimesDense as CsrTimesDense,
      csrTimesDenseRelu: csrTimesDenseRelu as CsrTimesDenseRelu,
      gatherNonZeros: gatherNonZeros as GatherNonZeros,
    };
    state = 'ready';
  } catch (error) {
    state = 'unavailable';
    reason = error instanceof Error ? error.message : String(error);
  }
}
