// The two building blocks of the zero-skipping kernels in dense.ts.
//
// gatherNonZeros compacts the non-zero entries of a row (or a column) into a list of (offset, value) pairs, so the
// unpredictable "is it zero?" test (a coin flip after ReLU and dropout) stays out of the inner loops. The
// compaction is itself branch-free: every entry is written, only non-zeros advance the count.
//
// sparseRowTimesMatrix then computes out[j] = init[j] + Σₜ value[t] · M[offset[t] + j] for j < cols, in ascending t
// (the order a plain loop over the non-zeros would use, so results are bit-for-bit those of that loop). It keeps
// eight (or three) running sums in local variables, which stay in registers: each term costs one load instead of
// a load and a store of out[j], about twice as fast as accumulating into memory.

/** Scratch lists for gatherNonZeros; they only grow. One pair per use site, so kernels never share them. */
export class NonZeroList {
  offset = new Int32Array(64);
  value = new Float64Array(64);

  ensure(n: number): void {
    if (this.offset.length < n) {
      this.offset = new Int32Array(n);
      this.value = new Float64Array(n);
    }
  }
}

/** For the entries data[start + k · step], k < n: writes k · stride and the value of each non-zero entry into
 * `list` and returns their count. A null `data` stands for all ones. */
export function gatherNonZeros(data: Float64Array | null, start: number, n: number, step: number, stride: number, list: NonZeroList): number {
  const offset = list.offset, value = list.value;
  if (data === null) {
    for (let k = 0; k < n; k++) {
      offset[k] = k * stride;
      value[k] = 1;
    }
    return n;
  }
  let count = 0;
  for (let k = 0; k < n; k++) {
    const v = data[start + k * step];
    offset[count] = k * stride;
    value[count] = v;
    count += +(v !== 0);
  }
  return count;
}

/** out[outStart + j] = init[j] + Σ_{t < n} value[t] · M[offset[t] + j] for j < cols, summed in ascending t. */
export function sparseRowTimesMatrix(
  init: Float64Array, list: NonZeroList, n: number, M: Float64Array, out: Float64Array, outStart: number, cols: number,
): void {
  const offset = list.offset, value = list.value;
  let j = 0;
  for (; j + 8 <= cols; j += 8) {
    let s0 = init[j], s1 = init[j + 1], s2 = init[j + 2], s3 = init[j + 3];
    let s4 = init[j + 4], s5 = init[j + 5], s6 = init[j + 6], s7 = init[j + 7];
    for (let t = 0; t < n; t++) {
      const v = value[t], m = offset[t] + j;
      s0 += v * M[m]; s1 += v * M[m + 1]; s2 += v * M[m + 2]; s3 += v * M[m + 3];
      s4 += v * M[m + 4]; s5 += v * M[m + 5]; s6 += v * M[m + 6]; s7 += v * M[m + 7];
    }
    const o = outStart + j;
    out[o] = s0; out[o + 1] = s1; out[o + 2] = s2; out[o + 3] = s3;
    out[o + 4] = s4; out[o + 5] = s5; out[o + 6] = s6; out[o + 7] = s7;
  }
  for (; j + 3 <= cols; j += 3) { // the rest three at a time: the 3 logits of a 3-class net in one pass
    let s0 = init[j], s1 = init[j + 1], s2 = init[j + 2];
    for (let t = 0; t < n; t++) {
      const v = value[t], m = offset[t] + j;
      s0 += v * M[m]; s1 += v * M[m + 1]; s2 += v * M[m + 2];
    }
    const o = outStart + j;
    out[o] = s0; out[o + 1] = s1; out[o + 2] = s2;
  }
  for (; j < cols; j++) {
    let s = init[j];
    for (let t = 0; t < n; t++) s += value[t] * M[offset[t] + j];
    out[outStart + j] = s;
  }
}
