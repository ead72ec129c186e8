// From how many rows does the engine's WebAssembly dense forward beat its TypeScript one? `node
// scripts/bench/kernel-crossover.ts` (Node 24). Each WebAssembly call copies W into the module's memory first, so tiny
// batches can lose; this times both paths side by side (interleaved, best of 20 short runs each, as the machine's
// load drifts) on every layer shape of the benchmark's two nets, with their typical fraction of exact zeros in the
// input, and prints TypeScript time / WebAssembly time per batch size: above 1, WebAssembly is faster. The 'auto'
// choice's threshold (AUTO_MIN_ROWS in src/engine/wasm/dense-forward.ts) comes from this.

import { createRng, denseForwardInto, kernelStatus, setKernels } from '../../src/engine/index.ts';

const SHAPES = [[784, 128, 0.8], [128, 128, 0.6], [128, 10, 0.6], [2, 64, 0], [64, 64, 0.6], [64, 3, 0.6]] as const;
const ROWS = [1, 2, 4, 8, 16, 64, 256];
const rng = createRng('crossover');
const matrix = (rows: number, cols: number, zeros: number) =>
  ({ rows, cols, data: Float64Array.from({ length: rows * cols }, () => (rng.uniform() < zeros ? 0 : rng.normal())) });

for (const [nIn, nOut, zeros] of SHAPES) {
  const W = matrix(nIn, nOut, 0), b = new Float64Array(nOut);
  const cells = ROWS.map((rows) => {
    const x = matrix(rows, nIn, zeros), z = matrix(rows, nOut, 0);
    const best = { typescript: Infinity, webassembly: Infinity };
    for (let round = 0; round < 20; round++) {
      for (const kernels of ['typescript', 'webassembly'] as const) {
        setKernels(kernels);
        const start = performance.now();
        let calls = 0;
        do {
          denseForwardInto(x, W, b, z);
          calls++;
        } while (performance.now() - start < 5);
        best[kernels] = Math.min(best[kernels], (performance.now() - start) / calls);
      }
    }
    return `${rows}: ${(best.typescript / best.webassembly).toFixed(2)}`;
  });
  console.log(`${`${nIn} → ${nOut}`.padEnd(10)} ${Math.round(zeros * 100)}% zeros   rows: TypeScript / WebAssembly time   ${cells.join('   ')}`);
}
console.log(`WebAssembly: ${kernelStatus().webassembly}${kernelStatus().reason ? ` (${kernelStatus().reason})` : ''}`);
